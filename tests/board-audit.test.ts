/**
 * A facilitator deleting board elements is a decision: the audit log records which elements, in
 * the same transaction as the update that deletes them. Participants' deletions and everyone's
 * other edits are ordinary collaboration and are not logged.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoardDoc } from '../shared/board/board-doc.js';
import { authorOf, call, fixture, type Fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { provider, synced, until } from './helpers/sync.js';

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

const removals = async () =>
  (await call<{ entries: { type: string; actorId: string; data: Record<string, unknown> }[] }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.entries.filter((e) => e.type === 'content.removed');

it('logs the elements a facilitator deletes on a board, and nothing else', async () => {
  const [facAuthor, partAuthor] = await Promise.all([authorOf(s.base, f.workshop.id, f.facilitator), authorOf(s.base, f.workshop.id, f.participantA)]);
  let n = 0;
  const fac = provider(s.wsBase, f.board, f.facilitator);
  const part = provider(s.wsBase, f.board, f.participantA);
  await Promise.all([synced(fac), synced(part)]);
  const facBoard = new BoardDoc(fac.doc, () => `element-${++n}-0000000`);
  const partBoard = new BoardDoc(part.doc, () => `partnote-${++n}-000000`);
  const [a, b, c] = [1, 2, 3].map((i) => facBoard.create({ kind: 'note', x: i * 200, y: 0, text: `Lapp ${i}` }, facAuthor, 'test'));
  const mine = partBoard.create({ kind: 'note', x: 0, y: 300, text: 'Deltakaren sin' }, partAuthor, 'test');
  await until(() => fac.doc.getMap('elements').size === 4 && part.doc.getMap('elements').size === 4, 5000, 'all four notes everywhere');

  partBoard.delete([mine!], 'test'); // a participant: not a decision
  facBoard.textOf(a!)!.insert(0, 'Endra: '); // an edit, not a removal
  await until(() => fac.doc.getMap('elements').size === 3, 5000, 'the participant’s deletion arrived');
  expect(await removals()).toEqual([]);

  facBoard.delete([b!, c!], 'test');
  await until(async () => (await removals()).length === 1, 5000, 'the removal in the audit log');
  const [entry] = await removals();
  const facilitatorId = (await call<{ me: { id: string } }>(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.facilitator)).body.me.id;
  expect(entry!.actorId).toBe(facilitatorId);
  expect(entry!.data).toEqual({ room: 'board', boardId: f.workshop.boards[0]!.id, ids: [b, c].sort(), via: 'edit' });
  const verified = (await call<{ verification: { ok: boolean } }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body.verification;
  expect(verified.ok).toBe(true);
  fac.destroy();
  part.destroy();
});
