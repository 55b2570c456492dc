/** What a room is given and gives: its connections (peers), its dependencies, its failure. */
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Fanout } from '../scale/fanout.js';
import type * as Y from 'yjs';
import type { Store } from '../store/types.js';
import type { PresenceOwner } from './presence.js';
import type { Room } from './room.js';
import type { RoomKind } from './room-kind.js';
import type { TickPolicy } from './room-tick.js';

export interface RoomPeer extends PresenceOwner {
  /** Writes the messages in this order, in one write where the transport allows. */
  send(...messages: Uint8Array[]): void;
  /** Closes this peer's connection (storage failure: it resends on reconnect). */
  fail(code: number, reason: string): void;
}

export interface CompactionPolicy {
  afterUpdates: number;
  afterBytes: number;
}

export interface RoomDeps {
  store: Store;
  log: Logger;
  compaction: CompactionPolicy;
  fanout: Fanout;
  metrics: Metrics;
  /** What kind of document a room name holds (garbage collection, caps, hooks). */
  kindOf(name: string): RoomKind;
  /** Bytes a document may take in the store, deleted content included (`SYNC_MAX_DOC_BYTES`). */
  maxDocBytes: number;
  /**
   * The room's document broke (a stored update cannot be applied or encoded): its connections
   * were closed with a transient code; the registry unloads it, and the next load rebuilds it
   * from the store without the update that broke it.
   */
  onBroken?: (room: Room) => void;
  tick?: TickPolicy;
}

/** The room's document is broken: the room is being rebuilt (never the client's fault). */
export class RoomBroken extends Error {}

export interface Pending {
  /** Null for a change the server itself makes (`change`). */
  peer: RoomPeer | null;
  update: Uint8Array;
  /** The decoded update when it creates shared types: their nesting is checked at commit. */
  structs?: ReturnType<typeof Y.decodeUpdate>['structs'] | null;
  /** A sync step 2: everything the sender had that the room lacked when it sent its step 1. */
  step2?: boolean;
  settle?: (err: Error | null) => void;
  /** Records to write in the same transaction as the update (a server change's audit entry). */
  inTransaction?: (tx: Store) => Promise<void>;
}

/** Settles every update of `batch` with `err` and closes their senders with `code`. */
export function failBatch(batch: Pending[], code: number, reason: string, err: unknown): void {
  const peers = new Set<RoomPeer>();
  for (const p of batch) {
    if (p.peer) peers.add(p.peer);
    p.settle?.(err instanceof Error ? err : new Error(reason));
  }
  for (const peer of peers) peer.fail(code, reason);
}
