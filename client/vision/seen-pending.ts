/**
 * A seen point stored as the page goes away (reload, tab closed) is also kept in this browser
 * until the server is known to have it: a request sent from `pagehide`, even `keepalive`, is lost
 * now and then (Chromium drops some when a service worker controls the page). The next visit
 * settles it before comparing: sent if the server's point is older, forgotten otherwise.
 */
import type { SeenDto } from '../../shared/vision/api.js';

export interface PendingSeen {
  snapshot: string;
  /** When it was taken (this browser's clock). */
  takenAt: string;
}

const key = (memberId: string, workshopId: string) => `samskap.vision-seen.${memberId}.${workshopId}`;

export function keepPending(memberId: string, workshopId: string, snapshot: string): void {
  try {
    localStorage.setItem(key(memberId, workshopId), JSON.stringify({ snapshot, takenAt: new Date().toISOString() } satisfies PendingSeen));
  } catch {
    // Storage full or unavailable (private mode): the request alone has to do.
  }
}

/** Takes the pending point out of storage. */
export function takePending(memberId: string, workshopId: string): PendingSeen | null {
  try {
    const raw = localStorage.getItem(key(memberId, workshopId));
    localStorage.removeItem(key(memberId, workshopId));
    const p = raw ? (JSON.parse(raw) as Partial<PendingSeen>) : null;
    return p && typeof p.snapshot === 'string' && typeof p.takenAt === 'string' ? { snapshot: p.snapshot, takenAt: p.takenAt } : null;
  } catch {
    return null;
  }
}

/** Whether `pending` is newer than what the server holds and still has to be sent. */
export function pendingIsNewer(pending: PendingSeen, seen: SeenDto): boolean {
  if (seen.snapshot === pending.snapshot) return false;
  return seen.at === null || seen.at < pending.takenAt;
}
