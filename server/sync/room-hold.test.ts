import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.js';
import { HeldUpdates, Reach } from './room-hold.js';
import type { Pending, RoomPeer } from './room-types.js';

/** A writer whose updates are recorded one per transaction. */
function writer(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates, text: () => doc.getText('t') };
}
const structs = (u: Uint8Array) => Y.decodeUpdate(u).structs;

describe('Reach', () => {
  it('tells an update that starts past what is known of its own client, until the earlier one is admitted', () => {
    const a = writer(1);
    a.text().insert(0, 'offline');
    a.text().insert(7, ' then online');
    const server = new Y.Doc();
    expect(new Reach(server).admit(structs(a.updates[1]!))).toBe(1);
    const batch = new Reach(server);
    expect(batch.admit(structs(a.updates[0]!))).toBeNull();
    expect(batch.admit(structs(a.updates[1]!))).toBeNull();
    // History the document has is no gap.
    Y.applyUpdate(server, a.updates[0]!);
    expect(new Reach(server).admit(structs(a.updates[0]!))).toBeNull();
    expect(new Reach(server).admit(structs(a.updates[1]!))).toBeNull();
  });

  it('tells an item whose origin is one of the update’s own clients’ items that nothing reaches; others’ are not its to hold', () => {
    const a = writer(1);
    a.text().insert(0, 'ab');
    a.text().insert(2, 'cd');
    const b = writer(2);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    b.text().insert(4, 'e');
    const e = b.updates.at(-1)!;
    const server = new Y.Doc();
    // B's sync step 2 to a server that has nothing, missing A's second edit: B's item waits for it.
    expect(new Reach(server).admit(structs(Y.mergeUpdates([a.updates[0]!, e])))).toBe(1);
    expect(new Reach(server).admit(structs(Y.mergeUpdates([a.updates[0]!, a.updates[1]!, e])))).toBeNull();
    // B's edit alone builds on A's items, which are not the update's own: the ownership check's matter.
    expect(new Reach(server).admit(structs(e))).toBeNull();
  });
});

describe('HeldUpdates', () => {
  const peer = (memberId: string) => {
    const failed: number[] = [];
    const p: RoomPeer = { memberId, user: {}, ownedClientIds: new Set(), send: () => {}, fail: (code) => failed.push(code) };
    return Object.assign(p, { failed });
  };

  it('holds what waits, lets the rest through in order, and releases the held updates of open connections only', () => {
    const a = writer(1);
    a.text().insert(0, 'x');
    a.text().insert(1, 'y');
    const b = writer(2);
    b.text().insert(0, 'z');
    const [pa, pb, gone] = [peer('a'), peer('b'), peer('gone')];
    const held = new HeldUpdates();
    const late: Pending = { peer: pa, update: a.updates[1]! };
    const batch = [late, { peer: pb, update: b.updates[0]! }, { peer: gone, update: a.updates[1]! }, { peer: null, update: a.updates[1]! }];
    const ready = held.sortOut(batch, new Y.Doc(), new Set([pa, pb, gone]));
    expect(ready.map((p) => p.peer?.memberId ?? 'server')).toEqual(['b', 'server']);
    // `gone` closes before the document changes: only A's update is queued again.
    expect(held.release(new Set([pa, pb]))).toEqual([late]);
    expect(held.size).toBe(0);
  });

  it('refuses a connection that holds more than a provider ever sends before its sync step 2', () => {
    const a = writer(1);
    for (let i = 0; i < 300; i++) a.text().insert(i, 'x');
    const p = peer('a');
    const held = new HeldUpdates();
    expect(held.sortOut(a.updates.slice(1).map((update) => ({ peer: p, update })), new Y.Doc(), new Set([p]))).toEqual([]);
    expect(new Set(p.failed)).toEqual(new Set([CloseCode.updateRefused]));
    expect(held.release(new Set())).toEqual([]);
  });

  it('never holds a sync step 2: what of it integrates goes on, items that wait for ones nobody sends are left out', () => {
    const a = writer(1);
    a.text().insert(0, 'ab');
    a.text().insert(2, 'cd');
    // B kept A's second edit pending (an older server relayed it so) and wrote its own text.
    const b = writer(2);
    Y.applyUpdate(b.doc, a.updates[1]!);
    b.text().insert(0, 'x');
    const server = new Y.Doc();
    const p = peer('b');
    const step2 = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(server));
    const [ready] = new HeldUpdates().sortOut([{ peer: p, update: step2, step2: true }], server, new Set([p]));
    Y.applyUpdate(server, ready!.update);
    expect([server.getText('t').toString(), server.store.pendingStructs]).toEqual(['x', null]);
  });
});
