/** What a kind of room is (server/sync/room-kinds.ts builds one per room name). */
import type * as Y from 'yjs';
import type { ContentRules } from '../../shared/sync/content-rules.js';
import type { LastEdit, NewAuditEntry } from '../store/types.js';
import type { Guard } from './ownership.js';
import type { RoomPeer } from './room.js';
import type { UpdateCaps } from './update-check.js';

/** Per-kind behaviour of a room: see server/sync/room-kinds.ts. */
export interface RoomKind {
  /** Yjs garbage collection; off where snapshots must show deleted content (the vision). */
  gc: boolean;
  /** What members' updates may contain (shared/sync/content-rules.ts); anything else closes with 4422. */
  rules: ContentRules;
  /** Caps beyond the stored bytes: a map's keys, the kind's own measure. Past one closes with 4414. */
  caps?: Omit<UpdateCaps, 'maxDocBytes'>;
  /**
   * Told of every stored update that came from a member's connection (attribution), before it
   * is applied: `doc` is the document as it was, so what is new in the update can be told apart.
   */
  onStored?: (memberId: string, update: Uint8Array, doc: Y.Doc) => void;
  /**
   * Removals worth an audit entry (a facilitator deleting board elements): which top-level keys
   * of `map(doc)` an update from `peer` deletes, and the entry to append in the same transaction
   * as the update. `by` decides whose removals count.
   */
  /**
   * What a member may change inside the document (server/sync/ownership.ts), checked at commit on
   * the entries each update touches; a refusal closes the sender with 4422.
   */
  guard?: Guard;
  /** Keeps last-editor records (best effort, after the update is stored). */
  recordEdits?: (edits: LastEdit[]) => void;
  removals?: {
    map: (doc: Y.Doc) => Y.Map<unknown>;
    by: (peer: RoomPeer) => boolean;
    entry: (memberId: string, keys: string[]) => NewAuditEntry;
  };
}
