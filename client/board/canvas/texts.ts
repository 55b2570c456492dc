/** Names of element kinds and the spoken description of an element, in the current language. */
import { msg, str } from '@lit/localize';
import type { BoardElement, ElementKind } from '../../../shared/board/schema.js';

export function kindName(kind: ElementKind): string {
  switch (kind) {
    case 'note':
      return msg('Sticky note', { id: 'canvas_kind_note' });
    case 'text':
      return msg('Text', { id: 'canvas_kind_text' });
    case 'rect':
      return msg('Rectangle', { id: 'canvas_kind_rect' });
    case 'ellipse':
      return msg('Ellipse', { id: 'canvas_kind_ellipse' });
    case 'diamond':
      return msg('Diamond', { id: 'canvas_kind_diamond' });
    case 'connector':
      return msg('Connector', { id: 'canvas_kind_connector' });
    case 'frame':
      return msg('Frame', { id: 'canvas_kind_frame' });
    case 'pen':
      return msg('Drawing', { id: 'canvas_kind_pen' });
  }
}

export const noOrganisation = () => msg('no organisation', { id: 'canvas_no_org' });

/** "name · organisation", shown on hover and focus. */
export const attribution = (e: BoardElement) => `${e.author.name || '?'} · ${e.author.organisationName || noOrganisation()}`;

/** "Sticky note: <text>, by <name>, <organisation>" for screen readers. */
export function elementLabel(e: BoardElement, endpoints?: [string, string]): string {
  const text = e.kind === 'connector' ? (endpoints ? msg(str`from ${endpoints[0]} to ${endpoints[1]} ${e.label}`, { id: 'canvas_connector_text' }) : e.label) : e.text;
  const body = text.trim() || msg('empty', { id: 'canvas_empty' });
  return msg(str`${kindName(e.kind)}: ${body}, by ${e.author.name || '?'}, ${e.author.organisationName || noOrganisation()}`, { id: 'canvas_element_label' });
}
