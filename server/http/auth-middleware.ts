/** Resolves `res.locals.actor` for workshop routes from bearer token or session cookie. */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { SessionLookup } from '../services/workshops.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { Actor } from '../auth/access.js';
import type { Authenticator } from '../auth/authenticator.js';
import { sameOrigin } from './origin.js';

export function requireActor(auth: Authenticator, publicUrl: string | null): RequestHandler {
  return async (req, res, next) => {
    const workshopId = typeof req.params.id === 'string' ? req.params.id : null;
    const creds = auth.requestCredentials(req, workshopId);
    if (!creds) throw new AppError(ErrorCode.unauthenticated, 401, 'Sign in with your invite link first (no bearer token or session cookie).');
    if (creds.viaCookie && req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req, publicUrl)) {
      throw new AppError(ErrorCode.forbidden, 403, 'Cross-origin request refused.');
    }
    const actor = await auth.fromToken(creds.token);
    if (!actor) throw await refused(auth, creds.token);
    res.locals.actor = actor;
    next();
  };
}

/** 401 for a token that does not work; a removed member is told why (`details.reason: member_removed`). */
async function refused(auth: Authenticator, token: string): Promise<AppError> {
  if ((await auth.refusal(token)) === 'member_removed') {
    return new AppError(ErrorCode.unauthenticated, 401, 'A facilitator has removed you from this workshop; what you contributed stays.', { reason: 'member_removed' });
  }
  return new AppError(ErrorCode.unauthenticated, 401, 'Your token or session is not valid (it may have been removed with its workshop).');
}

export const actorOf = (locals: Record<string, unknown>): Actor => locals.actor as Actor;

/**
 * The request's member session of a workshop (bearer, or this browser's cookie), for `POST
 * /api/join` and its preview: the same person opening their link again. A cookie counts on a write
 * only from this origin (SameSite=Strict covers browsers; this covers the rest); reads are
 * protected by the browser's same-origin policy.
 */
export function sessionLookup(auth: Authenticator, publicUrl: string | null, req: IncomingMessage, write: boolean): SessionLookup {
  return async (workshopId) => {
    const creds = auth.requestCredentials(req, workshopId);
    if (!creds || (write && creds.viaCookie && !sameOrigin(req, publicUrl))) return null;
    const actor = await auth.fromToken(creds.token);
    return actor && actor.member.workshopId === workshopId ? { member: actor.member, token: creds.token } : null;
  };
}
