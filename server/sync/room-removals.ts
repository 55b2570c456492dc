/**
 * Removals worth an audit entry (a facilitator deleting board elements, see room-kinds.ts): found
 * from the delete sets of a commit's updates, before they are applied, so the entries can be
 * written in the same transaction as the updates.
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import type { NewAuditEntry } from '../store/types.js';
import type { RoomKind, RoomPeer } from './room.js';

export function removalEntries(removals: NonNullable<RoomKind['removals']>, doc: Y.Doc, batch: { peer: RoomPeer | null; update: Uint8Array }[]): NewAuditEntry[] {
  const entries: NewAuditEntry[] = [];
  const map = removals.map(doc);
  for (const p of batch) {
    if (!p.peer || !removals.by(p.peer)) continue;
    let ds: ReturnType<typeof Y.decodeUpdate>['ds'];
    try {
      ds = decodedUpdate(p.update).ds;
    } catch {
      continue; // unreadable: the commit refuses it
    }
    if (ds.clients.size === 0) continue;
    const keys = new Set<string>();
    // Read-only: looks at the items the delete set covers (a transaction with no changes emits no update).
    doc.transact((tr) =>
      Y.iterateDeletedStructs(tr, ds, (s) => {
        if (s instanceof Y.Item && !s.deleted && s.parent === map && s.parentSub !== null) keys.add(s.parentSub);
      }),
    );
    if (keys.size) entries.push(removals.entry(p.peer.memberId, [...keys].sort()));
  }
  return entries;
}
