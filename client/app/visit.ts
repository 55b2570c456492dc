/**
 * "Since your last visit", per member on the server: the workshop page records a visit once when
 * it opens (`POST …/visit`) and hands the answer to the views. `unknown`: the call failed (offline),
 * so views fall back to what this browser remembers.
 */
export type VisitInfo = { state: 'pending' } | { state: 'known'; previousVisitAt: string | null } | { state: 'unknown' };

export const VISIT_PENDING: VisitInfo = { state: 'pending' };
