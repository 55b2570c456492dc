/**
 * Which boards are locked, as the sync layer asks per message (synchronously). The store is the
 * truth; this is a per-workshop cache loaded before a connection is accepted, updated by the
 * facilitation service here and, on other instances, dropped and reloaded when they are told
 * (`announce` → fan-out control message → `reload`). Entries older than `maxAgeMs` reload on
 * the next connection, so a lost control message heals.
 */
import type { RoomRef } from '../../shared/ids.js';
import { can, type Actor } from '../auth/access.js';
import type { Store } from '../store/types.js';

export interface BoardLocksDeps {
  store: Store;
  /** Tells the other instances that a workshop's locks changed. */
  announce: (workshopId: string) => void;
  maxAgeMs?: number;
}

export type BoardLocks = ReturnType<typeof createBoardLocks>;

export function createBoardLocks(deps: BoardLocksDeps) {
  const cache = new Map<string, { boards: Set<string>; loadedAt: number }>();
  const maxAge = deps.maxAgeMs ?? 30_000;

  async function load(workshopId: string): Promise<void> {
    const boards = await deps.store.facilitation.lockedBoards(workshopId);
    cache.set(workshopId, { boards: new Set(boards), loadedAt: Date.now() });
  }

  return {
    /** Called before a sync connection is accepted. */
    async prepare(workshopId: string): Promise<void> {
      const entry = cache.get(workshopId);
      if (!entry || Date.now() - entry.loadedAt > maxAge) await load(workshopId);
    },
    /** True when the actor's writes to `room` must be dropped because a facilitator locked it (asked per message: `room` comes parsed). */
    readOnly(actor: Actor, ref: RoomRef): boolean {
      if (ref.part.kind !== 'board') return false;
      if (can(actor, 'board.write_locked', ref.workshopId)) return false;
      return cache.get(ref.workshopId)?.boards.has(ref.part.boardId) ?? false;
    },
    /** After this instance changed the locks (already stored). */
    changed(workshopId: string, locked: string[]): void {
      cache.set(workshopId, { boards: new Set(locked), loadedAt: Date.now() });
      deps.announce(workshopId);
    },
    /** Another instance changed them: read the store again. */
    async reload(workshopId: string): Promise<void> {
      if (cache.has(workshopId)) await load(workshopId);
    },
    /** The fan-out was lost and is back: every entry may be stale (kept until reloaded). */
    async reloadAll(): Promise<void> {
      await Promise.all([...cache.keys()].map((id) => load(id)));
    },
    forget(workshopId: string): void {
      cache.delete(workshopId);
    },
  };
}
