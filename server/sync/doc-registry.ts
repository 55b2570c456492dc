/**
 * Loaded rooms by name. A room loads once however many connections arrive together, stays while
 * anything holds it, and unloads `unloadAfterMs` after the last release, once all it had queued is
 * stored.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { loadRoom, Room, type CompactionPolicy } from './room.js';

export interface DocRegistryDeps {
  store: Store;
  log: Logger;
  compaction: CompactionPolicy;
  unloadAfterMs: number;
}

export class DocRegistry {
  private readonly loaded = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();

  constructor(private readonly deps: DocRegistryDeps) {}

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
      this.deps.log.debug({ room: room.name }, 'room unloaded');
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
      pending = loadRoom(name, this.deps).then(
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
}
