/**
 * "Since your last visit": the member's last-seen snapshot comes from the server; the changes
 * other members made since then are counted (and later shown) against the document now. On a
 * first visit there is nothing to compare: the current state is stored as seen, silently. While
 * the reader watches, the seen point moves along (seen-keeper.ts); "Mark as seen" catches up.
 */
import * as Y from 'yjs';
import { api } from '../net/api.js';
import type { Authorship } from './attribution.js';
import { countChanges, decodeSnapshotBase64, encodeSnapshotBase64, type ChangeSummary } from './change-count.js';
import { keepPending, pendingIsNewer, takePending } from './seen-pending.js';
import type { VisionSession } from './vision-session.js';

export type SinceVisit =
  | { kind: 'first' }
  | { kind: 'none' }
  | {
      kind: 'changes';
      summary: ChangeSummary;
      prev: Y.Snapshot;
      now: Y.Snapshot;
      authorship: Authorship;
      at: string | null;
      /** Set when the history was compacted after the last visit: text removed before then may not show. */
      compactedAt: string | null;
    };

/** Call once the room has synced with the server, so "now" is the server's state. */
export async function checkSinceVisit(s: VisionSession): Promise<SinceVisit> {
  let seen = await api.visionSeen(s.workshopId);
  const pending = takePending(s.me.id, s.workshopId);
  if (pending && pendingIsNewer(pending, seen)) {
    await api.markVisionSeen(s.workshopId, pending.snapshot);
    seen = { ...seen, snapshot: pending.snapshot, at: pending.takenAt };
  }
  if (!seen.snapshot) {
    await markSeen(s);
    return { kind: 'first' };
  }
  const prev = decodeSnapshotBase64(seen.snapshot);
  const authorship = await s.loadAuthorship();
  const now = Y.snapshot(s.doc);
  const summary = countChanges(s.fragment, now, prev, authorship, {
    isMine: (m) => m === s.me.id,
    organisationOf: (m) => s.member(m).organisationId ?? '',
  });
  const compactedAt = seen.historyCompactedAt && seen.at && seen.historyCompactedAt > seen.at ? seen.historyCompactedAt : null;
  return summary.passages === 0 ? { kind: 'none' } : { kind: 'changes', summary, prev, now, authorship, at: seen.at, compactedAt };
}

export function markSeen(s: VisionSession): Promise<void> {
  return storeSeen(s, Y.snapshot(s.doc));
}

/**
 * Stores `snapshot` as the member's seen point. `leaving`: the page may be gone before the answer,
 * so the point is also kept in this browser until the next visit settles it (seen-pending.ts).
 */
export function storeSeen(s: VisionSession, snapshot: Y.Snapshot, leaving = false): Promise<void> {
  const encoded = encodeSnapshotBase64(snapshot);
  if (leaving) keepPending(s.me.id, s.workshopId, encoded);
  return api.markVisionSeen(s.workshopId, encoded, leaving);
}
