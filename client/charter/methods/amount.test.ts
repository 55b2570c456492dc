import { describe, expect, it } from 'vitest';
import { amountInputText, formatAmount, parseAmount } from './amount.js';

describe('amounts in the benefits map', () => {
  it('reads kroner as people type them', () => {
    for (const [raw, value] of [
      ['1 500 000 kr', 1_500_000],
      ['1\u00a0500\u00a0000', 1_500_000],
      ['1\u2009500\u202f000 kr', 1_500_000],
      ['kr 250 000,-', 250_000],
      ['NOK 12,5', 12.5],
      ['99.95', 99.95],
      ['2500 kroner', 2500],
      ['', null],
      ['   ', null],
    ] as const) expect(parseAmount(raw), raw).toEqual({ ok: true, value });
  });

  it('refuses what it cannot read, rather than reading it as nothing', () => {
    for (const raw of ['1,5 mill', 'mykje', '-100', '1.500.000', '1,500,000', '12,345', 'kr']) expect(parseAmount(raw), raw).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseAmount('9'.repeat(17))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('shows them with thousands separators and the currency', () => {
    const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(formatAmount(1_500_000, 'nb', ['nb', 'no']))).toBe('1 500 000 kr');
    expect(spaced(formatAmount(1_500_000.5, 'nn', ['nn', 'no', 'nb']))).toBe('1 500 000,50 kr');
    expect(spaced(formatAmount(1_500_000, 'en', ['en-GB']))).toBe('NOK 1,500,000');
  });

  it('gives the form a text it reads back', () => {
    for (const lang of ['nn', 'nb', 'en'] as const) for (const v of [1_500_000, 12.5, 0]) expect(parseAmount(amountInputText(v, lang))).toEqual({ ok: true, value: v });
  });
});
