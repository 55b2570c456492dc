import { CONTENT_RULES } from '../../shared/sync/content-rules.js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { Metrics } from '../metrics.js';
import { LocalFanout } from '../scale/fanout.js';
import { DocRegistry } from './doc-registry.js';
import type { Room, RoomKind, RoomPeer } from './room.js';
import type { TickPolicy } from './room-tick.js';
import { RENEWAL_DELAY_MS } from './presence.js';
import { encodeAwarenessUpdate } from './protocol.js';

/** A peer that records every message, and every write (the messages sent together). */
function peer(memberId: string): RoomPeer & { got: Uint8Array[]; writes: Uint8Array[][]; failed: number[] } {
  const got: Uint8Array[] = [];
  const writes: Uint8Array[][] = [];
  const failed: number[] = [];
  const send = (...m: Uint8Array[]) => {
    got.push(...m);
    writes.push(m);
  };
  return { memberId, user: { name: memberId }, ownedClientIds: new Set(), got, writes, failed, send, fail: (c) => failed.push(c) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `ok()` holds (at most 2 s), for what a tick delivers a little later. */
async function until(ok: () => boolean): Promise<void> {
  for (const end = Date.now() + 2000; !ok() && Date.now() < end; ) await sleep(5);
}
const awareness = (clientId: number, clock: number, state: object) => encodeAwarenessUpdate([{ clientId, clock, state: JSON.stringify(state) }]);
/** Text of a doc built from the update messages among `msgs` (type 0, sub 2). */
const textOf = (msgs: Uint8Array[]) => {
  const d = new Y.Doc();
  for (const m of msgs) if (m[0] === 0 && m[1] === 2) Y.applyUpdate(d, m.subarray(2 + varLen(m.subarray(2))));
  return d.getText('t').toString();
};

const edit = (text: string) => {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
};

/** `n` edits by one peer, each committed before the next; then a moment for a compaction in the background. */
async function writeEdits(room: Room, n: number): Promise<void> {
  const p = peer('a');
  room.peers.add(p);
  for (let i = 0; i < n; i++) {
    room.submit(p, edit(`e${i}`));
    await room.idle();
  }
  await new Promise((r) => setTimeout(r, 20));
}

/** The document a room's stored snapshot and log make. */
function docOf(loaded: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const d = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(d, loaded.snapshot);
  loaded.updates.forEach((u) => Y.applyUpdate(d, u));
  return d;
}

/** A fan-out that says other instances share the store (as Redis does), delivering nothing. */
class SharedFanout extends LocalFanout {
  override readonly alone: boolean = false;
}

async function setup(
  compactAfterUpdates = 1000,
  kindOf: (name: string) => RoomKind = () => ({ gc: true, rules: CONTENT_RULES.charter }),
  tick?: TickPolicy,
  fanout: LocalFanout = new LocalFanout('test-instance-000'),
) {
  const store = new SqliteStore({ filename: ':memory:' });
  await store.migrate();
  let loads = 0;
  const load = store.docs.load.bind(store.docs);
  store.docs.load = (room) => {
    loads++;
    return load(room);
  };
  const registry = new DocRegistry({
    store,
    log: createLogger('silent'),
    compaction: { afterUpdates: compactAfterUpdates, afterBytes: 1e9 },
    unloadAfterMs: 20,
    reconcileEveryMs: 0,
    fanout,
    metrics: new Metrics({ roomsLoaded: () => 0, roomBytes: () => 0 }),
    maxDocBytes: 32 * 1024 * 1024,
    kindOf,
    tick,
  });
  return { store, registry, loads: () => loads };
}

describe('Room and DocRegistry', () => {
  it('merges one tick of updates into one stored update and one message per peer, never echoing', async () => {
    const { store, registry } = await setup();
    const room = await registry.acquire('w/vision');
    const [a, b, c] = [peer('a'), peer('b'), peer('c')];
    [a, b, c].forEach((p) => room.peers.add(p));
    room.submit(a, edit('one'));
    room.submit(a, edit('two'));
    room.submit(b, edit('three'));
    await room.idle();
    expect((await store.docs.load('w/vision')).updates).toHaveLength(1);
    expect(c.got).toHaveLength(1);
    expect(a.got).toHaveLength(1);
    expect(b.got).toHaveLength(1);
    const seen = (msgs: Uint8Array[]) => {
      const d = new Y.Doc();
      // Skip the 2-3 byte header (type 0, sub 2, varUint length): re-decode properly.
      for (const m of msgs) Y.applyUpdate(d, m.subarray(2 + varLen(m.subarray(2))));
      return d.getText('t').toString();
    };
    expect(seen(c.got)).toMatch(/one/);
    expect(seen(c.got)).toMatch(/three/);
    expect(seen(a.got)).not.toMatch(/one|two/);
    expect(seen(b.got)).not.toMatch(/three/);
    expect(room.doc.getText('t').length).toBe('onetwothree'.length);
  });

  it('encodes the whole document once for every joiner with an empty state, until it changes', async () => {
    const { registry } = await setup();
    const room = await registry.acquire('w/join');
    const p = peer('a');
    room.peers.add(p);
    room.submit(p, edit('one'));
    await room.idle();
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = room.answerStep1(empty);
    expect(room.answerStep1(empty)).toBe(first);
    room.submit(p, edit('two'));
    await room.idle();
    const second = room.answerStep1(empty);
    expect(second).not.toBe(first);
    const d = new Y.Doc();
    Y.applyUpdate(d, second.subarray(2 + varLen(second.subarray(2))));
    expect(d.getText('t').toString()).toMatch(/one/);
    expect(d.getText('t').toString()).toMatch(/two/);
  });

  it('loads a room once for concurrent first connections and unloads it when idle', async () => {
    const { registry, loads } = await setup();
    const rooms = await Promise.all(Array.from({ length: 20 }, () => registry.acquire('w/charter')));
    expect(new Set(rooms).size).toBe(1);
    expect(loads()).toBe(1);
    rooms.forEach((r) => registry.release(r));
    expect(registry.rooms()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(registry.rooms()).toHaveLength(0);
    await registry.acquire('w/charter');
    expect(loads()).toBe(2);
  });

  it('does not relay when the store refuses an update; the sender is closed to resend', async () => {
    const { store, registry } = await setup();
    const room = await registry.acquire('w/board/x');
    const [a, b] = [peer('a'), peer('b')];
    room.peers.add(a);
    room.peers.add(b);
    await store.close();
    room.submit(a, edit('lost?'));
    await room.idle();
    expect(b.got).toHaveLength(0);
    expect(a.failed).toEqual([4500]);
    expect(room.doc.getText('t').toString()).toBe('');
  });

  it('compacts the log into a snapshot past the threshold, in the background', async () => {
    const { store, registry } = await setup(10);
    const room = await registry.acquire('w/vision');
    await writeEdits(room, 25);
    const loaded = await store.docs.load('w/vision');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates.length).toBeLessThan(10);
    const d = docOf(loaded);
    expect(d.getText('t').length).toBe(room.doc.getText('t').length);
  });

  it('alone, compacts from the document in memory: the log is not loaded again, and the snapshot holds every edit', async () => {
    const { store, registry, loads } = await setup(10);
    const room = await registry.acquire('w/board');
    await writeEdits(room, 25);
    expect(loads()).toBe(1); // the first acquire only
    const loaded = await store.docs.load('w/board');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates.length).toBeLessThan(10);
    const d = docOf(loaded);
    expect(d.getText('t').toString()).toBe(room.doc.getText('t').toString());
    expect(d.getText('t').length).toBe(25 * 3 - 10);
  });

  it('with other instances, compacts from the store: an update another instance stored, not yet seen here, is kept', async () => {
    const { store, registry, loads } = await setup(10, undefined, undefined, new SharedFanout('test-instance-000'));
    const room = await registry.acquire('w/board');
    await store.docs.appendUpdate('w/board', edit('theirs')); // another instance's, never published here
    await writeEdits(room, 12);
    expect(loads()).toBeGreaterThan(1);
    const loaded = await store.docs.load('w/board');
    expect(loaded.snapshot).not.toBeNull();
    const d = docOf(loaded);
    expect(d.getText('t').toString()).toContain('theirs');
  });

  it('stores a server change before relaying it to every peer, and resolves once stored', async () => {
    const { store, registry } = await setup();
    const room = await registry.acquire('w/charter');
    const a = peer('a');
    room.peers.add(a);
    await registry.change('w/charter', (doc) => doc.getText('t').insert(0, 'from the server'));
    expect(room.doc.getText('t').toString()).toBe('from the server');
    expect(a.got).toHaveLength(1);
    expect((await store.docs.load('w/charter')).updates).toHaveLength(1);
    await registry.change('w/charter', () => undefined);
    expect(a.got).toHaveLength(1);
    expect(await registry.read('w/charter', (doc) => doc.getText('t').length)).toBe(15);
  });

  it('writes a server change and its records in one transaction: both, or neither', async () => {
    const { store, registry } = await setup();
    await store.workshops.create({ id: 'wwwwwwwwwwwwwwww', title: 't', language: 'nn', decisionRule: 'consensus', createdAt: 'x', protectOrganisationContent: false }, [], []);
    const entry = { workshopId: 'wwwwwwwwwwwwwwww', at: 'x', actorId: null, type: 'content.removed', data: {} };
    await registry.change('w/charter', (doc) => doc.getText('t').insert(0, 'kept'), (tx) => tx.audit.append(entry).then(() => undefined));
    await expect(
      registry.change('w/charter', (doc) => doc.getText('t').insert(0, 'lost '), async (tx) => {
        await tx.audit.append(entry);
        throw new Error('record refused');
      }),
    ).rejects.toThrow();
    expect((await store.audit.list('wwwwwwwwwwwwwwww')).length).toBe(1);
    expect(await registry.read('w/charter', (doc) => doc.getText('t').toString())).toBe('kept');
    expect((await store.docs.load('w/charter')).updates).toHaveLength(1);
  });

  it('rejects a server change the store refuses, leaving the document as stored', async () => {
    const { store, registry } = await setup();
    const room = await registry.acquire('w/charter');
    await store.close();
    await expect(room.change((doc) => doc.getText('t').insert(0, 'x'))).rejects.toThrow();
    expect(room.doc.getText('t').toString()).toBe('');
  });

  it('refuses with 4414 an update that takes a capped document past its cap, and keeps what was there', async () => {
    const measure = (doc: Y.Doc) => doc.getText('t').length;
    const stored: string[] = [];
    const { registry } = await setup(1000, () => ({ gc: false, rules: CONTENT_RULES.vision, caps: { measure: { max: 50, of: measure } }, onStored: (m) => stored.push(m) }));
    const room = await registry.acquire('w/vision');
    const a = peer('a');
    room.peers.add(a);
    room.submit(a, edit('x'.repeat(40)));
    await room.idle();
    room.submit(a, edit('y'.repeat(20)));
    await room.idle();
    expect(a.failed).toEqual([4414]);
    expect(room.doc.getText('t').length).toBe(40);
    expect(room.doc.gc).toBe(false);
    expect(stored).toEqual(['a']);
  });
});

describe('A room tick', () => {
  // 3 peers at 10 writes per second: one tick every 300 ms at most.
  const slow: TickPolicy = { framesPerSecond: 10, maxMs: 1000 };

  it('relays at once in a quiet room, and merges what arrives within a busy one\'s tick, never echoing', async () => {
    const { registry } = await setup(1000, undefined, slow);
    const room = await registry.acquire('w/board/b');
    const [a, b, c] = [peer('a'), peer('b'), peer('c')];
    [a, b, c].forEach((p) => room.peers.add(p));
    // A quiet room: a burst of three ticks goes at once, one write each.
    for (const word of ['one', 'uno', 'ein']) {
      room.submit(a, edit(word));
      await room.idle();
    }
    expect([a.writes.length, b.writes.length, c.writes.length]).toEqual([0, 3, 3]);
    // Now busy: the next tick is 300 ms away, and what arrives meanwhile goes as one write.
    const started = performance.now();
    room.submit(b, edit('two'));
    await sleep(10);
    room.submit(c, edit('three'));
    await room.idle();
    expect(performance.now() - started).toBeGreaterThan(200);
    expect([a.writes.length, b.writes.length, c.writes.length]).toEqual([1, 4, 4]);
    expect(textOf(a.got)).toMatch(/two/);
    expect(textOf(a.got)).toMatch(/three/);
    expect(textOf(b.got)).not.toMatch(/two/);
    expect(textOf(c.got)).not.toMatch(/three/);
  });

  it('resolves a server change only once its tick has relayed it', async () => {
    const { registry } = await setup(1000, undefined, slow);
    const room = await registry.acquire('w/charter');
    const a = peer('a');
    room.peers.add(a);
    await registry.change('w/charter', (doc) => doc.getText('t').insert(0, 'first'));
    await registry.change('w/charter', (doc) => doc.getText('t').insert(0, 'second '));
    expect(textOf(a.got)).toBe('second first');
  });

  it('gives the newcomers of one tick a single shared snapshot of every state', async () => {
    const { registry } = await setup();
    const room = await registry.acquire('w/board/b');
    const x = peer('x');
    room.peers.add(x);
    room.presence.apply(x, awareness(7, 1, { cursor: { x: 1 } }));
    await sleep(80);
    const [n1, n2] = [peer('n1'), peer('n2')];
    for (const n of [n1, n2]) {
      room.peers.add(n);
      room.presence.welcome(n);
    }
    await until(() => n1.got.length > 0 && n2.got.length > 0);
    expect(n1.got).toHaveLength(1);
    expect(n1.got[0]).toBe(n2.got[0]);
    expect(new TextDecoder().decode(n1.got[0])).toContain('"cursor"');
  });

  it('holds a renewal back to travel with the next write, and sends it alone when it is due', async () => {
    const { registry } = await setup();
    const room = await registry.acquire('w/board/b');
    const [x, y] = [peer('x'), peer('y')];
    [x, y].forEach((p) => room.peers.add(p));
    room.presence.apply(x, awareness(7, 1, { cursor: { x: 1 } }));
    await until(() => y.writes.length > 0);
    expect(y.writes).toHaveLength(1); // a change goes out at once
    room.presence.apply(x, awareness(7, 2, { cursor: { x: 1 } }));
    await sleep(100);
    expect(y.writes).toHaveLength(1); // a renewal waits
    room.submit(x, edit('hello'));
    await room.idle();
    expect(y.writes).toHaveLength(2);
    expect(y.writes[1]!.map((m) => m[0])).toEqual([0, 1]); // the update and the renewal, one write
    room.presence.apply(x, awareness(7, 3, { cursor: { x: 1 } }));
    await sleep(RENEWAL_DELAY_MS - 500);
    expect(y.writes).toHaveLength(2);
    await sleep(800);
    expect(y.writes).toHaveLength(3);
    expect(y.writes[2]!.map((m) => m[0])).toEqual([1]);
  });
});

function varLen(b: Uint8Array): number {
  let i = 0;
  while (b[i]! & 128) i++;
  return i + 1;
}
