/**
 * A tiny History-API router. `parseRoute` maps a path to a route; `navigate` changes the URL and
 * tells the shell (window event `sk-route`), which also listens to `popstate`.
 */
import { ID_PATTERN } from '../../shared/ids.js';

/**
 * `/w/<id>` opens the board; `/w/<id>/vision` the shared vision; `/w/<id>/charter[/<section>]`
 * the charter (actors by default); `/w/<id>/settings` holds members, invites and deletion.
 */
export type WorkshopTab = 'board' | 'vision' | 'charter' | 'settings';
export const CHARTER_SECTIONS = ['actors', 'maturity', 'paradoxes', 'governance', 'principles'] as const;
export type CharterSection = (typeof CHARTER_SECTIONS)[number];
const isSection = (s: string | undefined): s is CharterSection => (CHARTER_SECTIONS as readonly (string | undefined)[]).includes(s);

export type Route =
  | { name: 'start' }
  | { name: 'join'; token: string }
  /** `/reenter#<secret>`: a personal re-entry link (the secret stays in the fragment, never sent). */
  | { name: 'reenter' }
  | { name: 'workshop'; id: string; tab: WorkshopTab; section?: CharterSection }
  | { name: 'not-found' };

/** A one-off message the shell shows on the next page (e.g. after deleting a workshop). */
export type Notice = 'workshop-deleted' | 'signed-out';

export const ROUTE_EVENT = 'sk-route';
export interface RouteEventDetail {
  notice: Notice | null;
}

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
    if (segments.length === 3 && (third === 'settings' || third === 'vision')) return { name: 'workshop', id: second, tab: third };
    if (third === 'charter' && segments.length === 3) return { name: 'workshop', id: second, tab: 'charter', section: 'actors' };
    if (third === 'charter' && segments.length === 4 && isSection(segments[3])) return { name: 'workshop', id: second, tab: 'charter', section: segments[3] };
  }
  return { name: 'not-found' };
}

export const currentRoute = (): Route => parseRoute(location.pathname);

export function navigate(path: string, opts: { replace?: boolean; notice?: Notice } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  const detail: RouteEventDetail = { notice: opts.notice ?? null };
  window.dispatchEvent(new CustomEvent<RouteEventDetail>(ROUTE_EVENT, { detail }));
}

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
