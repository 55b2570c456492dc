/**
 * How the outline names board elements, in the active locale. Functions, not constants, so every
 * call reads the current language. Text from the document is user content: it is only ever
 * bound as text, never as markup.
 */
import { msg, str } from '@lit/localize';
import type { BoardElement, ElementKind } from '../../../shared/board/schema.js';
import { shownText } from '../../../shared/board/kinds.js';

/** An element with no author at all: a note of an anonymous brainwriting round (issue #16). */
export const anonymousAuthor = () => msg('anonymous', { id: 'outline_anonymous' });

export function kindName(kind: ElementKind): string {
  switch (kind) {
    case 'note':
      return msg('Sticky note', { id: 'outline_kind_note' });
    case 'text':
      return msg('Text', { id: 'outline_kind_text' });
    case 'rect':
      return msg('Rectangle', { id: 'outline_kind_rect' });
    case 'ellipse':
      return msg('Ellipse', { id: 'outline_kind_ellipse' });
    case 'diamond':
      return msg('Diamond', { id: 'outline_kind_diamond' });
    case 'connector':
      return msg('Connector', { id: 'outline_kind_connector' });
    case 'frame':
      return msg('Frame', { id: 'outline_kind_frame' });
    case 'pen':
      return msg('Drawing', { id: 'outline_kind_pen' });
    case 'image':
      return msg('Image', { id: 'outline_kind_image' });
  }
}

/** Text shortened for use inside a button's name or an announcement. */
export function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function frameTitle(frame: BoardElement | null): string {
  if (!frame) return msg('Not in a frame', { id: 'outline_loose' });
  return short(frame.text, 120) || msg('Untitled frame', { id: 'outline_untitled_frame' });
}

/** "sticky note «Felles plattform»", or just the kind when there is no text: for names. */
export function elementName(e: BoardElement): string {
  const kind = kindName(e.kind).toLocaleLowerCase();
  const text = short(shownText(e));
  return text ? `${kind} «${text}»` : kind;
}

/** "Connector from «A» to «B»", naming each end by its text (or its kind when empty). */
export function connectorHeading(e: BoardElement, get: (id: string) => BoardElement | null): string {
  const end = (id: string | null) => {
    const el = id ? get(id) : null;
    if (!el) return msg('(missing)', { id: 'outline_connector_missing' });
    return short(el.text, 40) || kindName(el.kind).toLocaleLowerCase();
  };
  return msg(str`Connector from «${end(e.from)}» to «${end(e.to)}»`, { id: 'outline_connector_from_to' });
}

/** "1 element" / "3 elements". */
export function elementCount(n: number): string {
  return n === 1 ? msg('1 element', { id: 'outline_count_one' }) : msg(str`${n} elements`, { id: 'outline_count' });
}
