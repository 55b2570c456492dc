/**
 * The product's words (shared/glossary.ts) in the active language: the report's vocabulary
 * (paradox axes and their poles, the generation staircase) and the charter's fixed terms. The
 * exports read the same table, so the app and a downloaded charter never name a thing
 * differently. Functions, so every call reads the active locale.
 */
import { GENERATION_WORDS, PARADOX_WORDS, TERMS, type Term, type Words } from '../../shared/glossary.js';
import type { Generation, ParadoxAxis } from '../../shared/charter/schema.js';
import { appLocale } from './i18n.js';

/** A glossary entry in the active language. */
export const words = (entry: Words): string => entry[appLocale()];

/** A named term (a section, column or field of the charter). */
export const term = (name: Term): string => words(TERMS[name]);

/** The axis as a whole and its two poles (position 0 and 100), and the report's sentence. */
export function axisNames(a: ParadoxAxis): { name: string; low: string; high: string; report: string } {
  const p = PARADOX_WORDS[a];
  return { name: words(p.name), low: words(p.low), high: words(p.high), report: words(p.report) };
}

/** A step of the staircase in a few words. */
export const generationText = (g: Generation): string => words(GENERATION_WORDS[g].short);

/** What an organisation on that step does. */
export const generationDetail = (g: Generation): string => words(GENERATION_WORDS[g].text);
