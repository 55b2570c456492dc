/**
 * The facilitator's kit over socket.io: phase and a server-time timer that reconnects see right
 * (injected clock, no sleeping), summon, hands, event numbers, and board locks that make
 * participants' sync connections to that board read-only while facilitators still write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Broadcasts } from '../shared/realtime/index.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected, connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

let clock = Date.parse('2026-03-02T09:00:00.000Z');
let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;

beforeAll(async () => {
  s = await startServer({}, undefined, { now: () => new Date(clock) });
  f = await threeOrgs(s.base);
  [fac, a] = await connectedAll(s.base, f.facilitator, f.participantA);
});
afterAll(async () => {
  fac?.close();
  a?.close();
  await s.stop();
  s.cleanup();
});

describe('facilitation', () => {
  it('a reconnecting participant sees the current phase and the remaining time by server time', async () => {
    await fac.ok('phase.set', { phase: 'Aktørkart', agenda: ['Velkomen', 'Aktørkart', 'Prinsipp'] });
    const started = await fac.ok('timer.start', { seconds: 300 });
    expect(started).toMatchObject({ running: true, remainingMs: 300_000, startedAt: clock });
    const changed = await a.next<Broadcasts['timer.changed']>('timer.changed');
    expect(changed.timer.remainingMs).toBe(300_000);

    a.close();
    clock += 100_000;
    a = await connected(s.base, f.participantA);
    const state = await a.synced;
    expect(state).toMatchObject({ phase: 'Aktørkart', agenda: ['Velkomen', 'Aktørkart', 'Prinsipp'], timer: { running: true, remainingMs: 200_000, serverNow: clock } });
    expect(state.seq).toBeGreaterThanOrEqual(changed.seq);

    clock += 20_000;
    expect(await fac.ok('timer.pause')).toMatchObject({ running: false, remainingMs: 180_000 });
    clock += 3_600_000;
    a.close();
    a = await connected(s.base, f.participantA);
    expect((await a.synced).timer).toMatchObject({ running: false, remainingMs: 180_000 });
    expect(await fac.ok('timer.resume')).toMatchObject({ running: true, remainingMs: 180_000 });
    clock += 200_000;
    expect((await a.ok('state.sync')).timer).toMatchObject({ running: false, remainingMs: 0 });
    expect(await fac.ok('timer.reset')).toMatchObject({ running: false, remainingMs: 0, startedAt: null });
  });

  it('numbers every broadcast in order, summons everyone and keeps raised hands', async () => {
    const summoned = a.next<Broadcasts['view.summoned']>('view.summoned');
    const { seq } = await fac.ok('view.summon', { boardId: f.boardId, x: 120, y: -40, zoom: 1.5 });
    expect(await summoned).toMatchObject({ seq, boardId: f.boardId, x: 120, y: -40, zoom: 1.5, by: f.workshop.me.id });

    const raised = fac.next<Broadcasts['hand.raised']>('hand.raised');
    const hand = await a.ok('hand.raise');
    expect((await raised).memberId).toBe(hand.memberId);
    expect((await raised).seq).toBeGreaterThan(seq);
    expect((await fac.ok('state.sync')).hands).toEqual([hand]);
    const lowered = a.next<Broadcasts['hand.lowered']>('hand.lowered');
    await fac.ok('hand.lower', { memberId: hand.memberId });
    expect((await lowered).memberId).toBe(hand.memberId);
    expect((await a.ok('state.sync')).hands).toEqual([]);

    const seqs = a.received.map((r) => (r.payload as { seq?: number }).seq).filter((x): x is number => typeof x === 'number');
    expect(seqs.length).toBeGreaterThan(2);
  });

  it('a locked board takes no writes from participants, still from facilitators', async () => {
    const pDoc = new Y.Doc();
    const participant = provider(s.wsBase, f.board, f.participantA, pDoc);
    const facilitator = provider(s.wsBase, f.board, f.facilitator);
    await Promise.all([synced(participant), synced(facilitator)]);

    const locked = a.next<Broadcasts['board.locked']>('board.locked', (e) => e.lockedBoards.includes(f.boardId));
    expect(await fac.ok('board.lock', { boardId: f.boardId, locked: true })).toEqual({ lockedBoards: [f.boardId] });
    await locked;
    expect((await a.ok('state.sync')).lockedBoards).toEqual([f.boardId]);

    const dropped = s.app.metrics.sync.droppedWrites;
    pDoc.getText('t').insert(0, 'participant while locked');
    await until(() => s.app.metrics.sync.droppedWrites > dropped, 5000, 'dropped write');
    facilitator.doc.getText('f').insert(0, 'facilitator while locked');
    await until(() => pDoc.getText('f').toString() === 'facilitator while locked', 5000, 'facilitator write relayed');
    expect(facilitator.doc.getText('t').toString()).toBe('');
    expect(await s.app.registry.read(f.board, (d) => d.getText('t').toString())).toBe('');
    participant.destroy();

    await fac.ok('board.lock', { locked: false });
    const fresh = provider(s.wsBase, f.board, f.participantA);
    await synced(fresh);
    fresh.doc.getText('u').insert(0, 'after unlock');
    await until(() => facilitator.doc.getText('u').toString() === 'after unlock', 5000, 'write after unlock');
    fresh.destroy();
    facilitator.destroy();
  });
});
