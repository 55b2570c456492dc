/** Localised texts used by several vision components. Functions, so each call reads the active locale. */
import { msg, str } from '@lit/localize';
import type { FormatSuggestion, SuggestionKind } from '../../shared/vision/suggestion-marks.js';
import { formatLocales } from '../ui/i18n.js';
import type { MemberInfo } from './vision-session.js';

export const unknownAuthor = () => msg('Unknown (e.g. the template)', { id: 'vision_unknown_author' });

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export const changesText = (passages: number, organisations: number) =>
  passages === 1 && organisations === 1
    ? msg('1 change by 1 organisation', { id: 'vision_since_one' })
    : organisations === 1
      ? msg(str`${passages} changes by 1 organisation`, { id: 'vision_since_many_one_org' })
      : msg(str`${passages} changes by ${organisations} organisations`, { id: 'vision_since_many' });

/** What a formatting suggestion sets, in words: "bold, not italic". */
export function formatWords(f: { strong?: string | null; em?: string | null }): string {
  const words: string[] = [];
  if (f.strong === 'add') words.push(msg('bold', { id: 'vision_format_bold' }));
  if (f.strong === 'remove') words.push(msg('not bold', { id: 'vision_format_not_bold' }));
  if (f.em === 'add') words.push(msg('italic', { id: 'vision_format_italic' }));
  if (f.em === 'remove') words.push(msg('not italic', { id: 'vision_format_not_italic' }));
  return words.join(', ');
}

/** "Name (Organisation)", or the name alone. */
export const memberLabel = (who: MemberInfo): string => (who.organisationName ? `${who.name} (${who.organisationName})` : who.name);

/** The title of a suggested insertion or deletion; `paragraph`: of a suggested paragraph break or join. */
export function suggestionTitle(kind: SuggestionKind, who: MemberInfo, paragraph = false): string {
  const name = memberLabel(who);
  if (paragraph) {
    return kind === 'insertion'
      ? msg(str`Suggested by ${name}: new paragraph`, { id: 'vision_suggested_break_by' })
      : msg(str`Suggested by ${name}: join with the paragraph before`, { id: 'vision_suggested_join_by' });
  }
  return kind === 'insertion' ? msg(str`Suggested by ${name}: add`, { id: 'vision_suggested_add_by' }) : msg(str`Suggested by ${name}: delete`, { id: 'vision_suggested_delete_by' });
}

/** The title of a formatting suggestion: "Suggested by …: bold, not italic". */
export const formatTitle = (who: MemberInfo, f: FormatSuggestion): string => msg(str`Suggested by ${memberLabel(who)}: ${formatWords(f)}`, { id: 'vision_suggested_format_by' });
