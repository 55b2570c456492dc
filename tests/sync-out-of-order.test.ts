/**
 * Updates that arrive before the sender's own items they build on (issue #18, found by the fault
 * run). A stock provider sends new edits as soon as its connection opens, before its sync step 2
 * brings what it wrote offline; if the connection then drops, the step 2 never comes on it. The
 * server holds such an update aside (server/sync/room-hold.ts) until what it waits for is in, and
 * drops it with the connection: it never stores, relays or refuses it, and nobody else's sync
 * step 2 later brings it back in the writer's name.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../shared/board/board-doc.js';
import { VISION_DOC_OPTIONS, visionFragment } from '../shared/vision/schema.js';
import { authorOf, fixture, type Fixture } from './helpers/api.js';
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

const newId = () => randomBytes(12).toString('base64url');
const serverDoc = (room: string) => s.app.registry.rooms().find((r) => r.name === room)?.doc;

/** `doc`'s updates, one per transaction, from here on. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

async function raw(room: string, token: string): Promise<RawClient> {
  const c = new RawClient(`${s.wsBase}/${room}?token=${token}`);
  await c.opened;
  return c;
}

describe('an edit sent before the sync step 2 that carries what it builds on', () => {
  it('goes through once the step 2 comes on the same connection (a paragraph after one written offline)', async () => {
    const room = `${f.workshop.id}/vision`;
    const a = new Y.Doc(VISION_DOC_OPTIONS);
    const updates = recorder(a);
    const paragraph = (text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      visionFragment(a).push([p]);
    };
    paragraph('Skrive utan nett.');
    paragraph('Skrive då nettet kom att.');
    const c = await raw(room, f.participantA);
    const closed = c.closed;
    c.sendUpdate(updates[1]!);
    c.sendUpdate(updates[0]!);
    const witness = provider(s.wsBase, room, f.observer, new Y.Doc(VISION_DOC_OPTIONS));
    await synced(witness);
    await until(() => visionFragment(witness.doc).toString().includes('då nettet kom att'), 5000, 'both paragraphs');
    expect(visionFragment(witness.doc).toString()).toMatch(/utan nett\..*då nettet kom att\./);
    expect([c.closeCode, serverDoc(room)!.store.pendingStructs]).toEqual([null, null]);
    c.close();
    await closed;
    witness.destroy();
  });

  it('is dropped with its connection, never relayed, so no one else’s sync step 2 brings it back in the writer’s name', async () => {
    const room = f.board;
    const author = await authorOf(s.base, f.workshop.id, f.participantA);
    const a = new Y.Doc();
    const updates = recorder(a);
    const board = new BoardDoc(a, newId);
    const first = board.create({ kind: 'note', x: 0, y: 0, text: 'Skrive utan nett' }, author, 'test');
    const second = board.create({ kind: 'note', x: 200, y: 0, text: 'Rett etter at nettet kom' }, author, 'test');
    // B is in the room; A's connection opens, sends its newest edit and drops before its step 2.
    const b = provider(s.wsBase, room, f.participantB);
    await synced(b);
    const refusals: unknown[] = [];
    b.on('closed', (e) => refusals.push(e));
    const c = await raw(room, f.participantA);
    c.sendUpdate(updates[1]!);
    await new Promise((r) => setTimeout(r, 200));
    c.close();
    await c.closed;
    expect([serverDoc(room)!.store.pendingStructs, b.doc.store.pendingStructs]).toEqual([null, null]);
    // B reconnects (its sync step 2 is what the server lacks of B's copy) and edits on.
    b.disconnect();
    b.connect();
    await synced(b);
    new BoardDoc(b.doc, newId).create({ kind: 'note', x: 0, y: 300, text: 'B held fram' }, await authorOf(s.base, f.workshop.id, f.participantB), 'test');
    // A comes back with a stock provider: its sync step 2 brings both notes.
    const back = provider(s.wsBase, room, f.participantA, a);
    await synced(back);
    await until(() => b.doc.getMap('elements').has(second) && b.doc.getMap('elements').size === 3, 5000, 'A’s notes reach B');
    expect(refusals).toEqual([]);
    expect(b.doc.getMap('elements').has(first)).toBe(true);
    for (const p of [b, back]) p.destroy();
  });
});
