/** Loading a room from the store (used by the document registry). */
import { buildDoc, bytesOf, partsOf } from './doc-build.js';
import { Room, type RoomDeps } from './room.js';

/** Builds a room's document from the store, leaving out (and alerting on) any update that breaks it. */
export async function loadRoom(name: string, deps: RoomDeps): Promise<Room> {
  const loaded = await deps.store.docs.load(name);
  const kind = deps.kindOf(name);
  const { doc, dropped } = buildDoc(name, partsOf(loaded), kind.gc, deps.log);
  const room = new Room(name, doc, deps, kind);
  room.countUnsnapshotted(loaded.updates.length, loaded.updates.reduce((n, u) => n + u.byteLength, 0));
  room.storedBytes = bytesOf(loaded);
  room.storedSeq = loaded.lastSeq;
  // Writes a snapshot without what was dropped, so the damaged update is gone from the store.
  if (dropped) await room.compact(true, true);
  return room;
}
