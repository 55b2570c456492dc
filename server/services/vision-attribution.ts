/**
 * Who wrote and who deleted which part of the vision, recorded from authenticated connections
 * (never from the document, which any writer could forge): the Yjs client ids a member's updates
 * create items with, and the ranges their updates delete. Recording is best effort and off the
 * sync path; a failure is logged, the text itself is unaffected.
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import type { Logger } from '../log.js';
import type { DeletedRange, Store } from '../store/types.js';

/**
 * What `update` adds to `doc` (the document before it is applied): client ids of items the
 * document does not have yet, and deleted ranges it has not deleted yet. A client's sync step 2
 * repeats everything the server lacks, so items and deletions the server already has (the
 * template, others' edits it relayed) are never credited to the sender.
 *
 * Work is bounded by the update and the document, never by the clocks an update names: delete
 * ranges are clamped to what exists (the document's state and the update's own items), merged,
 * and walked against the document's items in one pass per client.
 */
export function authorsOfUpdate(update: Uint8Array, doc: Y.Doc): { clients: number[]; deleted: DeletedRange[] } {
  const { structs, ds } = decodedUpdate(update);
  const clients = new Set<number>();
  const ends = new Map<number, number>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const end = s.id.clock + s.length;
    if (end > Y.getState(doc.store, s.id.client)) clients.add(s.id.client);
    if (end > (ends.get(s.id.client) ?? 0)) ends.set(s.id.client, end);
  }
  const deleted: DeletedRange[] = [];
  for (const [client, items] of ds.clients) {
    const known = Y.getState(doc.store, client);
    const limit = Math.max(known, ends.get(client) ?? 0);
    for (const [start, end] of mergedRanges(items, limit)) for (const range of freshDeletions(doc, client, start, end, known)) deleted.push(range);
  }
  return { clients: [...clients], deleted };
}

/** `[start, end)` ranges clamped to `limit`, sorted and merged. */
function mergedRanges(items: ReadonlyArray<{ clock: number; len: number }>, limit: number): Array<[number, number]> {
  const ranges = items.map((d): [number, number] => [Math.min(d.clock, limit), Math.min(d.clock + d.len, limit)]).filter(([a, b]) => b > a);
  ranges.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Parts of `[start, end)` of `client` that the document has not deleted (clocks past `known` are new items). */
function freshDeletions(doc: Y.Doc, client: number, start: number, end: number, known: number): DeletedRange[] {
  const out: DeletedRange[] = [];
  const add = (a: number, b: number) => {
    const last = out.at(-1);
    if (last && last[1] + last[2] === a) last[2] += b - a;
    else out.push([client, a, b - a]);
  };
  const structs = doc.store.clients.get(client) ?? [];
  let clock = start;
  if (clock < known && structs.length) {
    for (let i = Y.findIndexSS(structs, clock); i < structs.length && clock < Math.min(end, known); i++) {
      const s = structs[i]!;
      const to = Math.min(s.id.clock + s.length, end, known);
      if (!s.deleted) add(clock, to);
      clock = to;
    }
  }
  if (end > Math.max(clock, known)) add(Math.max(clock, known), end);
  return out;
}

export function createAttributionRecorder(deps: { store: Store; log: Logger }) {
  return (workshopId: string, memberId: string, update: Uint8Array, doc: Y.Doc): void => {
    let parsed: ReturnType<typeof authorsOfUpdate>;
    try {
      parsed = authorsOfUpdate(update, doc);
    } catch (err) {
      deps.log.warn({ err, workshopId }, 'could not read a vision update for attribution');
      return;
    }
    const writes: Promise<void>[] = [];
    if (parsed.clients.length) writes.push(deps.store.vision.recordClients(workshopId, memberId, parsed.clients));
    if (parsed.deleted.length) writes.push(deps.store.vision.recordDeletions(workshopId, memberId, parsed.deleted));
    Promise.all(writes).catch((err: unknown) => deps.log.warn({ err, workshopId, memberId }, 'vision attribution not recorded'));
  };
}
