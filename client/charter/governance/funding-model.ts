/** Funding figures, pure: reading what a person typed, and the totals under the table. */
import type { FundingSource } from '../../../shared/charter/schema.js';

/** A number typed by a person ("1 200 000", "12,5") or null when empty or not a number ≥ 0. */
export function parseAmount(raw: string): number | null {
  const t = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function totals(sources: readonly FundingSource[]): { amount: number; share: number } {
  return sources.reduce((t, s) => ({ amount: t.amount + (s.amount ?? 0), share: t.share + (s.share ?? 0) }), { amount: 0, share: 0 });
}
