/**
 * Limits per client address that hold behind a proxy and across instances (issue #18): a fixed
 * one-minute budget per address with `Retry-After` and the standard `RateLimit` headers; IPv6
 * addresses counted by their /64; requests without a valid credential counted on their own; and
 * two instances sharing one budget through Redis (skips with a notice only when Redis is absent;
 * CI=true makes absence a failure).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkshop } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, redisUnreachable, redisUrl } from './helpers/services.js';
import { randomBytes } from 'node:crypto';

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
});
