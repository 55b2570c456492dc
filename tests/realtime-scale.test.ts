/**
 * Decisions across two instances on one PostgreSQL and one Redis: broadcasts reach sockets on the
 * other instance, a vote budget holds when one member casts through both, and a board lock set
 * on one instance makes the participant's connection on the other read-only.
 * Skips with a notice when PostgreSQL or Redis is absent (fails when CI=true).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Broadcasts } from '../shared/realtime/index.js';
import { CloseCode } from '../shared/errors.js';
import { call, fixture, invite, join, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable, redisUnreachable, redisUrl, testPrefix } from './helpers/services.js';
import { connected, type TestSocket } from './helpers/socket.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

const skip = absentServices([
  ['PostgreSQL', await pgUnreachable()],
  ['Redis', await redisUnreachable()],
]);

describe.skipIf(skip)('decisions on two instances (PostgreSQL + Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: TestServer;
  let two: TestServer;
  let f: Fixture;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testPrefix(), SESSION_SECRET: 'x'.repeat(40) };
    one = await startServer(env);
    two = await startServer(env);
    f = await fixture(one.base);
  });
  afterAll(async () => {
    sockets.forEach((x) => x.close());
    await one?.stop();
    await two?.stop();
    one?.cleanup();
    two?.cleanup();
    await db?.drop();
  });

  const on = async (server: TestServer, token: string) => {
    const sock = await connected(server.base, token);
    sockets.push(sock);
    return sock;
  };

  it('broadcasts cross instances and one member cannot beat the budget through both', async () => {
    const fac = await on(one, f.facilitator);
    const aOne = await on(one, f.participantA);
    const aTwo = await on(two, f.participantA);
    const { roundId } = await fac.ok('vote.open', { boardId: f.workshop.boards[0]!.id, votesPerPerson: 3, elementIds: ['e0', 'e1', 'e2', 'e3', 'e4'] });
    await aTwo.next<Broadcasts['vote.opened']>('vote.opened', (e) => e.roundId === roundId);
    const casts = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? aOne : aTwo).cmd('vote.cast', { roundId, elementId: `e${i % 5}` })));
    expect(casts.filter((r) => r.ok)).toHaveLength(3);
    const closed = await fac.ok('vote.close', { roundId });
    expect(closed.results.reduce((n, r) => n + r.votes, 0)).toBe(3);
    expect((await aTwo.next<Broadcasts['vote.closed']>('vote.closed')).results).toEqual(closed.results);
  });

  it('a lock set on one instance makes the participant read-only on the other', async () => {
    const fac = await on(one, f.facilitator);
    const participant = provider(two.wsBase, f.board, f.participantB);
    const watcher = provider(one.wsBase, f.board, f.facilitator);
    await Promise.all([synced(participant), synced(watcher)]);
    await fac.ok('board.lock', { locked: true });
    // The lock reaches instance two by a fan-out control message: wait until its writes drop.
    let n = 0;
    const dropped = two.app.metrics.sync.droppedWrites;
    await until(() => {
      participant.doc.getText('t').insert(0, `w${n++}`);
      return two.app.metrics.sync.droppedWrites > dropped;
    }, 5000, 'a dropped write on instance two');
    const seen = await two.app.registry.read(f.board, (d) => d.getText('t').length);
    participant.doc.getText('t').insert(0, 'more while locked');
    watcher.doc.getText('f').insert(0, 'facilitator writes');
    await until(() => participant.doc.getText('f').toString() === 'facilitator writes', 5000, 'facilitator write across');
    expect(await two.app.registry.read(f.board, (d) => d.getText('t').length)).toBe(seen);
    participant.destroy();
    watcher.destroy();
  });

  it('removing a member on one instance closes their sync and socket.io connections on the other at once', async () => {
    const id = f.workshop.id;
    const kari = await join(one.base, (await invite(one.base, id, f.facilitator, { role: 'participant', organisationId: f.workshop.organisations[0]!.id })).token, 'Kari');
    const socket = await on(two, kari.token);
    const room = provider(two.wsBase, f.charter, kari.token);
    await synced(room);
    const closed = closedFor(room, 8000);
    expect((await call(one.base, 'DELETE', `/api/workshops/${id}/members/${kari.member.id}`, undefined, f.facilitator)).status).toBe(204);
    expect((await closed).code).toBe(CloseCode.unauthenticated);
    await socket.next('member.removed');
    await until(() => !socket.socket.connected, 5000, 'the socket on instance two dropped');
    expect((await call(two.base, 'GET', `/api/workshops/${id}`, undefined, kari.token)).status).toBe(401);
    room.destroy();
  });
});
