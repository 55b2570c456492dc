/** Names of element kinds and the spoken description of an element, in the current language. */
import { msg, str } from '@lit/localize';
import type { BoardPeople, Person } from '../people.js';
import type { BoardElement, ElementKind } from '../../../shared/board/schema.js';
import { isBox, shownText } from '../../../shared/board/kinds.js';

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
    case 'image':
      return msg('Image', { id: 'canvas_kind_image' });
  }
}

export const noOrganisation = () => msg('no organisation', { id: 'canvas_no_org' });

/** An element with no author at all: a note of an anonymous brainwriting round (issue #16). */
export const anonymousAuthor = () => msg('anonymous', { id: 'canvas_anonymous' });

/** Who wrote `e`: from member records when `people` has them, else the element's own caches. */
const authorOf = (e: BoardElement, people?: BoardPeople | null): Person =>
  !e.author.id ? { name: anonymousAuthor(), organisation: null } : (people?.author(e) ?? { name: e.author.name, organisation: e.author.organisationName });

/** "name · organisation", and "· edited by name, organisation" when someone else changed it last; shown on hover and focus. */
export function attribution(e: BoardElement, people?: BoardPeople | null): string {
  const a = authorOf(e, people);
  const by = `${a.name || '?'} · ${a.organisation || noOrganisation()}`;
  const ed = people?.editor(e);
  return ed ? `${by} · ${msg(str`edited by ${ed.name}, ${ed.organisation || noOrganisation()}`, { id: 'canvas_edited_by' })}` : by;
}

/** "Sticky note: <text>, by <name>, <organisation>" for screen readers. */
export function elementLabel(e: BoardElement, endpoints?: [string, string], people?: BoardPeople | null): string {
  const text = !isBox(e) ? (endpoints ? msg(str`from ${endpoints[0]} to ${endpoints[1]} ${e.label}`, { id: 'canvas_connector_text' }) : e.label) : e.text;
  const body = text.trim() || msg('empty', { id: 'canvas_empty' });
  const a = authorOf(e, people);
  return msg(str`${kindName(e.kind)}: ${body}, by ${a.name || '?'}, ${a.organisation || noOrganisation()}`, { id: 'canvas_element_label' });
}

/** "sticky note «Felles plattform»" (the kind alone when it has no text): an element named in a sentence. */
export function elementName(e: BoardElement): string {
  const kind = kindName(e.kind).toLocaleLowerCase();
  const text = shownText(e).replace(/\s+/g, ' ').trim();
  return text ? `${kind} «${text.length > 60 ? `${text.slice(0, 59)}…` : text}»` : kind;
}
