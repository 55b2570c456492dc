import { describe, expect, it } from 'vitest';
import { formatAmount, formatShare, parseAmount, parseShare } from './amount.js';

const value = (raw: string, lang: 'nn' | 'nb' | 'en' = 'nn') => {
  const r = parseAmount(raw, lang);
  return r.ok ? r.value : r.reason;
};

describe('amounts as people type them', () => {
  it('reads kroner written the Norwegian way', () => {
    const typed = ['1 500 000 kr', '1\u00a0500\u00a0000 kr', '1\u2009500\u2009000', '1\u202f500\u202f000 kr', 'kr 1 500 000,-', 'kr 1 500 000,–', '1500000', 'NOK 1 500 000'];
    typed.push('1.500.000', '1.500.000,-', '1,5 mill', '1,5 mill.', '1,5 millionar', '1,5 millioner kroner', 'kr 1,5 mill', '1500 tusen', '1 500k');
    for (const raw of typed) {
      expect(value(raw), raw).toBe(1_500_000);
    }
    expect(value('2 mrd')).toBe(2e9);
    expect(value('12,5')).toBe(12.5);
    expect(value('1.500')).toBe(1500);
    expect(value('1 234,56 kr')).toBe(1234.56);
    expect(value('0')).toBe(0);
  });

  it('reads them the English way in English', () => {
    expect(value('NOK 1,500,000', 'en')).toBe(1_500_000);
    expect(value('1,500', 'en')).toBe(1500);
    expect(value('1.5 million', 'en')).toBe(1_500_000);
    expect(value('1,234.56', 'en')).toBe(1234.56);
    expect(value('12,5', 'en')).toBe(12.5);
  });

  it('empty is no amount; anything else is refused with a reason, never read as nothing', () => {
    expect(value('')).toBeNull();
    expect(value('  ')).toBeNull();
    expect(value('mykje')).toBe('not_a_number');
    expect(value('1,5 mrd kroner og litt')).toBe('not_a_number');
    expect(value('1 500 000 €')).toBe('not_a_number');
    expect(value('kr')).toBe('not_a_number');
    expect(value('mill')).toBe('not_a_number');
    expect(value('1,2,3.4.5')).toBe('not_a_number');
    expect(value('-5')).toBe('negative');
    expect(value('−1 000 kr')).toBe('negative');
    expect(value('2 000 000 mrd')).toBe('too_large');
  });

  it('shares in percent, 0–100', () => {
    expect(parseShare('60', 'nn')).toEqual({ ok: true, value: 60 });
    expect(parseShare('12,5 %', 'nb')).toEqual({ ok: true, value: 12.5 });
    expect(parseShare('', 'en')).toEqual({ ok: true, value: null });
    expect(parseShare('120', 'nn')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseShare('halvparten', 'nn')).toEqual({ ok: false, reason: 'not_a_number' });
  });
});

describe('amounts as documents print them', () => {
  const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('with thousands separators and the currency of the language', () => {
    expect(spaces(formatAmount(1_500_000, 'nn'))).toBe('1 500 000 kr');
    expect(spaces(formatAmount(1_500_000, 'nb'))).toBe('1 500 000 kr');
    expect(spaces(formatAmount(1_500_000, 'en'))).toBe('NOK 1,500,000');
    expect(spaces(formatAmount(1234.5, 'nb'))).toBe('1 234,50 kr');
    expect(formatShare(12.5, 'nn')).toBe('12,5');
    expect(formatShare(12.5, 'en')).toBe('12.5');
  });
});
