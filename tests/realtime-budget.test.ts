/**
 * The socket.io command budget is per member, shared by all of their sockets (issue #12,
 * finding 8): opening more sockets does not buy more commands, and another member's budget is
 * untouched. Stock socket.io clients act as the hostile member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected, type TestSocket } from './helpers/socket.js';

let s: TestServer;
let f: Fixture;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
});
afterAll(async () => {
  sockets.forEach((c) => c.close());
  await s.stop();
  s.cleanup();
});

describe('command budget per member', () => {
  it('is shared across a member’s sockets (3 × 60 commands exceed the burst of 100)', async () => {
    const mine = await Promise.all([0, 1, 2].map(() => connected(s.base, f.observer)));
    const other = await connected(s.base, f.participantA);
    sockets.push(...mine, other);
    const acks = await Promise.all(mine.flatMap((c) => Array.from({ length: 60 }, () => c.cmd('state.sync'))));
    const limited = acks.filter((r) => !r.ok && r.error.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(60);
    expect(acks.filter((r) => r.ok).length).toBeLessThanOrEqual(110);
    // Per socket, each would have stayed within its own burst. Another member's budget is untouched.
    expect((await other.cmd('state.sync')).ok).toBe(true);
  });
});
