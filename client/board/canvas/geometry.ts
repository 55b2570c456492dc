/**
 * Pure geometry of the board: where a connector meets its elements' outlines, and the reading
 * order used for keyboard focus (frames first, then top to bottom, left to right).
 */
import type { BoardElement } from '../../../shared/board/schema.js';
import { contains } from './viewport.js';
import { isBox, isFrame } from '../../../shared/board/kinds.js';

export { borderPoint, connectorSegment } from '../../../shared/board/look.js';

/** The frame an element lies in (the smallest containing one), from a list of frames. */
export function containingFrame(e: BoardElement, frames: BoardElement[]): BoardElement | null {
  let best: BoardElement | null = null;
  for (const f of frames) if (f.id !== e.id && contains(f, e) && (!best || f.w * f.h < best.w * best.h)) best = f;
  return best;
}

const byPosition = (a: BoardElement, b: BoardElement) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);

/**
 * Reading order for Tab: top-level items (frames and loose elements) by y then x; each frame is
 * followed by what lies in it, by y then x. Connectors come right after their source element.
 */
export function readingOrder(all: Iterable<BoardElement>): BoardElement[] {
  const list = [...all];
  const frames = list.filter(isFrame);
  const children = new Map<string, BoardElement[]>();
  const top: BoardElement[] = [];
  const connectors = new Map<string, BoardElement[]>();
  for (const e of list) {
    if (!isBox(e)) {
      const key = e.from ?? '';
      connectors.set(key, [...(connectors.get(key) ?? []), e]);
      continue;
    }
    const f = isFrame(e) ? null : containingFrame(e, frames);
    if (f) children.set(f.id, [...(children.get(f.id) ?? []), e]);
    else top.push(e);
  }
  const out: BoardElement[] = [];
  const emit = (e: BoardElement) => {
    out.push(e, ...(connectors.get(e.id) ?? []));
    for (const c of (children.get(e.id) ?? []).sort(byPosition)) emit(c);
  };
  for (const e of top.sort(byPosition)) emit(e);
  const placed = new Set(out.map((e) => e.id));
  for (const e of list) if (!placed.has(e.id)) out.push(e);
  return out;
}
