/**
 * One loaded Yjs document and its connections.
 *
 * Durability rule: `doc` holds only what the store holds. An update from a client is validated,
 * queued, merged with the others of the same tick, appended to the store, and only then applied
 * to `doc`, relayed (never back to its sender) and published to other instances. Sync-step-2
 * answers to newcomers read `doc`, so they never contain an update that is not yet stored.
 * Updates from other instances were stored by them; they are applied and relayed, not stored.
 *
 * Outgoing messages go through the room's ticks (room-tick.ts): what is due is merged and written
 * to each connection in one write. A quiet room stores and relays in the turn an update arrives;
 * a busy room commits what arrives in between ticks as one update, right before its next tick.
 */
import * as Y from 'yjs';
import { forgetDecoded } from '../../shared/sync/decoded.js';
import type { Store } from '../store/types.js';
import { collectHistory } from '../../shared/sync/keep-shown.js';
import { changedBy } from '../../shared/sync/doc-change.js';
import { appendCommit, buildDoc, bytesOf, partsOf, serverChange, snapshotFromStore } from './doc-build.js';
import type { RoomKind } from './room-kind.js';
import { Origin } from './origin.js';
import { encodeSync, SyncType } from './protocol.js';
import { RoomPresence } from './presence.js';
import { failBatch, RoomBroken, type Pending, type RoomDeps, type RoomPeer } from './room-types.js';
import { guardBatch, withoutTooDeep } from './room-guard.js';
import { HeldUpdates } from './room-hold.js';
import { removalEntries } from './room-removals.js';
import { DEFAULT_TICK, TickSchedule, writeTick, type Outgoing } from './room-tick.js';
import { checkUpdate } from './update-check.js';

export { Origin };
export type { RoomKind } from './room-kind.js';
export { RoomBroken, type CompactionPolicy, type RoomDeps, type RoomPeer } from './room-types.js';

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
  /** The whole document encoded once for every newcomer with an empty state (joins burst). */
  private fullState: Uint8Array | null = null;
  /** The cap's measure of `doc`, computed when first needed after a change. */
  private measured: number | null = null;
  /** Bytes of this document in the store (snapshot and log, deleted content included), kept as it grows. */
  storedBytes = 0;
  /** The highest sequence number of the room's log this room loaded or appended (0: unknown). */
  storedSeq = 0;
  /** Bytes queued for the store and not yet written: counted against the cap too. */
  private queuedBytes = 0;
  private broken = false;
  private outbox: Outgoing[] = [];
  private afterTick: (() => void)[] = [];
  private readonly schedule: TickSchedule;
  private current: Y.Doc;
  private readonly held = new HeldUpdates();

  constructor(
    readonly name: string,
    doc: Y.Doc,
    private readonly deps: RoomDeps,
    private readonly kind: RoomKind,
  ) {
    this.current = this.watch(doc);
    this.schedule = new TickSchedule(deps.tick ?? DEFAULT_TICK, () => this.peers.size, () => this.tick());
    this.presence = new RoomPresence({
      wake: (at) => this.schedule.wake(at),
      publish: (update) => deps.fanout.publish(name, 'awareness', update),
    });
  }

  /** The loaded document; replaced only when its history is collected (`collectHistory`). */
  get doc(): Y.Doc {
    return this.current;
  }

  private watch(doc: Y.Doc): Y.Doc {
    // Not doc.on('update'): that makes Yjs encode every transaction as an update nobody here reads.
    doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
      if (!changedBy(tr)) return;
      this.fullState = null;
      this.measured = null;
      // What a held update (room-hold.ts) waits for may be in now: it is checked again in the next commit.
      if (this.held.size) for (const p of this.held.release(this.peers)) this.enqueue(p);
    });
    return doc;
  }

  /** Updates in the log after the snapshot, counted towards the next compaction. */
  countUnsnapshotted(updates: number, bytes: number): void {
    this.sinceSnapshot.updates += updates;
    this.sinceSnapshot.bytes += bytes;
  }

  /** Sync step 2 for a peer that sent its state vector: everything stored that it lacks. */
  answerStep1(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.byteLength === 1 && stateVector[0] === 0;
    try {
      if (!empty) return encodeSync(SyncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector));
      return (this.fullState ??= encodeSync(SyncType.step2, Y.encodeStateAsUpdate(this.doc)));
    } catch (err) {
      this.breakDown(err);
      throw new RoomBroken('the room is being rebuilt');
    }
  }

  /** Our state vector, sent first to every newcomer so it sends what we lack. */
  step1(): Uint8Array {
    return encodeSync(SyncType.step1, Y.encodeStateVector(this.doc));
  }

  /**
   * Checks an update from `peer` (content rules, caps) and queues it: it is stored, applied and
   * relayed within a tick. A refused update closes the sender's connection only.
   */
  submit(peer: RoomPeer, update: Uint8Array, step2 = false): void {
    const verdict = checkUpdate({
      update,
      doc: this.doc,
      rules: this.kind.rules,
      caps: { maxDocBytes: this.deps.maxDocBytes, ...this.kind.caps },
      docBytes: this.storedBytes + this.queuedBytes,
      measured: () => (this.measured ??= this.kind.caps?.measure?.of(this.doc) ?? 0),
    });
    if (!verdict.ok) {
      this.deps.metrics.sync.refusedUpdates++;
      return peer.fail(verdict.code, verdict.reason);
    }
    this.enqueue({ peer, update, structs: verdict.structs, step2 });
  }

  /**
   * A change the server makes itself (a template, revealed answers): `fn` edits a copy of the
   * document; the resulting update goes through the same queue as a client's (stored before it
   * is applied or relayed). Resolves once stored and relayed; rejects when it could not be stored.
   */
  change(fn: (doc: Y.Doc) => void, inTransaction?: (tx: Store) => Promise<void>): Promise<void> {
    const update = serverChange(this.doc, fn);
    if (!update) return Promise.resolve();
    return new Promise((resolve, reject) => this.enqueue({ peer: null, update, inTransaction, settle: (err) => (err ? reject(err) : resolve()) }));
  }

  /**
   * Queues for the next commit, which starts once the current burst of socket reads has been
   * handled (a microtask), or at the room's next tick when its rate does not allow one now: what
   * arrives meanwhile, or while a commit is in flight, goes as one.
   */
  private enqueue(p: Pending): void {
    this.pending.push(p);
    this.queuedBytes += p.update.byteLength;
    if (this.running) return;
    this.running = true;
    queueMicrotask(() => void this.drain());
  }

  /** An update another instance stored and published. */
  applyRemote(update: Uint8Array, sentAt: number): void {
    const stats = this.deps.metrics.sync;
    stats.remoteUpdatesIn++;
    this.deps.metrics.fanoutLag.observe(Math.max(0, Date.now() - sentAt) / 1000);
    try {
      Y.applyUpdate(this.doc, update, Origin.remote);
    } catch (err) {
      this.deps.log.warn({ err, room: this.name }, 'an update from another instance could not be applied');
      return this.breakDown(err);
    }
    this.send({ merged: update, parts: [{ peer: null, update }] });
    this.sinceSnapshot.updates++;
    this.storedBytes += update.byteLength;
  }

  /** Brings the document up to the store (after lost fan-out) and relays what was missing. */
  async reconcile(): Promise<void> {
    const loaded = await this.deps.store.docs.load(this.name);
    const before = Y.encodeStateVector(this.doc);
    try {
      for (const part of partsOf(loaded)) Y.applyUpdate(this.doc, part, Origin.store);
    } catch (err) {
      return this.breakDown(err);
    }
    const missing = Y.encodeStateAsUpdate(this.doc, before);
    if (missing.byteLength > 2) this.send({ merged: missing, parts: [{ peer: null, update: missing }] });
  }

  /** Resolves when every queued update has been stored and relayed. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return !this.running && this.outbox.length === 0;
  }

  private settleIdle(): void {
    if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Writes a snapshot when the log has grown past the policy (or `force` and anything is new). */
  async compact(force = false, repair = false): Promise<void> {
    const { updates, bytes } = this.sinceSnapshot;
    const due = updates >= this.deps.compaction.afterUpdates || bytes >= this.deps.compaction.afterBytes;
    if (this.compacting || (!repair && (updates === 0 || !(due || (force && updates > 1))))) return;
    this.compacting = true;
    try {
      await this.rewriteStored(this.kind.gc, undefined, repair);
    } catch (err) {
      this.deps.log.warn({ err, room: this.name }, 'compaction failed; the update log stays');
    } finally {
      this.compacting = false;
    }
  }

  /**
   * Replaces the stored log with one snapshot. Built from the store: with several instances the
   * store may hold updates from others that have not reached this one yet, and compaction must
   * never drop them; a stored update that breaks the document is left out, as loads leave it out.
   * Alone (no other instance) and idle, the room's document holds exactly what its log holds up to
   * the last sequence number it appended (an update is stored before it is applied, and nothing
   * else writes the log), so the snapshot is encoded from memory instead of loading and
   * rebuilding the log (4.5–8 % of the server's time at 500 rooms, issue #19). Returns the
   * stored bytes before.
   */
  private async rewriteStored(gc: boolean, rewrite?: (doc: Y.Doc) => void, repair = false): Promise<number> {
    const { updates, bytes } = this.sinceSnapshot;
    const fromMemory = !rewrite && !repair && this.deps.fanout.alone && this.isIdle() && this.storedSeq > 0;
    const { snapshot, before, uptoSeq } = fromMemory
      ? { snapshot: Y.encodeStateAsUpdate(this.doc), before: this.storedBytes, uptoSeq: this.storedSeq }
      : await snapshotFromStore(this.deps.store, this.name, gc, this.deps.log, rewrite);
    await this.deps.store.docs.compact(this.name, snapshot, uptoSeq);
    this.sinceSnapshot.updates -= updates;
    this.sinceSnapshot.bytes -= bytes;
    this.storedBytes += snapshot.byteLength - before;
    return before;
  }

  /**
   * Rewrites the stored document with its history collected: deleted content goes, except what a
   * `keep` snapshot shows (shared/sync/keep-shown.ts); ids and state vectors stay. Then the loaded document is
   * swapped for one built from the store, so memory shrinks too; connections stay open, since
   * nothing they know changes. Returns the stored bytes before and after.
   */
  async collectHistory(keep: readonly Y.Snapshot[]): Promise<{ before: number; after: number }> {
    while (this.compacting) await new Promise((r) => setTimeout(r, 10));
    this.compacting = true;
    try {
      await this.idle();
      const before = await this.rewriteStored(false, (doc) => collectHistory(doc, keep));
      await this.reload();
      return { before, after: this.storedBytes };
    } finally {
      this.compacting = false;
    }
  }

  /** Swaps `doc` for one built from the store, once nothing is in flight (a busy room keeps its own). */
  private async reload(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.idle();
      const loaded = await this.deps.store.docs.load(this.name);
      if (!this.isIdle() || this.broken || this.closing) continue;
      const { doc } = buildDoc(this.name, partsOf(loaded), this.kind.gc, this.deps.log);
      const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.current));
      const old = this.current;
      this.current = this.watch(doc);
      this.fullState = null;
      this.measured = null;
      this.storedBytes = bytesOf(loaded);
      this.storedSeq = Math.max(this.storedSeq, loaded.lastSeq);
      old.destroy();
      if (missing.byteLength > 2) this.send({ merged: missing, parts: [{ peer: null, update: missing }] });
      return;
    }
    this.deps.log.warn({ room: this.name }, 'the room stayed busy; its loaded document keeps the collected history until it unloads');
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length) {
        // A busy room commits once per tick, right before it relays: what arrives until then goes as one update.
        await this.schedule.whenReady();
        const batch = this.pending;
        this.pending = [];
        try {
          await this.commit(batch);
        } catch (err) {
          // Never reaches the process: the batch's senders resend on reconnect.
          this.deps.log.error({ err, room: this.name }, 'a batch of updates failed');
          failBatch(batch, 4500, 'server error', err);
        } finally {
          for (const p of batch) this.queuedBytes -= p.update.byteLength;
        }
      }
    } finally {
      this.running = false;
      this.settleIdle();
    }
    if (!this.closing) void this.compact();
  }

  private async commit(all: Pending[]): Promise<void> {
    if (this.broken) return failBatch(all, 4500, 'room is being rebuilt', new RoomBroken());
    const screened = withoutTooDeep(this.held.sortOut(all, this.doc, this.peers), this.doc, this.kind, () => this.deps.metrics.sync.refusedUpdates++);
    const guarded = await guardBatch(this.kind, screened, () => this.doc, () => this.reconcile());
    this.deps.metrics.sync.refusedUpdates += guarded.refused;
    const batch = guarded.kept;
    if (batch.length === 0) return;
    let merged: Uint8Array;
    try {
      merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
    } catch (err) {
      // Each update passed its check alone; commit them one by one so only a culprit is refused.
      if (batch.length === 1) return failBatch(batch, 4422, 'update refused: unreadable', err);
      for (const p of batch) await this.commit([p]);
      return;
    }
    const started = performance.now();
    let seq: number;
    try {
      const audits = [...(this.kind.removals ? removalEntries(this.kind.removals, this.doc, batch) : []), ...guarded.audit];
      const records = batch.flatMap((p) => (p.inTransaction ? [p.inTransaction] : []));
      seq = await appendCommit(this.deps.store, this.name, merged, audits, records);
    } catch (err) {
      this.deps.log.error({ err, room: this.name }, 'update not stored; senders will resend on reconnect');
      failBatch(batch, 4500, 'storage unavailable', err);
      return;
    }
    this.storedSeq = Math.max(this.storedSeq, seq);
    this.deps.metrics.storeLatency.observe((performance.now() - started) / 1000);
    if (this.kind.onStored) for (const p of batch) if (p.peer) this.kind.onStored(p.peer.memberId, p.update, this.doc);
    if (guarded.edits.length) this.kind.recordEdits?.(guarded.edits);
    this.deps.metrics.sync.updatesStored++;
    this.sinceSnapshot.updates++;
    this.sinceSnapshot.bytes += merged.byteLength;
    this.storedBytes += merged.byteLength;
    // The checks are done: their decodings may go before applying allocates the document's share.
    for (const p of batch) {
      p.structs = null;
      forgetDecoded(p.update);
    }
    try {
      Y.applyUpdate(this.doc, merged, Origin.client);
    } catch (err) {
      // Stored but not integrable: loads leave it out. A lone sender is refused for good (it
      // would only send it again); the rest of the room reconnects to the rebuilt document.
      if (batch.length === 1) failBatch(batch, 4422, 'update refused: unreadable', err);
      return this.breakDown(err);
    }
    // Published first: other instances' clients then wait no longer than ours.
    this.deps.fanout.publish(this.name, 'update', merged);
    // Settled once relayed: queued before `send`, which may tick at once.
    for (const p of batch) if (p.settle) this.afterTick.push(() => p.settle!(null));
    this.send({ merged, parts: batch.map((p) => ({ peer: p.peer, update: p.update })) });
  }

  /**
   * The document can no longer be trusted (an update could not be applied or encoded): every
   * connection closes with a transient code, and the registry rebuilds the room from the store.
   */
  private breakDown(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.deps.log.error({ err, room: this.name, alert: 'room-rebuilt' }, 'the room document broke; rebuilding it from the store');
    for (const peer of [...this.peers]) peer.fail(4500, 'room is being rebuilt');
    this.deps.onBroken?.(this);
  }

  /** Relays stored updates: at once when the room's rate allows (no extra turn), else at its next tick. */
  private send(out: Outgoing): void {
    this.outbox.push(out);
    if (this.schedule.ready()) this.tick();
    else this.schedule.wake(performance.now());
  }

  /** Writes what is due: the updates, and presence when due or when there is a write anyway. */
  private tick(): void {
    const now = performance.now();
    const outgoing = this.outbox;
    this.outbox = [];
    const presence = outgoing.length || this.presence.dueAt() <= now ? this.presence.take(now) : null;
    if (outgoing.length === 0 && !presence) return this.rewake();
    this.schedule.spent(now);
    this.deps.metrics.sync.messagesOut += writeTick(this.peers, outgoing, presence);
    for (const fn of this.afterTick.splice(0)) fn();
    this.settleIdle();
    this.rewake();
  }

  /** Presence that stayed pending (renewals not yet due) gets its own wake-up. */
  private rewake(): void {
    const due = this.presence.dueAt();
    if (due !== Infinity) this.schedule.wake(due);
  }
}
