/**
 * Who wrote and who deleted which part of the vision, recorded from authenticated connections
 * (never from the document, which any writer could forge): the Yjs client ids a member's updates
 * create items with, and the ranges their updates delete. Recording is best effort and off the
 * sync path; a failure is logged, the text itself is unaffected.
 */
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { DeletedRange, Store } from '../store/types.js';

/**
 * What `update` adds to `doc` (the document before it is applied): client ids of items the
 * document does not have yet, and deleted ranges it has not deleted yet. A client's sync step 2
 * repeats everything the server lacks, so items and deletions the server already has (the
 * template, others' edits it relayed) are never credited to the sender.
 */
export function authorsOfUpdate(update: Uint8Array, doc: Y.Doc): { clients: number[]; deleted: DeletedRange[] } {
  const { structs, ds } = Y.decodeUpdate(update);
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  const clients = new Set<number>();
  for (const s of structs) if (s instanceof Y.Item && s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) clients.add(s.id.client);
  const deleted: DeletedRange[] = [];
  if (ds.clients.size === 0) return { clients: [...clients], deleted };
  const known = Y.snapshot(doc).ds;
  for (const [client, items] of ds.clients) {
    for (const d of items) {
      let start = -1;
      for (let clock = d.clock; clock <= d.clock + d.len; clock++) {
        const fresh = clock < d.clock + d.len && !Y.isDeleted(known, { client, clock } as Y.ID);
        if (fresh && start < 0) start = clock;
        if (!fresh && start >= 0) {
          deleted.push([client, start, clock - start]);
          start = -1;
        }
      }
    }
  }
  return { clients: [...clients], deleted };
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
