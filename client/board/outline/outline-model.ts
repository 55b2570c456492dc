/**
 * The outline's view of a board, without DOM: elements grouped by frame in reading order, and
 * free spots for new or moved elements. Pure functions of a BoardDoc, tested in Node.
 */
import type { BoardDoc } from '../../../shared/board/board-doc.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import { isBox, isConnectable, isFrame } from '../../../shared/board/kinds.js';

/** A DOM-safe id fragment for an element id (ids come from the document: untrusted). */
export const domId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

export interface OutlineSection {
  /** null: the elements that lie in no frame. */
  frame: BoardElement | null;
  items: BoardElement[];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Reading order: top to bottom, then left to right, where boxes that share a horizontal band
 * (each overlaps the band by at least half its height) read as one row. A staircase of frames
 * thus reads step by step, left to right, even though the later steps sit higher.
 */
export function readingOrder<T extends Box>(boxes: T[]): T[] {
  const byY = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Array<{ top: number; bottom: number; items: T[] }> = [];
  for (const b of byY) {
    const row = rows.at(-1);
    const overlap = row ? Math.min(row.bottom, b.y + b.h) - Math.max(row.top, b.y) : 0;
    if (row && overlap >= b.h / 2) {
      row.items.push(b);
      row.top = Math.min(row.top, b.y);
      row.bottom = Math.max(row.bottom, b.y + b.h);
    } else rows.push({ top: b.y, bottom: b.y + b.h, items: [b] });
  }
  return rows.flatMap((r) => r.items.sort((a, b) => a.x - b.x || a.y - b.y));
}

/**
 * The innermost frame wholly containing `e`: BoardDoc.frameOf's rule, against a list of frames
 * read once (frameOf reads the whole document on every call, too slow per element).
 */
export function innermostFrame(e: Box & { id: string }, frames: BoardElement[]): BoardElement | null {
  let best: BoardElement | null = null;
  for (const f of frames) {
    if (f.id === e.id || e.x < f.x || e.y < f.y || e.x + e.w > f.x + f.w || e.y + e.h > f.y + f.h) continue;
    if (!best || f.w * f.h < best.w * best.h) best = f;
  }
  return best;
}

/** The frame a connector belongs to: the frame of its start, else of its end. */
function sectionFrameOf(e: BoardElement, frames: BoardElement[], byId: Map<string, BoardElement>): BoardElement | null {
  if (isBox(e)) return innermostFrame(e, frames);
  const end = byId.get(e.from ?? '') ?? byId.get(e.to ?? '');
  return end ? innermostFrame(end, frames) : null;
}

/** One section per frame in reading order, then the elements in no frame (always present). */
export function outlineSections(board: BoardDoc): OutlineSection[] {
  const all = board.list();
  const byId = new Map(all.map((e) => [e.id, e]));
  const frames = readingOrder(all.filter(isFrame));
  const groups = new Map<string, BoardElement[]>(frames.map((f) => [f.id, []]));
  const loose: BoardElement[] = [];
  for (const e of all) {
    if (isFrame(e)) continue;
    const f = sectionFrameOf(e, frames, byId);
    const group = f ? groups.get(f.id) : undefined;
    if (group) group.push(e);
    else loose.push(e);
  }
  // Connectors have no place of their own: they read right after their start.
  const ordered = (items: BoardElement[]) => {
    const boxes = readingOrder(items.filter(isBox));
    const links = items.filter((e) => !isBox(e));
    const out: BoardElement[] = [];
    for (const b of boxes) out.push(b, ...links.filter((c) => c.from === b.id));
    return [...out, ...links.filter((c) => !out.includes(c))];
  };
  return [...frames.map((f) => ({ frame: f, items: ordered(groups.get(f.id) ?? []) })), { frame: null, items: ordered(loose) }];
}

/** What `fromId` may be connected to, in the outline's order (each frame, then what lies in it). */
export function connectTargets(sections: OutlineSection[], fromId: string): BoardElement[] {
  return sections.flatMap((s) => (s.frame ? [s.frame, ...s.items] : s.items)).filter((e) => e.id !== fromId && isConnectable(e));
}

const GAP = 20;
/** Margin below a frame's top edge (the canvas draws the title above the frame, not in it). */
const FRAME_TOP = 24;
const intersects = (a: Box, b: Box) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

export interface Spot {
  x: number;
  y: number;
  /** When the frame is full (or too narrow): the size it must grow to so the spot lies inside. */
  frameSize?: { w: number; h: number };
}

/**
 * A free spot for a `w`×`h` box: in a frame, the first free cell of a grid over the frame (rows
 * top to bottom), growing the frame downwards when it is full; outside frames, a column to the
 * right of all frames. `ignore` is the element being moved (its own place does not block).
 */
export function freeSpot(board: BoardDoc, frame: BoardElement | null, size: { w: number; h: number }, ignore?: string): Spot {
  const all = board.list().filter((e) => e.id !== ignore && isBox(e));
  const frames = all.filter(isFrame);
  if (frame) {
    // Anything in the way blocks a cell, nested frames included; frames around this one do not.
    const encloses = (f: BoardElement) => f.x <= frame.x && f.y <= frame.y && f.x + f.w >= frame.x + frame.w && f.y + f.h >= frame.y + frame.h;
    const others = all.filter((e) => e.id !== frame.id && !(isFrame(e) && encloses(e)));
    const x0 = frame.x + GAP;
    const cols = Math.max(1, Math.floor((frame.w - GAP) / (size.w + GAP)));
    for (let row = 0; ; row++) {
      const y = frame.y + FRAME_TOP + row * (size.h + GAP);
      for (let col = 0; col < cols; col++) {
        const cell = { x: x0 + col * (size.w + GAP), y, ...size };
        if (others.some((o) => intersects(cell, o))) continue;
        const need = { w: Math.max(frame.w, cell.x + size.w + GAP - frame.x), h: Math.max(frame.h, y + size.h + GAP - frame.y) };
        return need.w === frame.w && need.h === frame.h ? { x: cell.x, y } : { x: cell.x, y, frameSize: need };
      }
      if (row > 10_000) return { x: x0, y };
    }
  }
  const x = frames.length ? Math.max(...frames.map((f) => f.x + f.w)) + 80 : 0;
  let y = frames.length ? Math.min(...frames.map((f) => f.y)) : 0;
  const blockers = all.filter((e) => !isFrame(e));
  for (;;) {
    const cell = { x, y, ...size };
    const hit = blockers.filter((o) => intersects(cell, o));
    if (hit.length === 0) return { x, y };
    y = Math.max(...hit.map((o) => o.y + o.h)) + GAP;
  }
}
