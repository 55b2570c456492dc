/**
 * What the decision services need from the transports, as interfaces (services never import
 * transports): a sink for broadcasts and access to the server's copies of Yjs documents.
 */
import type * as Y from 'yjs';
import type { BroadcastName, Broadcasts } from '../../shared/realtime/index.js';
import type { Store } from '../store/types.js';

/** Sends a broadcast to every socket of the workshop, on every instance. Called after commit. */
export interface EventSink {
  broadcast<K extends BroadcastName>(workshopId: string, name: K, event: Broadcasts[K]): void;
}

/** The sync layer's registry: `change` stores, applies and relays like a client's update. */
export interface DocAccess {
  read<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T>;
  change(room: string, fn: (doc: Y.Doc) => void, inTransaction?: (tx: Store) => Promise<void>): Promise<void>;
}

export interface DecisionDeps {
  store: Store;
  sink: EventSink;
  docs: DocAccess;
  now: () => Date;
  newId: () => string;
}

/**
 * Runs `fn` in a transaction that first takes the workshop's next event number (so, in
 * PostgreSQL, the workshop's decisions queue on that row in seq order, before the audit lock);
 * the caller broadcasts with it after commit.
 */
export async function recorded<T>(deps: DecisionDeps, workshopId: string, fn: (tx: Store, seq: number) => Promise<T>): Promise<{ result: T; seq: number }> {
  return deps.store.transaction(async (tx) => {
    const seq = await tx.facilitation.nextSeq(workshopId);
    return { result: await fn(tx, seq), seq };
  });
}
