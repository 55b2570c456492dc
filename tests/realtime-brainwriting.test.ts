/**
 * Brainwriting (issue #16): every note stays on the server, visible only to its author, until the
 * reveal writes them onto the board. A peek with a stock socket.io client and a stock y-websocket
 * provider finds no one else's note before the reveal: not in the workshop state, not in
 * broadcasts, not in command answers, not in the board document, not in the audit log. After an
 * anonymous reveal no author is recorded anywhere (board, audit, store); an attributed reveal
 * names each note's author like any note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { F } from '../shared/board/schema.js';
import { formatRoom } from '../shared/ids.js';
import type { Broadcasts, SessionReady } from '../shared/realtime/index.js';
import { RealtimeLimits } from '../shared/limits.js';
import { call, fixture } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let b: TestSocket;
let c: TestSocket;
let obs: TestSocket;
let board: string;

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [fac, a, b, c, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC, f.observer);
  board = formatRoom({ workshopId: f.workshop.id, part: { kind: 'board', boardId: f.boardId } });
});
afterAll(async () => {
  for (const x of [fac, a, b, c, obs]) x?.close();
  await s.stop();
  s.cleanup();
});

const secret = (who: string) => `LØYNDE-${who}`;
const memberOf = async (x: TestSocket) => (await x.next<SessionReady>('session.ready')).memberId;
const audit = async () =>
  (await call<{ entries: { type: string; actorId: string | null; data: unknown }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries;
const notesOn = (d: Y.Doc) => new BoardDoc(d, () => 'x').list().filter((e) => e.kind === 'note');

describe('brainwriting', () => {
  it('leaks no note before the reveal; an anonymous reveal writes them onto the board with no author anywhere', async () => {
    const peek = provider(s.wsBase, board, f.participantB);
    await synced(peek);
    const { roundId } = await fac.ok('brainwriting.open', { boardId: f.boardId, anonymous: true });
    expect(await obs.next<Broadcasts['brainwriting.opened']>('brainwriting.opened')).toMatchObject({ roundId, boardId: f.boardId, prompt: null, anonymous: true });

    const answers: unknown[] = [];
    const add = async (x: TestSocket, who: string) => {
      const r = await x.ok('brainwriting.add', { roundId, text: `  ${secret(who)}  ` });
      answers.push({ x, r });
      return r;
    };
    expect(await add(a, 'A1')).toMatchObject({ roundId, mine: [{ text: secret('A1') }], notes: 1, writers: 1 });
    const second = await add(a, 'A2');
    expect(second.mine.map((n) => n.text)).toEqual([secret('A1'), secret('A2')]);
    await add(b, 'B');
    await add(c, 'C');
    // Taking one's own note back; another's is not found.
    const gone = await add(c, 'C-gone');
    const goneId = gone.mine.find((n) => n.text === secret('C-gone'))!.noteId;
    expect(await a.cmd('brainwriting.remove', { roundId, noteId: goneId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await c.ok('brainwriting.remove', { roundId, noteId: goneId })).toMatchObject({ mine: [{ text: secret('C') }], notes: 4, writers: 3 });
    await obs.next<Broadcasts['brainwriting.counted']>('brainwriting.counted', (e) => e.notes === 4 && e.writers === 3);

    // Snapshots: counts and one's own notes; the facilitator sees none.
    const view = async (x: TestSocket) => (await x.ok('state.sync')).brainwriting.find((r) => r.roundId === roundId)!;
    expect(await view(a)).toMatchObject({ status: 'open', notes: 4, writers: 3, mine: [{ text: secret('A1') }, { text: secret('A2') }], frameId: null });
    expect(await view(fac)).toMatchObject({ notes: 4, writers: 3, mine: [] });
    const states = new Map<TestSocket, unknown>();
    for (const x of [fac, a, b, c, obs]) states.set(x, await x.ok('state.sync'));

    const own: Record<string, string[]> = { fac: [], a: ['A1', 'A2'], b: ['B'], c: ['C', 'C-gone'], obs: [] };
    const all = ['A1', 'A2', 'B', 'C', 'C-gone'];
    const leaks = (name: string, x: TestSocket) => {
      const seen = JSON.stringify([x.received, states.get(x), answers.filter((e) => (e as { x: TestSocket }).x === x).map((e) => (e as { r: unknown }).r)]);
      return all.filter((w) => !own[name]!.includes(w) && seen.includes(secret(w)));
    };
    for (const [name, x] of Object.entries({ fac, a, b, c, obs })) expect(leaks(name, x), name).toEqual([]);
    // Nothing in the board document (the peek's copy and the server's), nor in the audit log.
    const boardText = (d: Y.Doc) => JSON.stringify(d.getMap('elements').toJSON());
    expect(all.filter((w) => boardText(peek.doc).includes(secret(w)))).toEqual([]);
    expect(await s.app.registry.read(board, (d) => all.filter((w) => boardText(d).includes(secret(w))))).toEqual([]);
    const logBefore = JSON.stringify(await audit());
    expect(all.filter((w) => logBefore.includes(secret(w)))).toEqual([]);

    // The reveal: a frame holding the four notes, in text order, with no author fields at all.
    expect(await a.cmd('brainwriting.reveal', { roundId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const revealed = obs.next<Broadcasts['brainwriting.revealed']>('brainwriting.revealed');
    const r = await fac.ok('brainwriting.reveal', { roundId });
    expect(r).toMatchObject({ roundId, count: 4 });
    expect(await revealed).toEqual({ seq: expect.any(Number), roundId, boardId: f.boardId, frameId: r.frameId, count: 4 });
    await until(() => notesOn(peek.doc).length === 4, 5000, 'revealed notes on the board');
    const bd = new BoardDoc(peek.doc, () => 'x');
    const frame = bd.get(r.frameId!)!;
    expect(frame).toMatchObject({ kind: 'frame', text: 'Idémyldring' });
    const placed = bd.inside(frame);
    expect(placed.map((e) => e.text)).toEqual([secret('A1'), secret('A2'), secret('B'), secret('C')]);
    for (const e of placed) for (const field of [F.authorId, F.authorName, F.organisationId, F.organisationName]) expect(bd.elements.get(e.id)!.has(field), field).toBe(false);

    // No author recorded anywhere: not in the store (the notes are gone), not in the audit entry.
    expect(await s.app.store.brainwriting.notes(roundId)).toEqual([]);
    const writers = await Promise.all([a, b, c].map(memberOf));
    const entry = (await audit()).find((e) => e.type === 'brainwriting.revealed')!;
    expect(entry).toMatchObject({ actorId: f.workshop.me.id, data: { roundId, anonymous: true, count: 4 } });
    const logged = JSON.stringify((await audit()).filter((e) => e.type.startsWith('brainwriting')));
    expect(writers.filter((m) => logged.includes(m))).toEqual([]);
    // Nor as the notes' last editor (the server wrote them; no member's connection did).
    const edits = await s.app.store.edits.list(f.workshop.id, `board/${f.boardId}`);
    expect(edits.filter((e) => placed.some((p) => e.key === p.id))).toEqual([]);
    expect(await view(a)).toMatchObject({ status: 'revealed', notes: 4, writers: 3, mine: [], frameId: r.frameId });

    // Closed for good: no adds, no second reveal.
    expect(await a.cmd('brainwriting.add', { roundId, text: 'for seint' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fac.cmd('brainwriting.reveal', { roundId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    peek.destroy();
  });

  it('an attributed reveal names each note’s author and organisation, as a client’s note would, below what is on the board', async () => {
    const { roundId } = await fac.ok('brainwriting.open', { boardId: f.boardId, anonymous: false, prompt: '  Kva treng familien?  ' });
    await b.ok('brainwriting.add', { roundId, text: 'Éin kontaktperson' });
    await a.ok('brainwriting.add', { roundId, text: 'Færre skjema' });
    const before = await s.app.registry.read(board, (d) => new BoardDoc(d, () => 'x').list());
    const bottom = Math.max(...before.map((e) => e.y + e.h));
    const { frameId } = await fac.ok('brainwriting.reveal', { roundId });
    const [frame, inside] = await s.app.registry.read(board, (d) => {
      const bd = new BoardDoc(d, () => 'x');
      const fr = bd.get(frameId!)!;
      return [fr, bd.inside(fr)] as const;
    });
    expect(frame.text).toBe('Kva treng familien?');
    expect(frame.y).toBeGreaterThan(bottom);
    const [memberA, memberB] = await Promise.all([memberOf(a), memberOf(b)]);
    expect(inside.map((e) => [e.text, e.author.id, e.author.organisationId]).sort()).toEqual([
      ['Færre skjema', memberA, f.orgs[0]],
      ['Éin kontaktperson', memberB, f.orgs[1]],
    ]);
    expect(inside.every((e) => e.author.name !== '' && e.author.organisationName !== null)).toBe(true);
    const entry = (await audit()).filter((e) => e.type === 'brainwriting.revealed').at(-1)!;
    expect(entry.data).toMatchObject({ anonymous: false, count: 2 });
    const logged = (entry.data as { notes: { elementId: string; memberId: string; organisationId: string }[] }).notes;
    expect(logged.map((n) => [n.elementId, n.memberId, n.organisationId]).sort()).toEqual(inside.map((e) => [e.id, e.author.id, e.author.organisationId]).sort());
  });

  it('a round with no notes reveals nothing onto the board', async () => {
    const { roundId } = await fac.ok('brainwriting.open', { boardId: f.boardId, anonymous: true });
    const count = await s.app.registry.read(board, (d) => d.getMap('elements').size);
    expect(await fac.ok('brainwriting.reveal', { roundId })).toEqual({ roundId, frameId: null, count: 0 });
    expect(await s.app.registry.read(board, (d) => d.getMap('elements').size)).toBe(count);
  });

  it('refuses bad input with the app’s error shape and stores nothing', async () => {
    const other = await fixture(s.base);
    const { roundId } = await fac.ok('brainwriting.open', { boardId: f.boardId, anonymous: false });
    const refused = async (x: TestSocket, name: 'brainwriting.open' | 'brainwriting.add' | 'brainwriting.reveal' | 'brainwriting.remove', payload: unknown, code: string, field?: string) => {
      const r = await x.cmd(name, payload);
      expect(r, `${name} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({ ok: false, error: { code, ...(field ? { details: { field } } : {}) } });
    };
    await refused(a, 'brainwriting.add', { roundId, text: 'x'.repeat(RealtimeLimits.brainwritingNoteMax + 1) }, 'validation_failed', 'text');
    await refused(a, 'brainwriting.add', { roundId, text: '   ' }, 'validation_failed', 'text');
    await refused(a, 'brainwriting.add', { roundId, text: 'bell\u0007' }, 'validation_failed', 'text');
    await refused(a, 'brainwriting.add', { roundId: 'AAAAAAAAAAAAAAAA', text: 'ok' }, 'not_found', 'roundId');
    await refused(a, 'brainwriting.add', { roundId, text: 'ok', authorId: 'someone' }, 'validation_failed');
    await refused(obs, 'brainwriting.add', { roundId, text: 'observert' }, 'forbidden');
    await refused(a, 'brainwriting.reveal', { roundId }, 'forbidden');
    await refused(fac, 'brainwriting.open', { boardId: other.workshop.boards[0]!.id, anonymous: false }, 'not_found', 'boardId');
    await refused(fac, 'brainwriting.open', { boardId: f.boardId, anonymous: 'yes' }, 'validation_failed', 'anonymous');
    await refused(fac, 'brainwriting.open', { boardId: f.boardId }, 'validation_failed', 'anonymous');
    await refused(fac, 'brainwriting.open', { boardId: f.boardId, anonymous: true, prompt: 'x'.repeat(RealtimeLimits.promptMax + 1) }, 'validation_failed', 'prompt');
    await refused(fac, 'brainwriting.reveal', { roundId: 'not an id' }, 'validation_failed', 'roundId');
    expect(await s.app.store.brainwriting.notes(roundId)).toEqual([]);
    // The per-person cap.
    for (let i = 0; i < RealtimeLimits.brainwritingNotesPerPerson; i++) await b.ok('brainwriting.add', { roundId, text: `idé ${i}` });
    await refused(b, 'brainwriting.add', { roundId, text: 'ein til' }, 'conflict');
    expect(await s.app.store.brainwriting.count(roundId)).toEqual({ notes: RealtimeLimits.brainwritingNotesPerPerson, writers: 1 });
    // Adding after the reveal.
    await fac.ok('brainwriting.reveal', { roundId });
    await refused(a, 'brainwriting.add', { roundId, text: 'etterpå' }, 'conflict');
    expect(await s.app.store.brainwriting.notes(roundId)).toEqual([]);
  });

  it('a client cannot write a note without an author onto the board', async () => {
    const p = provider(s.wsBase, board, f.participantA);
    await synced(p);
    const closed = new Promise<{ code: number }>((resolve) => p.once('connection-close', (e: { code: number } | null) => resolve(e ?? { code: 0 })));
    p.doc.transact(() => {
      const m = new Y.Map<unknown>();
      m.set(F.kind, 'note');
      m.set(F.x, 0);
      m.set(F.y, 0);
      m.set(F.z, 'zz');
      m.set(F.text, new Y.Text('forfattarlaus'));
      p.doc.getMap('elements').set('no-author-note', m);
    });
    expect((await closed).code).toBeGreaterThanOrEqual(4000);
    p.destroy();
    expect(await s.app.registry.read(board, (d) => d.getMap('elements').has('no-author-note'))).toBe(false);
  });
});
