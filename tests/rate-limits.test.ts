/**
 * Limits per client address that hold behind a proxy and across instances (issue #18): a fixed
 * one-minute budget per address with `Retry-After` and the standard `RateLimit` headers; IPv6
 * addresses counted by their /64; requests without a valid credential counted on their own; and
 * two instances sharing one budget through Redis, where a member's request costs the
 * failed-authentication limit no Redis command (skips with a notice only when Redis is absent;
 * CI=true makes absence a failure).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkshop } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, redisUnreachable, redisUrl, testPrefix } from './helpers/services.js';
import { until } from './helpers/sync.js';

const noRedis = absentServices([['Redis', await redisUnreachable()]]);
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.stop();
    s.cleanup();
  }
});
async function server(env: Record<string, string>): Promise<TestServer> {
  const s = await startServer(env);
  servers.push(s);
  return s;
}

/** A join with a link nobody made: counted by the open limit, answered 404 until it runs out. */
const join = (base: string, from?: string) =>
  fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) }, body: JSON.stringify({ inviteToken: 'nobody-made-this', displayName: 'Kari' }) });

describe('the open limit', () => {
  it('answers 429 rate_limited past the budget, with Retry-After and RateLimit headers', async () => {
    const s = await server({ RATE_LIMIT_OPEN_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) expect((await join(s.base)).status).toBe(404);
    const refused = await join(s.base);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/r=0/);
    expect(refused.headers.get('ratelimit-policy')).toMatch(/q=3/);
  });

  it('behind a proxy, counts each address, and an IPv6 /64 as one', async () => {
    const s = await server({ RATE_LIMIT_OPEN_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    expect((await join(s.base, '2001:db8:1:2::1')).status).toBe(404);
    expect((await join(s.base, '2001:db8:1:2:ffff::9')).status).toBe(404);
    expect((await join(s.base, '2001:db8:1:2::77')).status).toBe(429); // the same /64
    expect((await join(s.base, '2001:db8:1:3::1')).status).toBe(404); // the next /64
    expect((await join(s.base, '192.0.2.10')).status).toBe(404);
    expect((await join(s.base, '192.0.2.10')).status).toBe(404);
    expect((await join(s.base, '192.0.2.10')).status).toBe(429);
    expect((await join(s.base, '192.0.2.11')).status).toBe(404);
  });
});

describe('the failed-authentication limit', () => {
  it('counts only requests refused for want of a valid credential', async () => {
    const s = await server({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3' });
    const w = await createWorkshop(s.base);
    const get = (token: string) => fetch(`${s.base}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${token}` } });
    // A member's own requests never count.
    for (let i = 0; i < 6; i++) expect((await get(w.token)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get(`guess-${i}`)).status).toBe(401);
    const refused = await get('guess-4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    // The address is out of budget for the minute, valid credential or not.
    expect((await get(w.token)).status).toBe(429);
  });

  it('counts a failure before answering it, so guesses sent at once cannot overrun the budget', async () => {
    const s = await server({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3' });
    const w = await createWorkshop(s.base);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${s.base}/api/workshops/${w.id}`, { headers: { authorization: `Bearer guess-${i}` } }).then((r) => r.status)));
    expect(answers.filter((a) => a === 401)).toHaveLength(3);
    expect(answers.filter((a) => a === 429)).toHaveLength(9);
  });
});

describe.skipIf(noRedis)('across instances, with Redis', () => {
  it('two instances share one budget per address', async () => {
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: `samskap-rl-${randomBytes(4).toString('hex')}:`, RATE_LIMIT_OPEN_PER_MINUTE: '4' };
    const [a, b] = [await server(env), await server(env)];
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push((await join(a.base)).status);
      answers.push((await join(b.base)).status);
    }
    expect(answers).toEqual([404, 404, 404, 404, 429, 429]);
  });

  it('a request with a valid credential sends the failed-authentication limit no Redis command; failures still share one budget', async () => {
    const prefix = testPrefix();
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3' };
    const [a, b] = [await server(env), await server(env)];
    // Each in-process instance has its own SQLite: a workshop on each, whose token it knows.
    const workshops = new Map([[a, await createWorkshop(a.base)], [b, await createWorkshop(b.base)]]);
    // Every command that names one of this limit's keys, in the order Redis ran them.
    const keyed: string[][] = [];
    const monitored = new Redis(redisUrl);
    const monitor = await monitored.monitor();
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((x) => x.startsWith(`${prefix}rate:auth:`))) keyed.push(args);
    });
    const marker = new Redis(redisUrl);
    // Redis runs commands in order: once the monitor sees this marker, it has seen every command sent before it.
    const settled = async () => {
      const m = `${prefix}rate:auth:marker-${randomBytes(4).toString('hex')}`;
      await marker.set(m, '1', 'PX', 1000);
      await until(() => keyed.some((c) => c.includes(m)), 5000, 'the marker');
      return keyed.filter((c) => !c.some((x) => x.includes(':marker-')));
    };
    try {
      const get = (s: TestServer, token = workshops.get(s)!.token) => fetch(`${s.base}/api/workshops/${workshops.get(s)!.id}`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < 5; i++) {
        expect((await get(a)).status).toBe(200);
        expect((await get(b)).status).toBe(200);
      }
      expect(await settled()).toEqual([]);
      // Failures count in Redis, whichever instance answers them.
      expect((await get(a, 'guess-1')).status).toBe(401);
      expect((await get(b, 'guess-2')).status).toBe(401);
      expect((await get(a, 'guess-3')).status).toBe(401);
      expect((await settled()).length).toBeGreaterThan(0);
      const refused = await get(b, 'guess-4');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('ratelimit')).toMatch(/r=0/);
      expect(refused.headers.get('ratelimit-policy')).toMatch(/q=3/);
      expect((await get(a, 'guess-5')).status).toBe(429);
      // An instance that refused the address refuses it for the rest of the window, credential or not.
      expect((await get(a)).status).toBe(429);
      expect((await get(b)).status).toBe(429);
    } finally {
      monitored.disconnect();
      marker.disconnect();
    }
  });
});
