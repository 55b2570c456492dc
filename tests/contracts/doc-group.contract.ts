/**
 * Store contract for group-committed appends (server/store/group-commit.ts): appends made in one
 * tick across rooms are stored together, and one that the database refuses fails alone.
 * Called from describeStoreContract, so every adapter runs it unchanged.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../server/store/types.js';

/** What an adapter's test can do to its database from outside, as another program would. */
export interface StoreFaults {
  /** From now on the database itself refuses (a constraint violation) every row stored for `room`. */
  refuseAppendsTo(room: string): Promise<void>;
}

/** `rooms` rooms, each with `each` updates of one Y.Text, made in order. */
function edits(rooms: number, each: number): { room: string; updates: Uint8Array[]; text: string }[] {
  return Array.from({ length: rooms }, (_, r) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < each; i++) doc.getText('t').insert(i, String.fromCharCode(97 + ((r + i) % 26)));
    return { room: `group${r}/board/b`, updates, text: doc.getText('t').toString() };
  });
}

async function loadText(store: Store, room: string): Promise<{ text: string; count: number }> {
  const loaded = await store.docs.load(room);
  const doc = new Y.Doc();
  // Applied one at a time in stored order: a missing or reordered update would leave text pending.
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return { text: doc.getText('t').toString(), count: loaded.updates.length };
}

export function describeDocGroupContract(getStore: () => Store, faults?: StoreFaults): void {
  it('stores every append of one tick across rooms, each room in the order made', async () => {
    const store = getStore();
    const rooms = edits(20, 3);
    // All started in one turn of the event loop: one group. A room's later update gets a higher seq.
    const seqs = await Promise.all(rooms.flatMap((r) => r.updates.map((u) => store.docs.appendUpdate(r.room, u))));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const [i, r] of rooms.entries()) {
      const own = seqs.slice(i * 3, i * 3 + 3);
      expect(own).toEqual([...own].sort((a, b) => a - b));
      expect(await loadText(store, r.room)).toEqual({ text: r.text, count: 3 });
      expect((await store.docs.load(r.room)).lastSeq).toBe(own[2]);
    }
  });

  // Only where the test can reach the database from outside (not SQLite in memory).
  if (faults) {
    it('fails only the append the database refuses; the rest of its group is stored', async () => {
      const store = getStore();
      const rooms = edits(10, 2);
      const bad = rooms[4]!.room;
      await faults.refuseAppendsTo(bad);
      const results = await Promise.allSettled(rooms.flatMap((r) => r.updates.map((u) => store.docs.appendUpdate(r.room, u))));
      results.forEach((res, i) => {
        if (rooms[Math.floor(i / 2)]!.room === bad) expect(res).toMatchObject({ status: 'rejected', reason: { code: 'conflict', status: 409 } });
        else expect(res.status).toBe('fulfilled');
      });
      for (const r of rooms) expect(await loadText(store, r.room)).toEqual(r.room === bad ? { text: '', count: 0 } : { text: r.text, count: 2 });
      // And the next tick's group is unaffected by what failed before.
      const next = edits(3, 1).map((r) => ({ ...r, room: `${r.room}/next` }));
      await Promise.all(next.map((r) => store.docs.appendUpdate(r.room, r.updates[0]!)));
      for (const r of next) expect((await loadText(store, r.room)).text).toBe(r.text);
    });
  }
}
