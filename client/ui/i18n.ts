/**
 * Locale state: Nynorsk by default, remembered in localStorage, mirrored to `<html lang>`.
 * Messages are written in English at the call sites (`msg('…', { id })`); `client/locales/`
 * holds the hand-written Nynorsk and Bokmål templates, loaded on demand: `<locale>.ts` what the
 * first paint may need, `later/<locale>.ts` the vision's and the charter's texts, added to the
 * same table when those parts load (`loadLaterTexts`), so the board paints with less to fetch.
 */
import { configureLocalization } from '@lit/localize';

export const LOCALES = ['nn', 'nb', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Each language named in itself, so a reader finds their own. */
export const LOCALE_NAMES: Record<AppLocale, string> = { nn: 'Nynorsk', nb: 'Bokmål', en: 'English' };

const STORAGE_KEY = 'samskap.locale';
const DEFAULT_LOCALE: AppLocale = 'nn';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['nn', 'nb'],
  loadLocale: (locale) => import(`../locales/${locale}.ts`),
});

/** Set once a part needing the later texts has loaded: a language switch then brings them too. */
let laterWanted = false;
/** The language a switch in progress is loading (its later texts are added too if wanted meanwhile). */
let switchingTo: AppLocale | null = null;

/** Adds the later texts of `locale` to its (lit-localize's) table. */
async function addLaterTexts(locale: string): Promise<void> {
  if (locale !== 'nn' && locale !== 'nb') return;
  const [main, later] = await Promise.all([import(`../locales/${locale}.ts`), import(`../locales/later/${locale}.ts`)]);
  Object.assign((main as { templates: object }).templates, (later as { templates: object }).templates);
}

/**
 * The vision's and the charter's texts, for the active language. Their parts load their code only
 * once this resolved (client/workshop/lazy-tabs.ts), so they render in the right language at once
 * and nothing on screen needs to re-render (which would reset what someone is typing).
 */
export async function loadLaterTexts(): Promise<void> {
  laterWanted = true;
  await Promise.all([...new Set([getLocale(), switchingTo ?? getLocale()])].map(addLaterTexts));
}

export const isAppLocale = (value: unknown): value is AppLocale => LOCALES.includes(value as AppLocale);

/** The active locale (the source locale `en` until the first target locale has loaded). */
export const appLocale = (): AppLocale => {
  const locale = getLocale();
  return isAppLocale(locale) ? locale : DEFAULT_LOCALE;
};

/**
 * Locales for `Intl` formatting. Chromium ships no Nynorsk date data and would fall back to US
 * English, so Nynorsk falls back to Norwegian (the same month names); English uses British forms.
 */
export function formatLocales(): string[] {
  const locale = appLocale();
  return locale === 'nn' ? ['nn', 'no', 'nb'] : locale === 'nb' ? ['nb', 'no'] : ['en-GB'];
}

/** The remembered choice, or Nynorsk. Storage may be unavailable (private mode): ignore that. */
export function storedLocale(): AppLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** True when this browser's user has chosen a language (else a workshop's default applies). */
export function hasChosenLocale(): boolean {
  try {
    return isAppLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

/**
 * Loads `locale`, then switches text and `<html lang>` together. `remember` (the user's own
 * choice) keeps it for next time; a workshop's default language is applied without remembering.
 */
export async function setAppLocale(locale: AppLocale, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered; the switch itself still works.
    }
  }
  switchingTo = locale;
  try {
    if (laterWanted) await addLaterTexts(locale);
    await setLocale(locale);
  } finally {
    if (switchingTo === locale) switchingTo = null;
  }
  if (getLocale() === locale) document.documentElement.lang = locale;
}
