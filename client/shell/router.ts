/**
 * A tiny History-API router for the shell. `parseRoute` maps a path to a route; features move with
 * `navigate` (client/ui/navigation.ts), which tells the shell (window event `sk-route`); the shell
 * also listens to `popstate`.
 */
import { ID_PATTERN } from '../../shared/ids.js';
import { CHARTER_SECTIONS, type CharterSection, type WorkshopTab } from '../ui/navigation.js';

const isSection = (s: string | undefined): s is CharterSection => (CHARTER_SECTIONS as readonly (string | undefined)[]).includes(s);

export type Route =
  | { name: 'start' }
  | { name: 'join'; token: string }
  /** `/reenter#<secret>`: a personal re-entry link (the secret stays in the fragment, never sent). */
  | { name: 'reenter' }
  /** `boardId`: `/w/<id>/b/<boardId>` (one of several boards); `/w/<id>` opens the first. */
  | { name: 'workshop'; id: string; tab: WorkshopTab; section?: CharterSection; boardId?: string }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter((s) => s !== '');
  const [first, second] = segments;
  if (first === undefined) return { name: 'start' };
  if (first === 'reenter' && segments.length === 1) return { name: 'reenter' };
  if (first === 'join' && second !== undefined && segments.length === 2) {
    return { name: 'join', token: safeDecode(second) };
  }
  if (first === 'w' && second !== undefined && ID_PATTERN.test(second)) {
    const third = segments[2];
    if (segments.length === 2) return { name: 'workshop', id: second, tab: 'board' };
    if (third === 'b' && segments.length === 4 && ID_PATTERN.test(segments[3]!)) return { name: 'workshop', id: second, tab: 'board', boardId: segments[3]! };
    if (segments.length === 3 && (third === 'settings' || third === 'vision')) return { name: 'workshop', id: second, tab: third };
    if (third === 'charter' && segments.length === 3) return { name: 'workshop', id: second, tab: 'charter', section: 'actors' };
    if (third === 'charter' && segments.length === 4 && isSection(segments[3])) return { name: 'workshop', id: second, tab: 'charter', section: segments[3] };
  }
  return { name: 'not-found' };
}

export const currentRoute = (): Route => parseRoute(location.pathname);

/** The same-origin path a click on a link should route in-app, or null to let the browser act. */
export function routableHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href);
  // `/auth/…` (sign-in) is the server's, not a page of the app: the browser goes there itself.
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/auth/')) return null;
  return url.pathname + url.search + url.hash;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
