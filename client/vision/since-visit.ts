/**
 * "Since your last visit": the member's last-seen snapshot comes from the server; the changes
 * other members made since then are counted (and later shown) against the document now. On a
 * first visit there is nothing to compare: the current state is stored as seen, silently.
 */
import * as Y from 'yjs';
import { api } from '../net/api.js';
import type { Authorship } from './attribution.js';
import { countChanges, decodeSnapshotBase64, encodeSnapshotBase64, type ChangeSummary } from './change-count.js';
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
  const seen = await api.visionSeen(s.workshopId);
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
  return api.markVisionSeen(s.workshopId, encodeSnapshotBase64(Y.snapshot(s.doc)));
}
