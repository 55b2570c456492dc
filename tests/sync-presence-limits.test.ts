/**
 * Presence cannot be used to flood a room (issue #12, finding 8): a state over 8 KB is dropped,
 * at most 10 awareness updates a second per connection reach the room, and awareness queries are
 * rate-limited and share one snapshot per tick. The hostile member uses a stock provider (its
 * y-protocols awareness) or raw protocol sockets; the connection always stays open.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { provider, RawClient, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

const raw = (room: string, token: string) => new RawClient(`${s.wsBase}/${room}?token=${encodeURIComponent(token)}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const field = (state: unknown, key: string): unknown => (state as Record<string, unknown> | null)?.[key];

describe('awareness limits', () => {
  it('drops a 100 KB state without relaying it and keeps the connection', async () => {
    const room = f.charter;
    const watcher = raw(room, f.participantB);
    await watcher.opened;
    const hostile = provider(s.wsBase, room, f.participantA);
    await synced(hostile);
    const droppedBefore = s.app.sync.stats.awarenessDropped;
    hostile.awareness.setLocalStateField('blob', 'x'.repeat(100_000));
    await sleep(200); // past the room's presence tick, so the two states are not merged into one
    hostile.awareness.setLocalState({ small: 'still here' });
    await until(() => watcher.awareness().some((e) => field(e.state, 'small') === 'still here'), 5000, 'a small state after it');
    expect(watcher.awareness().some((e) => field(e.state, 'blob') !== undefined)).toBe(false);
    expect(s.app.sync.stats.awarenessDropped).toBe(droppedBefore + 1);
    expect(hostile.wsconnected).toBe(true);
    hostile.destroy();
    watcher.close();
  });

  it('relays at most about 10 of 50 updates sent in one second, and the last one arrives', async () => {
    const room = f.board;
    const watcher = raw(room, f.participantB);
    await watcher.opened;
    const hostile = provider(s.wsBase, room, f.participantA);
    await synced(hostile);
    const id = hostile.awareness.clientID;
    const started = performance.now();
    for (let n = 0; n < 50; n++) {
      hostile.awareness.setLocalState({ n });
      await sleep(20);
    }
    // About a second on a quiet machine; the allowance follows how long sending really took.
    const seconds = (performance.now() - started) / 1000;
    await until(() => watcher.awareness().some((e) => e.clientId === id && field(e.state, 'n') === 49), 5000, 'the last state');
    const relayed = watcher.awareness().filter((e) => e.clientId === id && typeof field(e.state, 'n') === 'number');
    expect(relayed.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1);
    expect(s.app.sync.stats.awarenessDropped).toBeGreaterThanOrEqual(30);
    expect(hostile.wsconnected).toBe(true);
    hostile.destroy();
    watcher.close();
  });

  it('answers a flood of awareness queries from 100 sockets with few snapshots', async () => {
    const room = `${f.workshop.id}/vision`;
    const present = provider(s.wsBase, room, f.facilitator);
    await synced(present);
    present.awareness.setLocalState({ here: true });
    const tokens = [f.participantA, f.participantB, f.observer, f.facilitator];
    const flood = Array.from({ length: 100 }, (_, i) => raw(room, tokens[i % 4]!));
    await Promise.all(flood.map((c) => c.opened));
    await until(() => flood.every((c) => c.awareness().some((e) => field(e.state, 'here') === true)), 5000, 'welcome snapshots');
    const loaded = s.app.registry.rooms().find((r) => r.name === room)!;
    const snapshots = vi.spyOn(loaded.presence, 'snapshot');
    const before = flood.map((c) => c.messages.length);
    for (let i = 0; i < 20; i++) for (const c of flood) c.send(new Uint8Array([3]));
    await sleep(500);
    const received = flood.reduce((n, c, i) => n + c.messages.length - before[i]!, 0);
    expect(received).toBeLessThanOrEqual(100 * 2);
    expect(snapshots.mock.calls.length).toBeLessThanOrEqual(15);
    expect(flood.every((c) => c.closeCode === null)).toBe(true);
    snapshots.mockRestore();
    flood.forEach((c) => c.close());
    present.destroy();
  });
});
