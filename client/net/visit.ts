/**
 * "Since your last visit", per member on the server: the workshop page records a visit once when
 * it opens (`POST …/visit`) and hands the answer to the views. `unknown`: the call failed (offline),
 * so views fall back to what this browser remembers.
 */
export type VisitInfo = { state: 'pending' } | { state: 'known'; previousVisitAt: string | null } | { state: 'unknown' };

export const VISIT_PENDING: VisitInfo = { state: 'pending' };

/**
 * Where "since your last visit" starts: the server's previous visit, or a later "Mark as seen" kept
 * in this browser (`marked`); null on a first visit (nothing to compare with). `undefined` while
 * the visit is pending; for `unknown`, the browser's mark alone (`fallback`).
 */
export function sinceMark(visit: VisitInfo, marked: string | null): string | null | undefined | 'fallback' {
  if (visit.state === 'pending') return undefined;
  if (visit.state === 'unknown') return 'fallback';
  const server = visit.previousVisitAt;
  if (server === null) return null;
  return marked !== null && marked > server ? marked : server;
}
