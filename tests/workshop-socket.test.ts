/**
 * The browser's live connection (client/net/workshop-socket.ts) against the real server, run in
 * Node with member tokens: the pushed snapshot, typed commands that resolve with the ack's data
 * or reject with its error code, broadcasts reaching the other members' stores in order, a late
 * joiner's state (phase, timer by server time), private facts from acks, and a closed socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandError, WorkshopSocket } from '../client/net/workshop-socket.js';
import { remainingMs } from '../client/net/workshop-state.js';
import type { WorkshopState } from '../shared/realtime/index.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';

let s: TestServer;
let f: ThreeOrgs;
const open: WorkshopSocket[] = [];

function connect(token: string): WorkshopSocket {
  const w = new WorkshopSocket(f.workshop.id, { url: s.base, token });
  open.push(w);
  return w;
}

/** Resolves once the store's state satisfies `ok` (polls the subscription, no sleeping). */
function until(w: WorkshopSocket, ok: (st: WorkshopState) => boolean): Promise<WorkshopState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`state never matched: ${JSON.stringify(w.store.current?.state)}`)), 5000);
    const check = () => {
      const st = w.store.current?.state;
      if (st && ok(st)) {
        clearTimeout(timer);
        off();
        resolve(st);
      }
    };
    const off = w.subscribe(check);
    check();
  });
}

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
});
afterAll(async () => {
  for (const w of open) w.destroy();
  await s.stop();
  s.cleanup();
});

describe('WorkshopSocket', () => {
  it('gets the snapshot on connect and knows who it is', async () => {
    const fac = connect(f.facilitator);
    const st = await until(fac, () => true);
    expect(st).toMatchObject({ phase: null, decisionRule: 'consensus', hands: [], rounds: [] });
    await until(fac, () => fac.link === 'online' && fac.session?.role === 'facilitator');
  });

  it('sends commands, and every member’s store follows the broadcasts', async () => {
    const fac = connect(f.facilitator);
    const a = connect(f.participantA);
    await until(a, () => a.link === 'online');
    await until(fac, () => fac.link === 'online');
    const data = await fac.command('phase.set', { phase: 'Aktørkart', agenda: ['Velkomen', 'Aktørkart'] });
    expect(data).toEqual({ phase: 'Aktørkart', agenda: ['Velkomen', 'Aktørkart'] });
    const st = await until(a, (x) => x.phase === 'Aktørkart');
    expect(st.agenda).toEqual(['Velkomen', 'Aktørkart']);
    await a.command('hand.raise', {});
    await until(fac, (x) => x.hands.some((h) => h.memberId === a.session?.memberId));
    await fac.command('hand.lower', { memberId: a.session!.memberId });
    await until(a, (x) => x.hands.length === 0);
  });

  it('rejects with the ack’s error code', async () => {
    const a = connect(f.participantA);
    await until(a, () => a.link === 'online');
    const refused = await a.command('phase.set', { phase: 'Mitt eige' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommandError);
    expect((refused as CommandError).code).toBe('forbidden');
    const invalid = await a.command('answer.submit', { questionId: 'nope', value: { generation: 9 } } as never).catch((e: unknown) => e);
    expect((invalid as CommandError).code).toBe('validation_failed');
  });

  it('shows a late joiner the phase and the running timer from server time', async () => {
    const fac = connect(f.facilitator);
    await until(fac, () => fac.link === 'online');
    await fac.command('timer.start', { seconds: 600 });
    const late = connect(f.participantB);
    const st = await until(late, (x) => x.timer.running);
    expect(st.phase).toBe('Aktørkart');
    const left = remainingMs(st.timer, late.store.current!.timerReceivedAt, Date.now());
    expect(left).toBeGreaterThan(590_000);
    expect(left).toBeLessThanOrEqual(600_000);
    await fac.command('timer.reset', {});
    await until(late, (x) => !x.timer.running);
  });

  it('keeps my own votes from the acks, and results from the broadcast', async () => {
    const fac = connect(f.facilitator);
    const c = connect(f.participantC);
    await until(c, () => c.link === 'online');
    await until(fac, () => fac.link === 'online');
    const { roundId } = await fac.command('vote.open', { boardId: f.boardId, votesPerPerson: 2, elementIds: ['note-1', 'note-2'] });
    await until(c, (x) => x.rounds.some((r) => r.roundId === roundId && r.status === 'open'));
    const cast = await c.command('vote.cast', { roundId, elementId: 'note-1' });
    c.store.setMyVotes(cast.roundId, cast.mine);
    expect(c.store.current?.state.rounds.find((r) => r.roundId === roundId)?.mine).toEqual(['note-1']);
    expect(fac.store.current?.state.rounds.find((r) => r.roundId === roundId)?.mine).toEqual([]);
    await fac.command('vote.close', { roundId });
    const st = await until(c, (x) => x.rounds.some((r) => r.roundId === roundId && r.status === 'closed'));
    expect(st.rounds.find((r) => r.roundId === roundId)).toMatchObject({ results: [{ elementId: 'note-1', votes: 1 }], voters: 1, mine: ['note-1'] });
  });

  it('refuses commands once closed, without waiting for a timeout', async () => {
    const a = connect(f.participantA);
    await until(a, () => a.link === 'online');
    a.destroy();
    const err = await a.command('hand.raise', {}).catch((e: unknown) => e);
    expect((err as CommandError).code).toBe('network_error');
  });

  it('is refused for good with a bad token', async () => {
    const bad = connect('not-a-token');
    await new Promise<void>((resolve) => {
      const off = bad.subscribe(() => bad.link === 'refused' && (off(), resolve()));
    });
    expect(bad.link).toBe('refused');
  });
});
