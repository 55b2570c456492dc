/**
 * A per-member request limit for expensive routes (exports), with express-rate-limit: at most
 * `perMinute` requests in each member's one-minute window. Past it: 429 `rate_limited` with
 * `Retry-After` (seconds until the window ends; the standard `RateLimit` headers too), through the
 * one error mapper. Keyed by member id,
 * so one member cannot spend the server's rendering time from many tabs or addresses. Counts live
 * in this process (the library's memory store). Runs after `requireActor`.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { actorOf } from './auth-middleware.js';

export function perMemberLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => actorOf(res.locals).member.id,
    handler: (_req, _res, next) => next(new AppError(ErrorCode.rateLimited, 429, `At most ${perMinute} exports a minute per member; try again shortly.`)),
  });
}
