/**
 * Kroner as people type them into the benefits map, and as it shows them. Minimal on purpose:
 * digits, with spaces (no-break, thin, narrow no-break and figure spaces too) between the groups,
 * "kr" or "NOK" before or after, a closing ",-", and a decimal comma or point with one or two
 * øre digits. Anything else is refused with a reason, never read as nothing. TODO(#17): one
 * reader for the benefits map and the funding table (the funding work brings a fuller one).
 */
import { CharterLimits } from '../../../shared/charter/schema.js';
import type { AppLocale } from '../../ui/i18n.js';

export type AmountRefusal = 'not_a_number' | 'too_large';
export type AmountReading = { ok: true; value: number | null } | { ok: false; reason: AmountRefusal };

const GROUP_SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;

export function parseAmount(raw: string): AmountReading {
  const t = raw
    .toLowerCase()
    .replace(GROUP_SPACES, '')
    .replace(/^(kr\.?|nok)/, '')
    .replace(/[,.]-$/, '')
    .replace(/(kr\.?|nok|kroner)$/, '');
  if (raw.trim() === '') return { ok: true, value: null };
  if (!/^\d+([.,]\d{1,2})?$/.test(t)) return { ok: false, reason: 'not_a_number' };
  const value = Number(t.replace(',', '.'));
  return value > CharterLimits.amountMax ? { ok: false, reason: 'too_large' } : { ok: true, value };
}

/** "1 500 000 kr" (nn, nb), "NOK 1,500,000" (en); øre only when there are any. `locales`: formatLocales(). */
export function formatAmount(value: number, lang: AppLocale, locales: string[]): string {
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat(locales, {
    style: 'currency',
    currency: 'NOK',
    currencyDisplay: lang === 'en' ? 'code' : 'symbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** An amount as the form shows it for editing, in a shape `parseAmount` reads back ("1 500 000", "12,5"; "1500000" in English). */
export function amountInputText(value: number | null, lang: AppLocale): string {
  if (value === null) return '';
  return lang === 'en' ? String(value) : new Intl.NumberFormat('nb', { maximumFractionDigits: 2 }).format(value);
}
