/** Funding figures, pure: the totals under the table (reading typed figures: shared/charter/amount.ts). */
import type { FundingSource } from '../../../shared/charter/schema.js';

export function totals(sources: readonly FundingSource[]): { amount: number; share: number } {
  return sources.reduce((t, s) => ({ amount: t.amount + (s.amount ?? 0), share: t.share + (s.share ?? 0) }), { amount: 0, share: 0 });
}
