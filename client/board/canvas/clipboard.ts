/**
 * Copy and paste of board elements as JSON with a Samskap marker, so elements travel between
 * boards (and browser tabs) through the system clipboard. Pasted text is untrusted: every field
 * is checked, and anything else that was pasted becomes a sticky note.
 */
import type { BoardDoc, NewElement } from '../../../shared/board/board-doc.js';
import { ELEMENT_KINDS, Limits, PALETTE, type Author, type BoardElement, type ElementKind, type PaletteColor } from '../../../shared/board/schema.js';
import { union, type Point } from './viewport.js';
import { isBox } from '../../../shared/board/kinds.js';

const MARKER = 'samskap/board-elements@1';

interface ClipItem extends NewElement {
  key: string;
}

export function serialize(elements: BoardElement[]): string {
  const ids = new Set(elements.map((e) => e.id));
  const items = elements
    .filter((e) => isBox(e) || (e.from && ids.has(e.from) && e.to && ids.has(e.to)))
    .map((e) => ({ key: e.id, kind: e.kind, x: e.x, y: e.y, w: e.w, h: e.h, color: e.color, text: e.text, label: e.label, from: e.from ?? undefined, to: e.to ?? undefined, points: e.kind === 'pen' ? e.points : undefined }));
  return JSON.stringify({ [MARKER]: true, elements: items });
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(-Limits.coordinate, Math.min(Limits.coordinate, v)) : 0);
const size = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(Limits.minSize, Math.min(Limits.maxSize, v)) : undefined);
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The elements in a clipboard text, or null when it is not a Samskap copy. */
export function parse(raw: string): ClipItem[] | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || !(MARKER in data)) return null;
  const list = (data as { elements?: unknown }).elements;
  if (!Array.isArray(list)) return null;
  const out: ClipItem[] = [];
  for (const it of list.slice(0, 2000) as Array<Record<string, unknown>>) {
    if (!it || typeof it !== 'object' || !(ELEMENT_KINDS as readonly unknown[]).includes(it.kind)) continue;
    out.push({
      key: text(it.key, 64),
      kind: it.kind as ElementKind,
      x: num(it.x),
      y: num(it.y),
      w: size(it.w),
      h: size(it.h),
      color: (PALETTE as readonly unknown[]).includes(it.color) ? (it.color as PaletteColor) : undefined,
      text: text(it.text, Limits.textMax),
      label: text(it.label, Limits.labelMax),
      from: text(it.from, 64) || undefined,
      to: text(it.to, 64) || undefined,
      points: Array.isArray(it.points) ? it.points.slice(0, Limits.pointsMax).map(num) : undefined,
    });
  }
  return out;
}

/**
 * Creates copies of `items` with their top-left corner moved to `at` (or shifted by `offset`),
 * re-binding connectors to the copies. Returns the new ids.
 */
export function insertCopies(board: BoardDoc, items: ClipItem[], place: { at: Point } | { offset: number }, me: Author, origin: unknown): string[] {
  const box = union(items.filter(isBox).map((i) => ({ x: i.x, y: i.y, w: i.w ?? 0, h: i.h ?? 0 })));
  if (!box) return [];
  const dx = 'at' in place ? place.at.x - box.x - box.w / 2 : place.offset;
  const dy = 'at' in place ? place.at.y - box.y - box.h / 2 : place.offset;
  const ids = new Map<string, string>();
  const out: string[] = [];
  board.doc.transact(() => {
    for (const it of items.filter(isBox)) {
      const { key, ...rest } = it;
      const id = board.create({ ...rest, x: it.x + dx, y: it.y + dy }, me, origin);
      ids.set(key, id);
      out.push(id);
    }
    for (const it of items.filter((i) => !isBox(i))) {
      const from = ids.get(it.from ?? '');
      const to = ids.get(it.to ?? '');
      if (from && to) out.push(board.create({ kind: 'connector', x: 0, y: 0, from, to, label: it.label, color: it.color }, me, origin));
    }
  }, origin);
  return out;
}

/** Elements as clipboard items (for duplicate, which skips the system clipboard). */
export const toItems = (elements: BoardElement[]): ClipItem[] => parse(serialize(elements)) ?? [];
