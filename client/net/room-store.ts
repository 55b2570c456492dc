/**
 * The IndexedDB copy of a room, keyed by member *and* room: two members signed in one after the
 * other in one browser never share unsent edits (each has a database of their own).
 */

/** The IndexedDB name of `room` as `memberId` keeps it. */
export function roomStoreName(memberId: string, room: string): string {
  return `samskap:${memberId}:${room}`;
}

const settle = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

/**
 * Empties a room's copy (every store of the database), once its persistence was destroyed.
 * Emptied rather than deleted: another tab of the same member may hold the database open, and
 * deleting it would close that tab's connection under it (its next write would throw).
 */
export async function clearRoomStore(name: string): Promise<void> {
  const db = await settle(indexedDB.open(name));
  try {
    const stores = [...db.objectStoreNames];
    if (stores.length === 0) return;
    const tx = db.transaction(stores, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    for (const s of stores) tx.objectStore(s).clear();
    await done;
  } finally {
    db.close();
  }
}
