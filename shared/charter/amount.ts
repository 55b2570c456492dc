/**
 * Funding figures as people type them, and as documents print them. Amounts are Norwegian
 * kroner. Read: "1 500 000 kr", "kr 1 500 000,-", "1,5 mill", "2 mrd", "NOK 1,500,000",
 * "1500000", with spaces, no-break or thin spaces between digit groups; anything else is refused
 * with a reason (never read as nothing). Written here rather than with a locale number parser:
 * none reads money shorthand ("1,5 mill", ",-"), and this file goes to the browser too.
 *
 * The language decides only what a lone separator means: in Nynorsk and Bokmål a comma is the
 * decimal sign ("12,5") and a dot before exactly three digits groups them ("1.500"); in English
 * the other way round. Two or more of one separator always group digits; with both, the last is
 * the decimal sign.
 */
import { CharterLimits } from './schema.js';

export type AmountLanguage = 'nn' | 'nb' | 'en';

/** Why a typed figure was refused; the client words it in each language. */
export type AmountRefusal = 'not_a_number' | 'negative' | 'too_large';
export type AmountReading = { ok: true; value: number | null } | { ok: false; reason: AmountRefusal };

/** Spaces people and programs put between digit groups: space, no-break, thin, narrow no-break, figure space, apostrophe. */
const GROUP_SPACES = /[\s\u00a0\u2007\u2009\u202f'’]/g;
const MULTIPLIERS: [RegExp, number][] = [
  [/(?:mrd|milliard(?:ar|er|s)?|billion(?:s)?|bn)\.?$/, 1e9],
  [/(?:mill|million(?:ar|er|s)?|mio|mn|m)\.?$/, 1e6],
  [/(?:tusen|thousand|k)\.?$/, 1e3],
];

function readNumber(t: string, lang: AmountLanguage): number | null {
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  let s = t;
  if (commas && dots) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    s = t.split(decimal === ',' ? '.' : ',').join('').replace(',', '.');
  } else if (commas > 1 || dots > 1) {
    s = t.replace(/[.,]/g, '');
  } else if (commas || dots) {
    const sep = commas ? ',' : '.';
    const grouping = lang === 'en' ? ',' : '.';
    s = sep === grouping && /^\d{1,3}[.,]\d{3}$/.test(t) ? t.replace(sep, '') : t.replace(sep, '.');
  }
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

export function parseAmount(raw: string, lang: AmountLanguage): AmountReading {
  let t = raw.toLowerCase().replace(GROUP_SPACES, '');
  if (t === '') return { ok: true, value: null };
  t = t.replace(/^(kr\.?|nok)/, '').replace(/[,.][-–—]+$/, '').replace(/(kr\.?|nok|kroner)$/, '');
  let factor = 1;
  for (const [word, f] of MULTIPLIERS) {
    if (word.test(t) && /\d/.test(t.replace(word, ''))) {
      t = t.replace(word, '');
      factor = f;
      break;
    }
  }
  t = t.replace(/(kr\.?|nok|kroner)$/, '');
  const negative = /^[-−–]/.test(t);
  const n = readNumber(negative ? t.slice(1) : t, lang);
  if (n === null) return { ok: false, reason: 'not_a_number' };
  if (negative && n > 0) return { ok: false, reason: 'negative' };
  // Whole øre at most: 1,5 mill is 1 500 000, not 1 500 000.0000002.
  const value = Math.round(n * factor * 100) / 100;
  return value > CharterLimits.amountMax ? { ok: false, reason: 'too_large' } : { ok: true, value };
}

/** A share in percent, 0–100: "60", "12,5 %", or empty. */
export function parseShare(raw: string, lang: AmountLanguage): AmountReading {
  const t = raw.replace(GROUP_SPACES, '').replace(/%$/, '');
  if (t === '') return { ok: true, value: null };
  const negative = /^[-−–]/.test(t);
  const n = readNumber(negative ? t.slice(1) : t, lang);
  if (n === null) return { ok: false, reason: 'not_a_number' };
  if (negative && n > 0) return { ok: false, reason: 'negative' };
  return n > 100 ? { ok: false, reason: 'too_large' } : { ok: true, value: n };
}

const LOCALE: Record<AmountLanguage, string> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' };

/**
 * "1 500 000 kr" (nn, nb), "NOK 1,500,000" (en); øre only when there are any. `locales`: for a
 * browser without Nynorsk data, the fallbacks to use (client/ui/i18n.ts formatLocales).
 */
export function formatAmount(value: number, lang: AmountLanguage, locales: string | string[] = LOCALE[lang]): string {
  const whole = Number.isInteger(value);
  const currencyDisplay = lang === 'en' ? 'code' : 'symbol';
  return new Intl.NumberFormat(locales, { style: 'currency', currency: 'NOK', currencyDisplay, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(value);
}

/** "12,5" (nn, nb), "12.5" (en). */
export function formatShare(value: number, lang: AmountLanguage, locales: string | string[] = LOCALE[lang]): string {
  return new Intl.NumberFormat(locales, { maximumFractionDigits: 2 }).format(value);
}
