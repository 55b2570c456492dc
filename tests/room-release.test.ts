/**
 * A room's memory is given back after its last client leaves (issue #7): once the registry has
 * unloaded it, nothing keeps the room or its Y.Doc alive — a garbage collection frees both, and
 * the heap returns to where it was before the 10,000-note board was written.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { createWorkshop } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { syncMessage, until } from './helpers/sync.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ SYNC_UNLOAD_AFTER_MS: '200' });
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

it('frees a 10,000-note room after the last client leaves', async () => {
  const w = await createWorkshop(s.base);
  const doc = new Y.Doc();
  let n = 0;
  const board = new BoardDoc(doc, () => `n${(n++).toString().padStart(14, '0')}`);
  // The writer's own identity: the server refuses elements that name someone else.
  const author = { id: w.member.id, name: w.member.displayName, organisationId: w.member.organisationId, organisationName: null };
  doc.transact(() => {
    for (let i = 0; i < 10_000; i++) board.create({ kind: 'note', x: i, y: i, text: `Lapp ${i}: ei felles løysing` }, author, 'test');
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  gc();
  const before = process.memoryUsage().heapUsed;

  const ws = new WebSocket(`${s.wsBase}/${w.id}/charter?token=${w.token}`);
  await new Promise((r) => ws.once('open', r));
  ws.send(syncMessage(2, update));
  await until(() => s.app.registry.rooms()[0]?.doc.getMap('elements').size === 10_000, 10_000, 'the board stored and loaded');
  // Weak references only: the test itself must not keep the room alive.
  const [room, ydoc] = ((r) => [new WeakRef(r), new WeakRef(r.doc)])(s.app.registry.rooms()[0]!);
  gc();
  const loaded = process.memoryUsage().heapUsed;

  ws.terminate();
  await until(() => s.app.registry.rooms().length === 0, 10_000, 'the room unloaded');
  await new Promise((r) => setTimeout(r, 50));
  gc();
  expect(room.deref()).toBeUndefined();
  expect(ydoc.deref()).toBeUndefined();
  const after = process.memoryUsage().heapUsed;
  // The loaded board took tens of MB; what stays is noise of the same order as before.
  expect(loaded - before).toBeGreaterThan(20e6);
  expect(after - before).toBeLessThan((loaded - before) / 4);
}, 30_000);
