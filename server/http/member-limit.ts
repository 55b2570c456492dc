/**
 * A per-member request limit for expensive routes (exports): at most `perMinute` requests in
 * each member's fixed one-minute window. Past it: 429 `rate_limited` with `Retry-After` (whole
 * seconds until the window ends). Keyed by member id, so one member cannot spend the server's
 * rendering time by opening many tabs or addresses. Counts live in this process only.
 * Runs after `requireActor`.
 */
import type { RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { actorOf } from './auth-middleware.js';

interface Window {
  startedAt: number;
  count: number;
}

const WINDOW_MS = 60_000;
/** Windows kept before old ones are swept (bounds memory under many members). */
const SWEEP_AT = 10_000;

export function perMemberLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const windows = new Map<string, Window>();
  return (_req, res, next) => {
    const t = now();
    const key = actorOf(res.locals).member.id;
    if (windows.size > SWEEP_AT) for (const [k, w] of windows) if (t - w.startedAt >= WINDOW_MS) windows.delete(k);
    let w = windows.get(key);
    if (!w || t - w.startedAt >= WINDOW_MS) {
      w = { startedAt: t, count: 0 };
      windows.set(key, w);
    }
    if (w.count >= perMinute) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((w.startedAt + WINDOW_MS - t) / 1000))));
      throw new AppError(ErrorCode.rateLimited, 429, `At most ${perMinute} exports a minute per member; try again shortly.`);
    }
    w.count++;
    next();
  };
}
