/**
 * Members and sessions (issue #14, docs/api.md "Members and sessions"): join-link previews,
 * renaming, removing and merging members, personal re-entry links, visits, this device's session
 * and "my workshops".
 */
import { Router, type Request, type RequestHandler } from 'express';
import { Id, MergeMembersBody, PatchMemberBody, ReenterBody } from '../../../shared/api.js';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { MemberService } from '../../services/members.js';
import type { WorkshopService } from '../../services/workshops.js';
import type { MemberRecord } from '../../store/types.js';
import { actorOf, requireActor, sessionLookup } from '../auth-middleware.js';
import { parseInput } from '../errors.js';
import { sameOrigin } from '../origin.js';

export interface MemberRouteDeps {
  members: MemberService;
  workshops: WorkshopService;
  auth: Authenticator;
  publicUrl: string | null;
  /** Rate limit for unauthenticated requests (previews, re-entry): secrets are guessed here. */
  openLimit: RequestHandler;
  /** The signed-in person's members (sign-in, docs/sign-in.md), listed in `GET /api/me/workshops` too. */
  signedInMembers?: (req: Request) => Promise<MemberRecord[]>;
}

export function memberRoutes(deps: MemberRouteDeps): Router {
  const { members, workshops, auth } = deps;
  const r = Router();
  const member = requireActor(auth, deps.publicUrl);
  const base = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const secure = (req: Request) => base(req).startsWith('https:');
  const id = (req: Request) => parseInput(Id, req.params.id);
  const memberId = (req: Request) => parseInput(Id, req.params.memberId);
  /** A browser from another site may not sign this one in (login CSRF); clients without Origin may. */
  const notCrossSite = (req: Request) => {
    if (req.headers.origin !== undefined && !sameOrigin(req, deps.publicUrl)) throw new AppError(ErrorCode.forbidden, 403, 'Cross-origin request refused.');
  };

  r.get('/join/:token', deps.openLimit, async (req, res) => {
    const token = typeof req.params.token === 'string' && req.params.token.length <= 200 ? req.params.token : '';
    res.setHeader('Cache-Control', 'no-store');
    res.json(await workshops.preview(token, sessionLookup(auth, deps.publicUrl, req, false)));
  });

  r.patch('/workshops/:id/members/:memberId', member, async (req, res) => {
    res.json(await members.patch(actorOf(res.locals), id(req), memberId(req), parseInput(PatchMemberBody, req.body)));
  });

  r.delete('/workshops/:id/members/:memberId', member, async (req, res) => {
    await members.remove(actorOf(res.locals), id(req), memberId(req));
    res.status(204).end();
  });

  r.post('/workshops/:id/members/merge', member, async (req, res) => {
    const { from, into } = parseInput(MergeMembersBody, req.body);
    res.json(await members.merge(actorOf(res.locals), id(req), from, into));
  });

  r.post('/workshops/:id/members/:memberId/reentry', member, async (req, res) => {
    const secret = await members.renewReentry(actorOf(res.locals), id(req), memberId(req));
    // In the fragment: browsers never send it, so it stays out of server logs and Referer headers.
    res.setHeader('Cache-Control', 'no-store');
    res.json({ link: `${base(req)}/reenter#${secret}` });
  });

  r.post('/reenter', deps.openLimit, async (req, res) => {
    notCrossSite(req);
    const { secret } = parseInput(ReenterBody, req.body);
    const session = await members.reenter(secret);
    res.setHeader('Set-Cookie', auth.cookieHeader(session.workshopId, session.token, secure(req)));
    res.json(session);
  });

  r.post('/workshops/:id/visit', member, async (req, res) => {
    res.json(await members.visit(actorOf(res.locals), id(req)));
  });

  r.post('/workshops/:id/session/rotate', member, async (req, res) => {
    const token = await members.rotate(actorOf(res.locals), id(req));
    res.setHeader('Set-Cookie', auth.cookieHeader(id(req), token, secure(req)));
    res.json({ token });
  });

  r.delete('/workshops/:id/session', member, async (req, res) => {
    await members.signOut(actorOf(res.locals), id(req));
    res.setHeader('Set-Cookie', auth.clearCookieHeader(id(req), secure(req)));
    res.status(204).end();
  });

  r.get('/me/workshops', deps.openLimit, async (req, res) => {
    const tokens = [...auth.cookieSessions(req).values()];
    const bearer = req.headers.authorization;
    if (bearer?.startsWith('Bearer ')) tokens.push(bearer.slice(7).trim());
    res.setHeader('Cache-Control', 'no-store');
    res.json({ workshops: await members.mine(tokens, (await deps.signedInMembers?.(req)) ?? []) });
  });

  return r;
}
