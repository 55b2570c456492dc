import { describe, expect, it } from 'vitest';
import type { FundingSource } from '../../../shared/charter/schema.js';
import { totals } from './funding-model.js';

describe('funding figures', () => {
  it('adds up amounts and shares, counting blanks as nothing', () => {
    const row = (amount: number | null, share: number | null): FundingSource => ({ id: 'x', who: 'x', amount, share, organisationId: null, order: 'a0' });
    expect(totals([row(600_000, 60), row(400_000, 40), row(null, null)])).toEqual({ amount: 1_000_000, share: 100 });
    expect(totals([])).toEqual({ amount: 0, share: 0 });
  });
});
