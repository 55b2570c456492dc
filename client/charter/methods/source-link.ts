/**
 * "From the board": an entry `charter.import` copied from a board note links back to it, at
 * `/w/<workshopId>/b/<boardId>#<elementId>` (the board page at that note). The link's name says
 * which entry, for lists of links read out of context.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { CharterSource } from '../../../shared/charter/schema.js';

export function fromBoard(workshopId: string, source: CharterSource | null, what: string) {
  if (!source) return nothing;
  const href = `/w/${encodeURIComponent(workshopId)}/b/${encodeURIComponent(source.boardId)}#${encodeURIComponent(source.elementId)}`;
  // The name begins with the visible words (WCAG 2.5.3) and says which entry.
  return html`<a class="from-board" href=${href} aria-label=${msg(str`from the board: ${what}`, { id: 'charter_from_board_named' })}>${msg('from the board', { id: 'charter_from_board' })}</a>`;
}
