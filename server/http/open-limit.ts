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
 *   so only someone guessing tokens runs out. Counted when a request is about to be answered 401,
 *   before the answer, so a member's requests cost the store (Redis) nothing.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type ClientRateLimitInfo, type IncrementResponse, type Options, type Store as RateStore } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { RedisReply, RedisStore } from 'rate-limit-redis';
import { AppError, ErrorCode } from '../../shared/errors.js';

export interface LimitStoreOptions {
  /** Shared counts across instances; null: this process only. `Store`: rate-limit-redis's, loaded only with Redis. */
  redis: { client: Redis; prefix: string; Store: typeof RedisStore } | null;
}

const IPV6_SUBNET = 64;

const store = (opts: LimitStoreOptions, name: string): RateStore =>
  opts.redis
    ? new opts.redis.Store({ prefix: `${opts.redis.prefix}rate:${name}:`, sendCommand: (command: string, ...args: string[]) => opts.redis!.client.call(command, ...args) as Promise<RedisReply> })
    : new MemoryStore();

/** One minute per client address (IPv6 by its /64), standard headers, 429 `rate_limited` through the error mapper. */
function perAddress(perMinute: number, counts: RateStore, message: string, only?: Pick<Options, 'skip'>) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    ipv6Subnet: IPV6_SUBNET,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Redis down: the request goes on uncounted (/readyz reports Redis) rather than failing.
    passOnStoreError: true,
    store: counts,
    handler: (_req, _res, next) => next(new AppError(ErrorCode.rateLimited, 429, message)),
    ...only,
  });
}

export function openLimit(perMinute: number, opts: LimitStoreOptions): RequestHandler {
  return perAddress(perMinute, store(opts, 'open'), 'Too many requests; wait a moment and try again.');
}

/**
 * The counts of another store, plus this process's memory of the addresses it found past the
 * limit: until their window ends it answers for them without asking (an address being refused
 * costs Redis nothing either). Another instance learns of a refusal at the address's next failure.
 */
class RefusedHere implements RateStore {
  private readonly refused = new Map<string, ClientRateLimitInfo & { resetTime: Date }>();

  constructor(
    private readonly counts: RateStore,
    private readonly limit: number,
  ) {}

  get localKeys(): boolean | undefined {
    return this.counts.localKeys;
  }

  get prefix(): string | undefined {
    return this.counts.prefix;
  }

  init(options: Options): void | Promise<void> {
    return this.counts.init?.(options);
  }

  refuses(key: string): boolean {
    const r = this.refused.get(key);
    if (r && r.resetTime.getTime() <= Date.now()) this.refused.delete(key);
    return this.refused.has(key);
  }

  async increment(key: string): Promise<IncrementResponse> {
    if (this.refuses(key)) return this.refused.get(key)!;
    const r = await this.counts.increment(key);
    if (r.totalHits > this.limit && r.resetTime) {
      // Bounded by the addresses refused within one window; the expired ones go first.
      if (this.refused.size >= 10_000) for (const k of [...this.refused.keys()]) this.refuses(k);
      this.refused.set(key, { totalHits: r.totalHits, resetTime: r.resetTime });
    }
    return r;
  }

  decrement(key: string): void | Promise<void> {
    return this.counts.decrement(key);
  }

  resetKey(key: string): void | Promise<void> {
    this.refused.delete(key);
    return this.counts.resetKey(key);
  }

  shutdown(): void | Promise<void> {
    return this.counts.shutdown?.();
  }
}

/**
 * `gate` goes before the routes: it refuses an address this instance found past the budget, and
 * lets everything else through untouched. `count` goes after them, as an error handler: a 401 on
 * its way out is counted (once, in Redis when there) and becomes a 429 when it is one too many.
 * express-rate-limit's `skipSuccessfulRequests` would count every request and take it back after
 * a success: two Redis round trips for each of a member's requests.
 */
export function failedAuthLimit(perMinute: number, opts: LimitStoreOptions): { gate: RequestHandler; count: ErrorRequestHandler } {
  const counts = new RefusedHere(store(opts, 'auth'), perMinute);
  const limiter = perAddress(perMinute, counts, 'Too many requests without a valid sign-in from this address; wait a minute and try again.', {
    skip: (req, res) => res.locals.authFailed !== true && !counts.refuses(ipKeyGenerator(req.ip ?? '', IPV6_SUBNET)),
  });
  return {
    gate: limiter,
    count: (err, req, res, next) => {
      if (!(err instanceof AppError && err.status === 401) || res.headersSent) return next(err);
      res.locals.authFailed = true;
      void limiter(req, res, (refusal?: unknown) => next(refusal ?? err));
    },
  };
}
