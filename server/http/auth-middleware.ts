/** Resolves `res.locals.actor` for workshop routes from bearer token or session cookie. */
import type { RequestHandler } from 'express';
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
    if (!actor) throw new AppError(ErrorCode.unauthenticated, 401, 'Your token or session is not valid (it may have been removed with its workshop).');
    res.locals.actor = actor;
    next();
  };
}

export const actorOf = (locals: Record<string, unknown>): Actor => locals.actor as Actor;
