/**
 * Loaded rooms by name. A room loads once however many connections arrive together, stays while
 * anything holds it, and unloads `unloadAfterMs` after the last release, once all it had queued is
 * stored. With fan-out, a room subscribes before it loads (so nothing published meanwhile is
 * missed) and reconciles from the store when the fan-out comes back after a loss.
 */
import type * as Y from 'yjs';
import type { FanoutMessage } from '../scale/fanout.js';
import type { Store } from '../store/types.js';
import { Room, type RoomDeps } from './room.js';
import { loadRoom } from './room-load.js';

export interface DocRegistryDeps extends RoomDeps {
  unloadAfterMs: number;
  /** Every this often, loaded rooms reconcile from the store (0: only after a fan-out loss). */
  reconcileEveryMs: number;
}

const SWEEP_EVERY_MS = 5_000;

export class DocRegistry {
  private readonly loaded = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();

  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: DocRegistryDeps) {
    deps.fanout.onResume(() => void this.reconcileAll());
    this.timers.push(setInterval(() => this.rooms().forEach((r) => r.presence.sweep()), SWEEP_EVERY_MS));
    if (deps.reconcileEveryMs > 0) this.timers.push(setInterval(() => void this.reconcileAll(), deps.reconcileEveryMs));
    this.timers.forEach((t) => t.unref());
  }

  /** Every loaded room catches up with the store; returns when all have. */
  async reconcileAll(): Promise<void> {
    await Promise.all(
      this.rooms().map((r) => r.reconcile().catch((err: unknown) => this.deps.log.warn({ err, room: r.name }, 'reconcile failed'))),
    );
  }

  stopTimers(): void {
    this.timers.forEach((t) => clearInterval(t));
  }

  /** Returns the room, loading it if needed, with one reference taken for the caller. */
  async acquire(name: string): Promise<Room> {
    for (;;) {
      const unloading = this.unloading.get(name);
      if (unloading) {
        await unloading;
        continue;
      }
      const room = this.loaded.get(name) ?? (await this.load(name));
      if (room.closing) continue;
      room.refs++;
      const timer = this.unloadTimers.get(room);
      if (timer) {
        clearTimeout(timer);
        this.unloadTimers.delete(room);
      }
      return room;
    }
  }

  release(room: Room): void {
    room.refs--;
    if (room.refs > 0 || room.closing) return;
    const timer = setTimeout(() => void this.unload(room), this.deps.unloadAfterMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  }

  /** Runs `fn` on a room's document (loading it if needed); `fn` must not keep the doc. */
  async read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(name);
    try {
      return fn(room.doc);
    } finally {
      this.release(room);
    }
  }

  /**
   * A change the server makes to a room's document: stored, applied and relayed like a client's.
   * `inTransaction` writes records (e.g. its audit entry) in the same transaction as the update.
   */
  async change(name: string, fn: (doc: Y.Doc) => void, inTransaction?: (tx: Store) => Promise<void>): Promise<void> {
    const room = await this.acquire(name);
    try {
      await room.change(fn, inTransaction);
    } finally {
      this.release(room);
    }
  }

  /** Bytes a room's document takes in the store (loading it if needed). */
  async storedBytes(name: string): Promise<number> {
    const room = await this.acquire(name);
    this.release(room);
    return room.storedBytes;
  }

  /** Collects a room's stored history but what a `keep` snapshot shows (see `Room.collectHistory`). */
  async collectHistory(name: string, keep: readonly Y.Snapshot[]): Promise<{ before: number; after: number }> {
    const room = await this.acquire(name);
    try {
      return await room.collectHistory(keep);
    } finally {
      this.release(room);
    }
  }

  rooms(): Room[] {
    return [...this.loaded.values()];
  }

  /** Unloads a room now: waits for its queue, writes a snapshot if due, forgets it. */
  async unload(room: Room, opts: { compact: boolean } = { compact: true }): Promise<void> {
    const existing = this.unloading.get(room.name);
    if (existing) return existing;
    if (room.closing) return;
    const timer = this.unloadTimers.get(room);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room);
    room.closing = true;
    const done = (async () => {
      await room.idle();
      if (opts.compact) await room.compact(true);
      room.doc.destroy();
      this.loaded.delete(room.name);
      await this.deps.fanout.unsubscribe(room.name);
      this.deps.log.debug({ room: room.name }, 'room unloaded');
      // Started with --expose-gc (e.g. by bench:room): give the room's memory back at once, from
      // a fresh task so that this function's own references to the room are gone by then.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) setTimeout(gc, 100).unref();
    })();
    this.unloading.set(room.name, done);
    try {
      await done;
    } finally {
      this.unloading.delete(room.name);
    }
  }

  /** Unloads every room whose name starts with `prefix` (its peers are closed by the caller). */
  async unloadWhere(match: (name: string) => boolean, opts: { compact: boolean }): Promise<void> {
    await Promise.all(this.rooms().filter((r) => match(r.name)).map((r) => this.unload(r, opts)));
  }

  private load(name: string): Promise<Room> {
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.subscribeAndLoad(name).then(
        (room) => {
          this.loaded.set(name, room);
          this.loading.delete(name);
          return room;
        },
        (err: unknown) => {
          this.loading.delete(name);
          throw err;
        },
      );
      this.loading.set(name, pending);
    }
    return pending;
  }

  private async subscribeAndLoad(name: string): Promise<Room> {
    let room: Room | null = null;
    const early: FanoutMessage[] = [];
    const deliver = (m: FanoutMessage) => {
      if (!room) return void early.push(m);
      if (m.kind === 'update') room.applyRemote(m.payload, m.sentAt);
      else room.presence.applyRemote(m.payload);
    };
    const safeDeliver = (m: FanoutMessage) => {
      try {
        deliver(m);
      } catch (err) {
        this.deps.log.warn({ err, room: name }, 'a fan-out message could not be applied');
      }
    };
    await this.deps.fanout.subscribe(name, safeDeliver);
    try {
      room = await loadRoom(name, { ...this.deps, onBroken: (broken) => void this.unload(broken, { compact: false }) });
    } catch (err) {
      await this.deps.fanout.unsubscribe(name);
      throw err;
    }
    early.splice(0).forEach(safeDeliver);
    return room;
  }
}
