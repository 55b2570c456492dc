/**
 * Garbage collection that spares the history some snapshots still show, so that a milestone
 * renders the same before and after its document's history is collected. `collectHistory` first
 * splits items where a snapshot begins or ends showing them (Yjs merges a person's typing into
 * one item, which a snapshot may show only part of), then lets go of the content of every
 * deleted item that no snapshot shows. Ids and state vectors stay: connected clients are unaware.
 */
import * as Y from 'yjs';

/** Collects `doc`'s deleted content in place, but what one of `keep` shows. `doc` has gc off. */
export function collectHistory(doc: Y.Doc, keep: readonly Y.Snapshot[]): void {
  const mayGo = keepShownIn(keep);
  doc.transact((tr) => {
    for (const s of keep) splitAt(tr, s);
    Y.tryGc(Y.createDeleteSetFromStructStore(doc.store), doc.store, mayGo);
  });
}

/** Splits the items that cross a clock where `s` starts or stops showing content. */
function splitAt(tr: Y.Transaction, s: Y.Snapshot): void {
  const split = (client: number, clock: number) => {
    if (clock > 0 && clock < Y.getState(tr.doc.store, client)) Y.getItemCleanStart(tr, Y.createID(client, clock));
  };
  for (const [client, clock] of s.sv) split(client, clock);
  for (const [client, ranges] of s.ds.clients) {
    for (const d of ranges) {
      split(client, d.clock);
      split(client, d.clock + d.len);
    }
  }
}

/** A Yjs `gcFilter`: true (may go) when no snapshot shows any part of the item. O(log n) per snapshot. */

type Ranges = Map<number, { starts: number[]; ends: number[] }>;

function keepShownIn(snapshots: readonly Y.Snapshot[]): (item: Y.Item) => boolean {
  const views = snapshots.map((s) => ({ sv: s.sv, deleted: sortedRanges(s.ds) }));
  return (item) => !views.some((v) => shows(v.sv, v.deleted, item));
}

function sortedRanges(ds: Y.Snapshot['ds']): Ranges {
  const out: Ranges = new Map();
  for (const [client, items] of ds.clients) {
    const sorted = [...items].sort((a, b) => a.clock - b.clock);
    // Merged, so that a gap between two ranges is a clock nothing deleted.
    const starts: number[] = [];
    const ends: number[] = [];
    for (const d of sorted) {
      const last = ends.length - 1;
      if (last >= 0 && d.clock <= ends[last]!) ends[last] = Math.max(ends[last]!, d.clock + d.len);
      else {
        starts.push(d.clock);
        ends.push(d.clock + d.len);
      }
    }
    out.set(client, { starts, ends });
  }
  return out;
}

/** True when some clock of `item` is below the snapshot's state vector and not deleted in it. */
function shows(sv: Map<number, number>, deleted: Ranges, item: Y.Item): boolean {
  const { client, clock } = item.id;
  const end = Math.min(clock + item.length, sv.get(client) ?? 0);
  if (end <= clock) return false;
  const r = deleted.get(client);
  if (!r) return true;
  // The last deleted range starting at or before `clock`: visible unless it covers [clock, end).
  let lo = 0;
  let hi = r.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r.starts[mid]! <= clock) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 || r.ends[found]! < end;
}
