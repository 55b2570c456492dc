/**
 * One loaded Yjs document and its connections.
 *
 * Durability rule: `doc` holds only what the store holds. An update from a client is validated,
 * queued, merged with the others of the same tick, appended to the store, and only then applied
 * to `doc` and relayed (never back to its sender). Sync-step-2 answers to newcomers read `doc`,
 * so they can never contain an update that is not yet stored.
 */
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { encodeSync, SyncType } from './protocol.js';
import { RoomPresence, type PresenceOwner } from './presence.js';

/** Where a change to a server document came from (see STYLE.md: every write tagged). */
export const Origin = { client: 'client', store: 'store' } as const;

export interface RoomPeer extends PresenceOwner {
  send(message: Uint8Array): void;
  /** Closes this peer's connection (storage failure: it resends on reconnect). */
  fail(code: number, reason: string): void;
}

export interface CompactionPolicy {
  afterUpdates: number;
  afterBytes: number;
}

interface Pending {
  peer: RoomPeer;
  update: Uint8Array;
}

export class Room {
  readonly peers = new Set<RoomPeer>();
  readonly presence: RoomPresence;
  /** Connections and in-flight upgrades holding this room open. */
  refs = 0;
  closing = false;
  private pending: Pending[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private sinceSnapshot = { updates: 0, bytes: 0 };
  private compacting = false;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private lastSeq: number,
    private readonly deps: { store: Store; log: Logger; compaction: CompactionPolicy },
  ) {
    this.presence = new RoomPresence((message, except) => {
      for (const p of this.peers) if (p !== except) p.send(message);
    });
  }

  /** Updates in the log after the snapshot, counted towards the next compaction. */
  countUnsnapshotted(updates: number, bytes: number): void {
    this.sinceSnapshot.updates += updates;
    this.sinceSnapshot.bytes += bytes;
  }

  /** Sync step 2 for a peer that sent its state vector: everything stored that it lacks. */
  answerStep1(stateVector: Uint8Array): Uint8Array {
    return encodeSync(SyncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** Our state vector, sent first to every newcomer so it sends what we lack. */
  step1(): Uint8Array {
    return encodeSync(SyncType.step1, Y.encodeStateVector(this.doc));
  }

  /** Queues a validated update from `peer`; it is stored, applied and relayed within a tick. */
  submit(peer: RoomPeer, update: Uint8Array): void {
    this.pending.push({ peer, update });
    if (!this.running) {
      this.running = true;
      setImmediate(() => void this.drain());
    }
  }

  /** Resolves when every queued update has been stored and relayed. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes a snapshot when the log has grown past the policy (or `force` and anything is new). */
  async compact(force = false): Promise<void> {
    const { updates, bytes } = this.sinceSnapshot;
    const due = updates >= this.deps.compaction.afterUpdates || bytes >= this.deps.compaction.afterBytes;
    if (this.compacting || updates === 0 || !(due || (force && updates > 1))) return;
    this.compacting = true;
    // Encoded synchronously with lastSeq: the snapshot holds exactly the updates up to it.
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upto = this.lastSeq;
    const counted = { updates, bytes };
    try {
      await this.deps.store.docs.compact(this.name, snapshot, upto);
      this.sinceSnapshot.updates -= counted.updates;
      this.sinceSnapshot.bytes -= counted.bytes;
    } catch (err) {
      this.deps.log.warn({ err, room: this.name }, 'compaction failed; the update log stays');
    } finally {
      this.compacting = false;
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        await this.commit(batch);
      }
    } finally {
      this.running = false;
      for (const w of this.idleWaiters.splice(0)) w();
    }
    if (!this.closing) void this.compact();
  }

  private async commit(batch: Pending[]): Promise<void> {
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
    try {
      this.lastSeq = await this.deps.store.docs.appendUpdate(this.name, merged);
    } catch (err) {
      this.deps.log.error({ err, room: this.name }, 'update not stored; senders will resend on reconnect');
      for (const p of new Set(batch.map((b) => b.peer))) p.fail(4500, 'storage unavailable');
      return;
    }
    this.sinceSnapshot.updates++;
    this.sinceSnapshot.bytes += merged.byteLength;
    try {
      Y.applyUpdate(this.doc, merged, Origin.client);
    } catch (err) {
      // Stored but not integrable: loads skip it too. The sender is misbehaving.
      this.deps.log.warn({ err, room: this.name }, 'stored update could not be applied');
      for (const p of new Set(batch.map((b) => b.peer))) p.fail(4400, 'update could not be applied');
      return;
    }
    this.relay(batch, merged);
  }

  /** Everyone gets the batch once; a sender gets only the others' part, never its own. */
  private relay(batch: Pending[], merged: Uint8Array): void {
    const senders = new Set(batch.map((p) => p.peer));
    const full = encodeSync(SyncType.update, merged);
    for (const peer of this.peers) {
      if (!senders.has(peer)) {
        peer.send(full);
        continue;
      }
      if (senders.size === 1) continue;
      const others = batch.filter((p) => p.peer !== peer).map((p) => p.update);
      peer.send(encodeSync(SyncType.update, others.length === 1 ? others[0]! : Y.mergeUpdates(others)));
    }
  }
}

/** Builds a room's document from the store; an update that cannot be applied is skipped and logged. */
export async function loadRoom(name: string, deps: { store: Store; log: Logger; compaction: CompactionPolicy }): Promise<Room> {
  const loaded = await deps.store.docs.load(name);
  const doc = new Y.Doc();
  const parts = loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates;
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part, Origin.store);
    } catch (err) {
      deps.log.warn({ err, room: name }, 'skipped a stored update that cannot be applied');
    }
  }
  const room = new Room(name, doc, loaded.lastSeq, deps);
  room.countUnsnapshotted(loaded.updates.length, loaded.updates.reduce((n, u) => n + u.byteLength, 0));
  return room;
}
