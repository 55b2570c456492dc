/**
 * `GET /auth/oidc/start?invite=&returnTo=` → 302 to the provider; `GET /auth/oidc/callback`
 * completes the sign-in, starts a fresh person session and, with an invite, joins the workshop as
 * that person; `POST /auth/logout` ends the person session. See docs/sign-in.md.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { Limits } from '../../../shared/api.js';
import { SIGN_IN_ERRORS, type SignInError } from '../../../shared/sign-in.js';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import type { Authenticator } from '../../auth/authenticator.js';
import { clearFlowCookieHeader, FLOW_TTL_MS, flowCookieHeader, readFlow, safeReturnTo } from '../../auth/flow-cookie.js';
import type { OidcClient } from '../../auth/oidc-client.js';
import type { PersonSessions } from '../../auth/person-sessions.js';
import { sameSecret } from '../../auth/tokens.js';
import type { Logger } from '../../log.js';
import type { PersonJoinService } from '../../services/person-join.js';
import { sameOrigin } from '../origin.js';
import { sendSignInProblem } from '../sign-in-page.js';

export interface OidcRouteDeps {
  /** Null when sign-in is off: start and callback answer 404 `sign_in_disabled`. */
  oidc: { client: OidcClient; redirectUri: string } | null;
  auth: Authenticator;
  persons: PersonSessions;
  personJoin: PersonJoinService;
  secret: string;
  publicUrl: string | null;
  openLimit: RequestHandler;
  log: Logger;
  now: () => Date;
}

export function oidcRoutes(deps: OidcRouteDeps): Router {
  const r = Router();
  const secure = (req: Request) => (deps.publicUrl ?? `${req.protocol}://${req.get('host')}`).startsWith('https:');
  const enabled = (): NonNullable<OidcRouteDeps['oidc']> => {
    if (!deps.oidc) throw new AppError(ErrorCode.signInDisabled, 404, 'Sign-in is not configured on this server.');
    return deps.oidc;
  };

  r.get('/auth/oidc/start', deps.openLimit, async (req, res) => {
    const { client } = enabled();
    const invite = typeof req.query.invite === 'string' && req.query.invite.length > 0 && req.query.invite.length <= Limits.tokenMax ? req.query.invite : null;
    const secrets = client.newSecrets();
    let to: URL;
    try {
      to = await client.authorizationUrl(secrets);
    } catch (err) {
      deps.log.warn({ err: describe(err) }, 'sign-in provider unavailable');
      return sendSignInProblem(res, 503, 'unavailable', invite ? joinPath(invite) : '/');
    }
    const flow = { ...secrets, invite, returnTo: safeReturnTo(req.query.returnTo), expiresAt: deps.now().getTime() + FLOW_TTL_MS };
    res.setHeader('Set-Cookie', flowCookieHeader(flow, deps.secret, secure(req)));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, to.href);
  });

  r.get('/auth/oidc/callback', deps.openLimit, async (req, res) => {
    const { client, redirectUri } = enabled();
    const flow = readFlow(req, deps.secret, deps.now().getTime());
    const cookies = [clearFlowCookieHeader(secure(req))];
    res.setHeader('Set-Cookie', cookies);
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    // CSRF: only the browser that started this sign-in holds its state.
    if (!flow || !sameSecret(state, flow.state)) return sendSignInProblem(res, 400, 'refused', '/');
    const back = flow.invite ? joinPath(flow.invite) : '/';
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    let signedIn;
    try {
      signedIn = await client.complete(new URL(redirectUri + query), flow);
    } catch (err) {
      deps.log.warn({ err: describe(err) }, 'sign-in refused');
      return sendSignInProblem(res, 400, 'refused', back);
    }
    const person = await deps.personJoin.signedIn(signedIn);
    // Always a new session: a cookie the browser came with never becomes one (session fixation).
    cookies.push(deps.persons.cookieHeader(await deps.persons.start(person.id), secure(req)));
    if (!flow.invite) return redirect(res, cookies, flow.returnTo);
    try {
      const entry = await deps.personJoin.join(person, signedIn.orgNumber, flow.invite);
      cookies.push(deps.auth.cookieHeader(entry.workshopId, entry.token, secure(req)));
      return redirect(res, cookies, `/w/${encodeURIComponent(entry.workshopId)}`);
    } catch (err) {
      const removed = err instanceof AppError && err.details?.reason === 'member_removed';
      const code = removed ? 'member_removed' : err instanceof AppError && (SIGN_IN_ERRORS as readonly string[]).includes(err.code) ? (err.code as SignInError) : null;
      if (!code) throw err;
      return redirect(res, cookies, `${back}?error=${code}`);
    }
  });

  r.post('/auth/logout', async (req, res) => {
    const session = await deps.persons.fromRequest(req);
    if (session && !sameOrigin(req, deps.publicUrl)) throw new AppError(ErrorCode.forbidden, 403, 'Cross-origin request refused.');
    if (session) await deps.persons.end(session);
    res.setHeader('Set-Cookie', deps.persons.clearCookieHeader(secure(req)));
    res.status(204).end();
  });

  return r;
}

const joinPath = (invite: string) => `/join/${encodeURIComponent(invite)}`;

function redirect(res: Response, cookies: string[], to: string): void {
  res.setHeader('Set-Cookie', cookies);
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(303, to);
}

/** What the log may hold of a sign-in error: its kind, never tokens, claims or the subject. */
function describe(err: unknown): Record<string, unknown> {
  const e = err as { name?: unknown; code?: unknown; error?: unknown; message?: unknown };
  return { name: e?.name, code: e?.code, error: e?.error, message: typeof e?.message === 'string' ? e.message.slice(0, 200) : undefined };
}
