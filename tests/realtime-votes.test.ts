/** Dot voting over socket.io: the budget under concurrency, own votes only, anonymous results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Broadcasts } from '../shared/realtime/index.js';
import { authorOf, call } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';
import { BoardDoc } from '../shared/board/board-doc.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let obs: TestSocket;

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [fac, a, b, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.observer);
});
afterAll(async () => {
  for (const c of [fac, a, b, obs]) c?.close();
  await s.stop();
  s.cleanup();
});

describe('dot voting', () => {
  it('counts exactly the budget of 50 simultaneous casts, shows each voter only their own votes, and tallies anonymously on close', async () => {
    const { roundId } = await fac.ok('vote.open', { boardId: f.boardId, votesPerPerson: 3, elementIds: ['e1', 'e2', 'e3'] });
    await b.next<Broadcasts['vote.opened']>('vote.opened', (e) => e.roundId === roundId);
    const eventsBefore = b.received.length;

    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => a.cmd('vote.cast', { roundId, elementId: i % 2 ? 'e1' : 'e2' })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.error.code === 'vote_budget_spent')).toHaveLength(47);

    expect(await b.ok('vote.cast', { roundId, elementId: 'e3' })).toMatchObject({ mine: ['e3'], remaining: 2 });
    expect(await b.ok('vote.cast', { roundId, elementId: 'e3' })).toMatchObject({ mine: ['e3', 'e3'], remaining: 1 });
    expect(await b.ok('vote.retract', { roundId, elementId: 'e3' })).toMatchObject({ mine: ['e3'], remaining: 2 });
    expect(await b.cmd('vote.retract', { roundId, elementId: 'e1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await b.cmd('vote.cast', { roundId, elementId: 'not-in-round' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

    // During the round: own votes only, no results, and nothing about votes broadcast.
    const stateA = await a.ok('state.sync');
    const stateB = await b.ok('state.sync');
    const roundA = stateA.rounds.find((r) => r.roundId === roundId)!;
    expect(roundA.mine).toHaveLength(3);
    expect(roundA.results).toBeNull();
    expect(stateB.rounds.find((r) => r.roundId === roundId)!.mine).toEqual(['e3']);
    expect((await fac.ok('state.sync')).rounds.find((r) => r.roundId === roundId)!.mine).toEqual([]);
    expect(b.received.slice(eventsBefore)).toEqual([]);
    expect(obs.names().filter((n) => n.startsWith('vote.'))).toEqual(['vote.opened']);

    const closed = obs.next<Broadcasts['vote.closed']>('vote.closed', (e) => e.roundId === roundId);
    const tally = await fac.ok('vote.close', { roundId });
    expect(tally.voters).toBe(2);
    expect(tally.results.reduce((n, r) => n + r.votes, 0)).toBe(4);
    expect(tally.results.find((r) => r.elementId === 'e3')?.votes).toBe(1);
    const event = await closed;
    expect(event.results).toEqual(tally.results);
    expect(event.seq).toBeGreaterThan(0);
    // Anonymous: no member id anywhere in what everyone receives.
    const members = (await call<{ members: { id: string }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/members`, undefined, f.facilitator)).body.members;
    for (const m of members) expect(JSON.stringify(event)).not.toContain(m.id);

    expect(await a.cmd('vote.cast', { roundId, elementId: 'e1' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.cmd('vote.close', { roundId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await a.ok('state.sync')).rounds.find((r) => r.roundId === roundId)?.results).toEqual(tally.results);

    const audit = (await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.observer)).body;
    const closedEntry = audit.entries.find((e) => e.type === 'vote.closed');
    expect(audit.entries.some((e) => e.type === 'vote.opened')).toBe(true);
    expect(closedEntry?.data).toMatchObject({ roundId, voters: 2 });
  });

  it('in a round over the whole board, takes votes only for notes and shapes that are on it', async () => {
    const p = provider(s.wsBase, f.workshop.boards[0]!.room, f.participantA);
    await synced(p);
    const author = await authorOf(s.base, f.workshop.id, f.participantA);
    const note = new BoardDoc(p.doc, () => 'note-on-board-01').create({ kind: 'note', x: 0, y: 0, text: 'Felles plattform' }, author, 'test');
    const frame = new BoardDoc(p.doc, () => 'frame-on-board-1').create({ kind: 'frame', x: -50, y: -50, text: 'Start' }, author, 'test');
    const witness = provider(s.wsBase, f.workshop.boards[0]!.room, f.observer);
    await until(() => witness.doc.getMap('elements').has(note) && witness.doc.getMap('elements').has(frame), 5000, 'the note and the frame stored');
    p.destroy();
    witness.destroy();
    const { roundId } = await fac.ok('vote.open', { boardId: f.boardId, votesPerPerson: 2 });
    expect(await a.cmd('vote.cast', { roundId, elementId: 'not-on-the-board' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'elementId' } } });
    // A frame is on the board but is no candidate: a modified client cannot spend a dot on it.
    expect(await a.cmd('vote.cast', { roundId, elementId: frame })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'elementId' } } });
    expect(await a.ok('vote.cast', { roundId, elementId: note })).toMatchObject({ mine: [note], remaining: 1 });
    await fac.ok('vote.close', { roundId });
  });

  it('refuses a round on a board of another workshop', async () => {
    expect(await fac.cmd('vote.open', { boardId: 'BBBBBBBBBBBBBBBB', votesPerPerson: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
