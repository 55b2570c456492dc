/**
 * Send to the charter (issue #17, `charter.import`): a note goes from the server's copy of the
 * board into the charter as an actor (its template zone gives the kind), a principle draft, a
 * roadmap item (its zone gives the horizon) or a benefits line (an amount in kroner is read),
 * recording the note and its author; audited, broadcast, and in the state snapshot. A member
 * cannot forge the text or the author (they come from the board), observers cannot send, a note
 * goes once, and bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { CharterDoc } from '../shared/charter/charter-doc.js';
import type { WorkshopDto } from '../shared/api.js';
import type { CharterImported, WorkshopState } from '../shared/realtime/index.js';
import { amountIn } from '../server/services/charter-import.js';
import { authorOf, call, createWorkshop } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connectedAll, type TestSocket } from './helpers/socket.js';

let s: TestServer;
let f: ThreeOrgs;
let fac: TestSocket;
let a: TestSocket;
let obs: TestSocket;
const notes: Record<string, string> = {};
let boardRoom = '';

beforeAll(async () => {
  s = await startServer();
  f = await threeOrgs(s.base);
  [fac, a, obs] = await connectedAll(s.base, f.facilitator, f.participantA, f.observer);
  boardRoom = f.board;
  // Participant A's notes, in template zones (frames titled as the templates title them) and outside any.
  const author = await authorOf(s.base, f.workshop.id, f.participantA);
  let n = 0;
  await s.app.registry.change(boardRoom, (doc: Y.Doc) => {
    const b = new BoardDoc(doc, () => `el${++n}`);
    const frame = (x: number, text: string) => b.create({ kind: 'frame', x, y: 0, w: 500, h: 500, text }, author, 'server');
    const note = (x: number, text: string) => b.create({ kind: 'note', x: x + 40, y: 100, w: 200, h: 200, text }, author, 'server');
    frame(0, 'Kommunar og fylkeskommunar');
    notes.municipality = note(0, 'Bergen kommune\nTenesteytar for familiane');
    frame(600, 'Neste');
    notes.next = note(600, 'Felles søknad om hjelpestønad');
    frame(1200, 'Gevinstar');
    notes.benefit = note(1200, 'Færre søknader: 1 500 000 kr i året');
    notes.loose = note(2000, 'Brukaren først');
    notes.connector = b.create({ kind: 'connector', x: 0, y: 0, from: notes.loose, to: notes.next }, author, 'server');
    notes.empty = note(2600, '   ');
  });
});
afterAll(async () => {
  for (const x of [fac, a, obs]) x?.close();
  await s?.stop();
  s?.cleanup();
});

const charter = () => s.app.registry.read(f.charter, (d: Y.Doc) => {
  const c = new CharterDoc(d, () => '');
  return { actors: c.actors(), principles: c.principles(), roadmap: c.roadmap(), benefits: c.benefits() };
});

describe('charter.import', () => {
  it('makes a note in the municipalities zone an actor of that kind, naming the note and its author', async () => {
    const author = await authorOf(s.base, f.workshop.id, f.participantA);
    const r = await fac.ok('charter.import', { boardId: f.boardId, elementId: notes.municipality, as: 'actor' });
    expect(r).toMatchObject({ boardId: f.boardId, elementId: notes.municipality, collection: 'actors' });
    const actor = (await charter()).actors.find((x) => x.id === r.entryId)!;
    expect(actor).toMatchObject({ name: 'Bergen kommune', kind: 'municipality', role: 'Tenesteytar for familiane' });
    expect(actor.source).toEqual({ boardId: f.boardId, elementId: notes.municipality, authorId: author.id });
    // Everyone hears of it; the audit log names the note's author and who sent it.
    const heard = await a.next<CharterImported & { by: string }>('charter.imported', (e) => e.entryId === r.entryId);
    expect(heard.collection).toBe('actors');
    type Entry = { type: string; actorId: string; data: { author: { id: string }; elementId: string } };
    const audit = (await call<{ entries: Entry[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries;
    expect(audit.find((e) => e.type === 'charter.imported')).toMatchObject({ data: { elementId: notes.municipality, author: { id: author.id } } });
    // A note goes once.
    const again = await a.cmd('charter.import', { boardId: f.boardId, elementId: notes.municipality, as: 'principle' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('makes principles, roadmap items on the zone’s horizon and benefits lines with their amount', async () => {
    const p = await a.ok('charter.import', { boardId: f.boardId, elementId: notes.loose, as: 'principle' });
    const r = await a.ok('charter.import', { boardId: f.boardId, elementId: notes.next, as: 'roadmap' });
    const b = await fac.ok('charter.import', { boardId: f.boardId, elementId: notes.benefit, as: 'benefit' });
    const c = await charter();
    expect(c.principles.find((x) => x.id === p.entryId)).toMatchObject({ text: 'Brukaren først', source: { elementId: notes.loose } });
    expect(c.roadmap.find((x) => x.id === r.entryId)).toMatchObject({ text: 'Felles søknad om hjelpestønad', horizon: 'next', owner: 'Helsedirektoratet' });
    expect(c.benefits.find((x) => x.id === b.entryId)).toMatchObject({ what: 'Færre søknader: 1 500 000 kr i året', amount: 1_500_000 });
    // The snapshot lists every note now in the charter, for the board's badges.
    const state = (await fac.ok('state.sync', {})) as WorkshopState;
    expect(state.charterSources.map((x) => x.elementId).sort()).toEqual([notes.municipality, notes.loose, notes.next, notes.benefit].sort());
    // A facilitator removing the entry takes the note's badge away in everyone's state.
    await fac.ok('content.remove', { room: 'charter', collection: 'principles', id: p.entryId });
    expect(((await a.ok('state.sync', {})) as WorkshopState).charterSources.some((x) => x.entryId === p.entryId)).toBe(false);
  });

  it('refuses observers, forged fields, what is not a note with text, and another workshop’s board; nothing changes', async () => {
    const before = JSON.stringify(await charter());
    const made = await createWorkshop(s.base, 'Ein annan verkstad');
    const other = (await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${made.id}`, undefined, made.token)).body;
    const refusals: Array<[TestSocket, unknown, string]> = [
      [obs, { boardId: f.boardId, elementId: notes.loose, as: 'actor' }, 'forbidden'],
      [a, { boardId: f.boardId, elementId: notes.loose, as: 'actor', author: 'someone-else' }, 'validation_failed'],
      [a, { boardId: f.boardId, elementId: notes.loose, as: 'vision' }, 'validation_failed'],
      [a, { boardId: f.boardId, elementId: notes.connector, as: 'actor' }, 'validation_failed'],
      [a, { boardId: f.boardId, elementId: notes.empty, as: 'principle' }, 'validation_failed'],
      [a, { boardId: f.boardId, elementId: 'no-such-note', as: 'actor' }, 'not_found'],
      [a, { boardId: other.boards[0]!.id, elementId: notes.loose, as: 'actor' }, 'not_found'],
    ];
    for (const [who, payload, code] of refusals) expect(await who.cmd('charter.import', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
    expect(JSON.stringify(await charter())).toBe(before);
  });

  it('reads amounts in kroner as people write them', () => {
    expect(amountIn('1 500 000 kr')).toBe(1_500_000);
    expect(amountIn('kr 40\u00a0000,50 i året')).toBe(40_000.5);
    expect(amountIn('NOK 2,5 mill')).toBe(2_500_000);
    expect(amountIn('Sparer 5 millionar kroner')).toBe(5_000_000);
    expect(amountIn('200 søknader')).toBeNull();
  });
});
