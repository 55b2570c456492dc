/** Link targets as typed in the link dialog. */
import { isSafeHref } from '../../shared/vision/schema.js';

/** The address as typed, made into a link we keep, or null. */
export function normaliseHref(typed: string): string | null {
  const t = typed.trim();
  if (!t) return null;
  if (isSafeHref(t)) return t;
  const typedText: string = t;
  if (/^[a-z][a-z0-9+.-]*:/i.test(t)) return null; // another scheme (javascript:, data:, …)
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(typedText)) return `mailto:${typedText}`;
  const https = `https://${typedText.replace(/^\/+/, '')}`;
  return /^https:\/\/[^\s/]+\.[^\s/]+/.test(https) && isSafeHref(https) ? https : null;
}
