/**
 * Several boards per workshop over real HTTP, socket.io and y-websocket (issue #16): facilitators
 * add, rename, reorder, duplicate (with the content) and delete boards; everyone hears
 * `boards.changed`; each board is its own room; a deleted board's live connections close with
 * 4404 and it cannot be opened again; participants and bad input are refused, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardDto, WorkshopDto } from '../shared/api.js';
import { BoardDoc } from '../shared/board/board-doc.js';
import { CloseCode } from '../shared/errors.js';
import { Limits } from '../shared/limits.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected, type TestSocket } from './helpers/socket.js';
import { closedFor, provider, synced, until } from './helpers/sync.js';

let s: TestServer;
let f: Fixture;
let watcher: TestSocket;

beforeAll(async () => {
  s = await startServer();
  f = await fixture(s.base);
  watcher = await connected(s.base, f.participantA);
});
afterAll(async () => {
  watcher?.close();
  await s.stop();
  s.cleanup();
});

const path = (rest = '') => `/api/workshops/${f.workshop.id}/boards${rest}`;
const boards = async () => (await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.participantB)).body.boards;
const titles = async () => (await boards()).map((b) => b.title);

describe('several boards', () => {
  let second: BoardDto;

  it('names the first board in the workshop’s language', async () => {
    expect(await titles()).toEqual(['Tavle 1']);
  });

  it('lets a facilitator add boards, which everyone hears about, each its own room', async () => {
    const r = await call<BoardDto>(s.base, 'POST', path(), { title: '  Aktørkart  ' }, f.facilitator);
    expect(r.status).toBe(201);
    second = r.body;
    expect(second).toMatchObject({ title: 'Aktørkart', room: `${f.workshop.id}/board/${second.id}` });
    expect(await titles()).toEqual(['Tavle 1', 'Aktørkart']);
    const heard = await watcher.next<{ seq: number; boards: BoardDto[] }>('boards.changed', (e) => e.boards.length === 2);
    expect(heard.boards.map((b) => b.id)).toEqual([f.workshop.boards[0]!.id, second.id]);
    // A board of its own: what is written in one room is not in the other.
    const p = provider(s.wsBase, second.room, f.participantA);
    await synced(p);
    new BoardDoc(p.doc, () => 'note-aktor-0001').create({ kind: 'note', x: 0, y: 0, text: 'Nav' }, await authorOf(s.base, f.workshop.id, f.participantA), 'test');
    const first = provider(s.wsBase, f.board, f.participantB);
    await synced(first);
    const copy = provider(s.wsBase, second.room, f.observer);
    await until(() => copy.doc.getMap('elements').has('note-aktor-0001'), 5000, 'the note in its own room');
    expect(first.doc.getMap('elements').has('note-aktor-0001')).toBe(false);
    for (const x of [p, first, copy]) x.destroy();
  });

  it('renames and reorders; an order past the end puts it last', async () => {
    expect((await call(s.base, 'PATCH', path(`/${second.id}`), { title: 'Aktørkartet', order: 0 }, f.facilitator)).status).toBe(200);
    expect(await titles()).toEqual(['Aktørkartet', 'Tavle 1']);
    const r = await call<BoardDto[]>(s.base, 'PATCH', path(`/${second.id}`), { order: 5 }, f.facilitator);
    expect(r.body.map((b) => b.title)).toEqual(['Tavle 1', 'Aktørkartet']);
  });

  it('duplicates a board with its content, right after it', async () => {
    const r = await call<BoardDto>(s.base, 'POST', path(`/${second.id}/duplicate`), undefined, f.facilitator);
    expect(r.status).toBe(201);
    expect(r.body.title).toBe('Aktørkartet (kopi)');
    expect(await titles()).toEqual(['Tavle 1', 'Aktørkartet', 'Aktørkartet (kopi)']);
    const p = provider(s.wsBase, r.body.room, f.participantB);
    await synced(p);
    expect(new BoardDoc(p.doc, () => '').get('note-aktor-0001')?.text).toBe('Nav');
    p.destroy();
  });

  it('refuses participants, unknown boards and bad input, changing nothing', async () => {
    const before = await boards();
    const refused = [
      await call(s.base, 'POST', path(), { title: 'Mi eiga tavle' }, f.participantA),
      await call(s.base, 'PATCH', path(`/${second.id}`), { title: 'Kapra' }, f.participantA),
      await call(s.base, 'DELETE', path(`/${second.id}`), undefined, f.observer),
      await call(s.base, 'POST', path(`/${second.id}/duplicate`), {}, f.participantB),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const bad = [
      await call(s.base, 'POST', path(), { title: '' }, f.facilitator),
      await call(s.base, 'POST', path(), { title: 'x'.repeat(Limits.boardTitleMax + 1) }, f.facilitator),
      await call(s.base, 'POST', path(), { title: 'Ok', extra: 1 }, f.facilitator),
      await call(s.base, 'PATCH', path(`/${second.id}`), {}, f.facilitator),
      await call(s.base, 'PATCH', path(`/${second.id}`), { order: -1 }, f.facilitator),
      await call(s.base, 'PATCH', path(`/${second.id}`), { order: 1.5 }, f.facilitator),
      await call(s.base, 'PATCH', path('/bad%20id'), { title: 'x' }, f.facilitator),
    ];
    for (const r of bad) expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect((await call(s.base, 'PATCH', path('/nosuchboard00001'), { title: 'x' }, f.facilitator)).status).toBe(404);
    expect((await call(s.base, 'DELETE', path('/nosuchboard00001'), undefined, f.facilitator)).status).toBe(404);
    // Another workshop's facilitator cannot touch these boards (nor learn they exist).
    const other = await fixture(s.base);
    expect((await call(s.base, 'DELETE', path(`/${second.id}`), undefined, other.facilitator)).status).toBe(404);
    expect(await boards()).toEqual(before);
  });

  it('deletes a board: its connections close with 4404, it cannot be opened again, and the audit says who', async () => {
    const live = provider(s.wsBase, second.room, f.participantA);
    await synced(live);
    const closed = closedFor(live);
    const r = await call<BoardDto[]>(s.base, 'DELETE', path(`/${second.id}`), undefined, f.facilitator);
    expect(r.status).toBe(200);
    expect(r.body.map((b) => b.title)).toEqual(['Tavle 1', 'Aktørkartet (kopi)']);
    expect((await closed).code).toBe(CloseCode.unknownRoom);
    live.destroy();
    const again = provider(s.wsBase, second.room, f.participantA);
    expect((await closedFor(again)).code).toBe(CloseCode.unknownRoom);
    again.destroy();
    const audit = await call<{ entries: { type: string; actorId: string; data: { boardId?: string } }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator);
    const types = audit.body.entries.map((e) => e.type);
    for (const t of ['board.created', 'board.updated', 'board.duplicated', 'board.deleted']) expect(types).toContain(t);
    expect(audit.body.entries.find((e) => e.type === 'board.deleted')?.data.boardId).toBe(second.id);
  });

  it('keeps at least one board, and at most the limit', async () => {
    const list = await boards();
    expect((await call(s.base, 'DELETE', path(`/${list[1]!.id}`), undefined, f.facilitator)).status).toBe(200);
    const last = await call(s.base, 'DELETE', path(`/${list[0]!.id}`), undefined, f.facilitator);
    expect(last.status).toBe(409);
    for (let i = 1; i < Limits.boardsMax; i++) expect((await call(s.base, 'POST', path(), { title: `Tavle ${i + 1}` }, f.facilitator)).status).toBe(201);
    expect((await call(s.base, 'POST', path(), { title: 'Ei for mykje' }, f.facilitator)).status).toBe(409);
    expect((await call(s.base, 'POST', path(`/${list[0]!.id}/duplicate`), {}, f.facilitator)).status).toBe(409);
    expect(await boards()).toHaveLength(Limits.boardsMax);
  });
});
