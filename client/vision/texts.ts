/** Localised texts used by several vision components. Functions, so each call reads the active locale. */
import { msg, str } from '@lit/localize';
import { formatLocales } from '../ui/i18n.js';

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
