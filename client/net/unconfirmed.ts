/**
 * What a local copy of a room holds that the server does not: the changes a refused update took
 * with it. Compared by state vector, so it is exact whatever the cause (typed live, made offline,
 * restored from IndexedDB). Described in human terms where the change is text (each run of
 * consecutive characters added to one paragraph, note or field is one entry, in document order);
 * anything else (new shapes, moves, formatting) is only flagged. Deletions are not lost: what was
 * deleted locally comes back with the server's copy.
 */
import * as Y from 'yjs';

export interface Unconfirmed {
  /** Texts added locally that the server does not have, in document order per text. */
  texts: string[];
  /** Other local changes the server does not have: values such as positions, colours, formatting. */
  others: boolean;
}

/** The part of `item` (characters from `from` on) the server has not seen, or null. */
function unseenFrom(item: Y.Item, serverSv: Map<number, number>): number | null {
  const known = serverSv.get(item.id.client) ?? 0;
  if (item.id.clock + item.length <= known) return null;
  return Math.max(0, known - item.id.clock);
}

/** Runs of unconfirmed text inside one type, in order; a confirmed visible item ends a run. */
function runsOf(type: Y.AbstractType<unknown>, serverSv: Map<number, number>): string[] {
  const runs: string[] = [];
  let run = '';
  for (let item = type._start; item; item = item.right) {
    if (item.deleted) continue;
    const from = unseenFrom(item, serverSv);
    if (from !== null && item.content instanceof Y.ContentString) {
      // A confirmed head of the same item (split later) also ends the run before its unseen tail.
      if (from > 0 && run) {
        runs.push(run);
        run = '';
      }
      run += item.content.str.slice(from);
    } else if (item.countable) {
      if (run) runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * Compares `localState` (a whole document as an update) with the server's state vector.
 * `serverStateVector` comes from a fresh sync with the server, so it holds everything it kept.
 */
export function describeUnconfirmed(localState: Uint8Array, serverStateVector: Uint8Array): Unconfirmed {
  const serverSv = Y.decodeStateVector(serverStateVector);
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, localState);
    const textTypes = new Set<Y.AbstractType<unknown>>();
    let others = false;
    for (const structs of doc.store.clients.values()) {
      for (const s of structs) {
        if (!(s instanceof Y.Item) || unseenFrom(s, serverSv) === null) continue;
        if (!s.deleted && s.content instanceof Y.ContentString && s.parent instanceof Y.AbstractType) textTypes.add(s.parent);
        // New containers (paragraphs, notes) carry no meaning of their own; their values do.
        else if (!s.deleted && !(s.content instanceof Y.ContentString) && !(s.content instanceof Y.ContentType)) others = true;
      }
    }
    const texts = [...textTypes].flatMap((t) => runsOf(t, serverSv)).map((t) => t.trim()).filter((t) => t.length > 0);
    return { texts, others };
  } finally {
    doc.destroy();
  }
}
