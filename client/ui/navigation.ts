/**
 * Moving between the app's pages, for every feature: `navigate` changes the URL and tells the shell
 * (window event `sk-route`), which maps the path to a page (client/shell/router.ts). The route
 * vocabulary features name (workshop tabs, charter sections, one-off notices) lives here too.
 */

/**
 * `/w/<id>` opens the first board, `/w/<id>/b/<boardId>` another one; `/w/<id>/vision` the shared vision; `/w/<id>/charter[/<section>]`
 * the charter (actors by default); `/w/<id>/settings` holds members, invites and deletion.
 */
export type WorkshopTab = 'board' | 'vision' | 'charter' | 'settings';
export const CHARTER_SECTIONS = ['actors', 'maturity', 'paradoxes', 'governance', 'benefits', 'roadmap', 'services', 'life-event', 'principles'] as const;
export type CharterSection = (typeof CHARTER_SECTIONS)[number];

/** A one-off message the shell shows on the next page (e.g. after deleting a workshop). */
export type Notice = 'workshop-deleted' | 'signed-out';

export const ROUTE_EVENT = 'sk-route';
export interface RouteEventDetail {
  notice: Notice | null;
}
declare global {
  interface WindowEventMap {
    [ROUTE_EVENT]: CustomEvent<RouteEventDetail>;
  }
}

export function navigate(path: string, opts: { replace?: boolean; notice?: Notice } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  const detail: RouteEventDetail = { notice: opts.notice ?? null };
  window.dispatchEvent(new CustomEvent<RouteEventDetail>(ROUTE_EVENT, { detail }));
}
