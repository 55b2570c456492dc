/**
 * Limits per client address that hold behind a proxy and across instances (issue #18), with
 * express-rate-limit: counts in a one-minute window per address (IPv6 addresses by their /64, the
 * block one household or office gets), kept in Redis when `REDIS_URL` is set so every instance
 * counts against the same budget, else in this process. Past a limit: 429 `rate_limited` with
 * `Retry-After` and the standard `RateLimit`/`RateLimit-Policy` headers, through the one error
 * mapper. The client address is Express's `req.ip`, which follows `TRUST_PROXY`.
 *
 * - `open`: the unauthenticated writes and lookups (create, join, preview, re-entry, import).
 * - `failedAuth`: requests that carried no valid credential (401); answered requests never count,
 *   so only someone guessing tokens runs out.
 */
import type { RequestHandler } from 'express';
import { rateLimit, type Options, type Store as RateStore } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { AppError, ErrorCode } from '../../shared/errors.js';

export interface LimitStoreOptions {
  /** Shared counts across instances; null: this process only. */
  redis: { client: Redis; prefix: string } | null;
}

const store = (opts: LimitStoreOptions, name: string): RateStore | undefined =>
  opts.redis
    ? new RedisStore({ prefix: `${opts.redis.prefix}rate:${name}:`, sendCommand: (command: string, ...args: string[]) => opts.redis!.client.call(command, ...args) as Promise<RedisReply> })
    : undefined;

/** One minute per client address (IPv6 by its /64), standard headers, 429 `rate_limited` through the error mapper. */
function perAddress(name: string, perMinute: number, opts: LimitStoreOptions, message: string, only?: Pick<Options, 'skipSuccessfulRequests' | 'requestWasSuccessful'>): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    ipv6Subnet: 64,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Redis down: the request goes on uncounted (/readyz reports Redis) rather than failing.
    passOnStoreError: true,
    store: store(opts, name),
    handler: (_req, _res, next) => next(new AppError(ErrorCode.rateLimited, 429, message)),
    ...only,
  });
}

export function openLimit(perMinute: number, opts: LimitStoreOptions): RequestHandler {
  return perAddress('open', perMinute, opts, 'Too many requests; wait a moment and try again.');
}

export function failedAuthLimit(perMinute: number, opts: LimitStoreOptions): RequestHandler {
  return perAddress('auth', perMinute, opts, 'Too many requests without a valid sign-in from this address; wait a minute and try again.', {
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
  });
}
