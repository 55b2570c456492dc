/**
 * The IndexedDB copy of a room, keyed by member *and* room: two members signed in one after the
 * other in one browser never share unsent edits (each has a database of their own). Beside
 * y-indexeddb's `updates`, its `custom` store keeps a refused copy (`RefusedCopy`) until what it
 * held was listed to the person, so a reload in between loses nothing silently.
 *
 * Call these only on a database y-indexeddb has opened before (it creates the stores): opening a
 * missing database here would create it without them.
 */

/** The IndexedDB name of `room` as `memberId` keeps it. */
export function roomStoreName(memberId: string, room: string): string {
  return `samskap:${memberId}:${room}`;
}

/** The whole copy the server refused (a Yjs update), and how it was refused. */
export interface RefusedCopy {
  local: Uint8Array;
  code: number;
  rule: string | null;
}

const REFUSED_KEY = 'refused';

const settle = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

/** Runs `fn` in one transaction over `updates` and `custom`, and waits for it to commit. */
async function transact<T>(name: string, mode: IDBTransactionMode, fn: (updates: IDBObjectStore, custom: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await settle(indexedDB.open(name));
  try {
    if (!db.objectStoreNames.contains('updates') || !db.objectStoreNames.contains('custom')) throw new Error(`${name} has no y-indexeddb stores`);
    const tx = db.transaction(['updates', 'custom'], mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const req = fn(tx.objectStore('updates'), tx.objectStore('custom'));
    await done;
    return req ? req.result : undefined;
  } finally {
    db.close();
  }
}

/**
 * Empties a room's copy once its persistence was destroyed, keeping `refused` beside it, in one
 * transaction. Emptied rather than deleted: another tab of the same member may hold the database
 * open, and deleting it would close that tab's connection under it (its next write would throw).
 */
export async function emptyKeepingRefused(name: string, refused: RefusedCopy): Promise<void> {
  await transact(name, 'readwrite', (updates, custom) => {
    updates.clear();
    custom.put(refused, REFUSED_KEY);
  });
}

const isRefusedCopy = (v: unknown): v is RefusedCopy =>
  typeof v === 'object' && v !== null && (v as RefusedCopy).local instanceof Uint8Array && typeof (v as RefusedCopy).code === 'number';

/** The refused copy kept beside the room's copy, if any. */
export async function readRefused(name: string): Promise<RefusedCopy | null> {
  const v: unknown = await transact(name, 'readonly', (_u, custom) => custom.get(REFUSED_KEY));
  return isRefusedCopy(v) ? v : null;
}

/** Forgets the refused copy: what it held has been listed to the person. */
export async function forgetRefused(name: string): Promise<void> {
  await transact(name, 'readwrite', (_u, custom) => void custom.delete(REFUSED_KEY));
}
