import { describe, expect, it } from 'vitest';
import type { FundingSource } from '../../../shared/charter/schema.js';
import { parseAmount, totals } from './funding-model.js';

describe('funding figures', () => {
  it('reads amounts as people type them, and nothing else', () => {
    expect(parseAmount('1 200 000')).toBe(1_200_000);
    expect(parseAmount('1\u00a0200')).toBe(1200);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('mykje')).toBeNull();
  });

  it('adds up amounts and shares, counting blanks as nothing', () => {
    const row = (amount: number | null, share: number | null): FundingSource => ({ id: 'x', who: 'x', amount, share, order: 'a0' });
    expect(totals([row(600_000, 60), row(400_000, 40), row(null, null)])).toEqual({ amount: 1_000_000, share: 100 });
    expect(totals([])).toEqual({ amount: 0, share: 0 });
  });
});
