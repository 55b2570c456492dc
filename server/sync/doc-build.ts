/**
 * Builds a document from its stored parts (snapshot, then the update log). A part that cannot be
 * applied, or after which the document can no longer be encoded (and so could not be sent to a
 * newcomer or backed up), is left out: the room is rebuilt without it and an alert is logged.
 * The fast path applies everything once; the slow path, part by part, runs only for a damaged log.
 * Also the room's other two ways to the store: a change the server makes itself, and a commit's append.
 */
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { NewAuditEntry, Store } from '../store/types.js';
import { Origin } from './origin.js';

export function buildDoc(name: string, parts: readonly Uint8Array[], gc: boolean, log: Logger): { doc: Y.Doc; dropped: number } {
  const doc = new Y.Doc({ gc });
  try {
    for (const part of parts) Y.applyUpdate(doc, part, Origin.store);
    Y.encodeStateAsUpdate(doc);
    return { doc, dropped: 0 };
  } catch {
    doc.destroy();
  }
  const kept: Uint8Array[] = [];
  let dropped = 0;
  let current = new Y.Doc({ gc });
  parts.forEach((part, index) => {
    try {
      Y.applyUpdate(current, part, Origin.store);
      Y.encodeStateAsUpdate(current);
      kept.push(part);
    } catch (err) {
      dropped++;
      log.error({ err, room: name, part: index, alert: 'stored-update-dropped' }, 'a stored update breaks the document: the room was rebuilt without it');
      current.destroy();
      current = new Y.Doc({ gc });
      for (const k of kept) Y.applyUpdate(current, k, Origin.store);
    }
  });
  return { doc: current, dropped };
}

type Loaded = Awaited<ReturnType<Store['docs']['load']>>;
/** A room's stored parts in the order they apply: the snapshot, then the update log. */
export const partsOf = (loaded: Loaded): Uint8Array[] => (loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates);
export const bytesOf = (loaded: Loaded): number => partsOf(loaded).reduce((n, u) => n + u.byteLength, 0);

/** A room's stored log rebuilt into one snapshot (through `rewrite`), with the bytes and the last seq it replaces. */
export async function snapshotFromStore(
  store: Store,
  name: string,
  gc: boolean,
  log: Logger,
  rewrite?: (doc: Y.Doc) => void,
): Promise<{ snapshot: Uint8Array; before: number; uptoSeq: number }> {
  const loaded = await store.docs.load(name);
  const { doc } = buildDoc(name, partsOf(loaded), gc, log);
  rewrite?.(doc);
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { snapshot, before: bytesOf(loaded), uptoSeq: loaded.lastSeq };
}

/**
 * The update a change by the server itself makes (`fn` edits a copy of `doc`, so nothing reaches
 * `doc` before it is stored), or null when `fn` changed nothing.
 */
export function serverChange(doc: Y.Doc, fn: (doc: Y.Doc) => void): Uint8Array | null {
  const scratch = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc), Origin.store);
  const updates: Uint8Array[] = [];
  scratch.on('update', (u: Uint8Array) => updates.push(u));
  try {
    scratch.transact(() => fn(scratch), Origin.server);
  } finally {
    scratch.destroy();
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/**
 * Appends a commit's merged update; with the audit entries and records that go with it, in one
 * transaction so they are stored together or not at all. Answers the update's seq.
 */
export async function appendCommit(store: Store, room: string, merged: Uint8Array, audits: NewAuditEntry[], records: ((tx: Store) => Promise<void>)[]): Promise<number> {
  if (audits.length === 0 && records.length === 0) return store.docs.appendUpdate(room, merged);
  return store.transaction(async (tx) => {
    const seq = await tx.docs.appendUpdate(room, merged);
    for (const e of audits) await tx.audit.append(e);
    for (const record of records) await record(tx);
    return seq;
  });
}
