/**
 * The signed-in person (docs/api.md, "Sign-in"): `GET /api/auth` says whether sign-in is offered
 * and who is signed in; `POST /api/me/workshops/:id/enter` opens a workshop session for the
 * person's member there (a second browser, a cleared cookie) and sets the workshop cookie.
 */
import { Router, type Request } from 'express';
import { Id, type AuthStatusDto } from '../../../shared/api.js';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { PersonSessions } from '../../auth/person-sessions.js';
import { memberDto } from '../../services/representation.js';
import type { Store } from '../../store/types.js';
import type { PersonJoinService } from '../../services/person-join.js';
import { parseInput } from '../errors.js';
import { sameOrigin } from '../origin.js';

export interface MeRouteDeps {
  signInLabel: string | null;
  auth: Authenticator;
  persons: PersonSessions;
  personJoin: PersonJoinService;
  publicUrl: string | null;
  store: Store;
}

export function meRoutes(deps: MeRouteDeps): Router {
  const r = Router();
  const secure = (req: Request) => (deps.publicUrl ?? `${req.protocol}://${req.get('host')}`).startsWith('https:');

  r.get('/auth', async (req, res) => {
    const session = await deps.persons.fromRequest(req);
    const body: AuthStatusDto = {
      signIn: { enabled: deps.signInLabel !== null, label: deps.signInLabel },
      person: session ? { name: session.person.displayName, orgNumber: session.person.orgNumber } : null,
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  r.post('/me/workshops/:id/enter', async (req, res) => {
    const workshopId = parseInput(Id, req.params.id);
    const session = await deps.persons.fromRequest(req);
    if (!session) throw new AppError(ErrorCode.unauthenticated, 401, 'Sign in first.');
    if (!sameOrigin(req, deps.publicUrl)) throw new AppError(ErrorCode.forbidden, 403, 'Cross-origin request refused.');
    const entry = await deps.personJoin.enter(session.person, workshopId);
    res.setHeader('Set-Cookie', deps.auth.cookieHeader(workshopId, entry.token, secure(req)));
    res.json({ workshopId, member: await memberDto(deps.store, entry.member) });
  });

  return r;
}
