/**
 * Who wrote and who deleted which part of the vision, recorded from authenticated connections
 * (never from the document, which any writer could forge): the Yjs client ids a member's updates
 * create items with, and the ranges their updates delete. Recording is best effort and off the
 * sync path; a failure is logged, the text itself is unaffected.
 */
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { DeletedRange, Store } from '../store/types.js';

export function authorsOfUpdate(update: Uint8Array): { clients: number[]; deleted: DeletedRange[] } {
  const { structs, ds } = Y.decodeUpdate(update);
  const clients = new Set<number>();
  for (const s of structs) if (s instanceof Y.Item) clients.add(s.id.client);
  const deleted: DeletedRange[] = [];
  for (const [client, items] of ds.clients) for (const d of items) deleted.push([client, d.clock, d.len]);
  return { clients: [...clients], deleted };
}

export function createAttributionRecorder(deps: { store: Store; log: Logger }) {
  return (workshopId: string, memberId: string, update: Uint8Array): void => {
    let parsed: ReturnType<typeof authorsOfUpdate>;
    try {
      parsed = authorsOfUpdate(update);
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
