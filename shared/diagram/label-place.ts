/**
 * Where the label of each line in a diagram goes: on its line, as near the middle as it can,
 * never touching an obstacle (a box of the diagram) or a label placed before it. Pure geometry
 * (no DOM, no Node), so a browser drawing could use it too.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface LabelRequest {
  w: number;
  h: number;
  /** The visible part of the label's line. */
  from: Point;
  to: Point;
}

/** Whether `a`, grown by `gap` on every side, and `b` share any area. */
export const overlaps = (a: Rect, b: Rect, gap = 0): boolean =>
  a.x - gap < b.x + b.w && b.x < a.x + a.w + gap && a.y - gap < b.y + b.h && b.y < a.y + a.h + gap;

/**
 * Rects bucketed by the square cells they cover, so a test looks only at its neighbours: a map
 * with hundreds of actors and thousands of relations stays a fraction of a second.
 */
class Grid {
  private readonly cells = new Map<string, Rect[]>();
  private static readonly SIZE = 128;

  private *keys(r: Rect, gap: number): Generator<string> {
    const s = Grid.SIZE;
    for (let i = Math.floor((r.x - gap) / s); i <= Math.floor((r.x + r.w + gap) / s); i++) {
      for (let j = Math.floor((r.y - gap) / s); j <= Math.floor((r.y + r.h + gap) / s); j++) yield `${i},${j}`;
    }
  }

  add(r: Rect): void {
    for (const k of this.keys(r, 0)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }

  /** Every rect sharing a cell with `r` grown by `gap` (some more than once). */
  near(r: Rect, gap: number): Rect[] {
    const out: Rect[] = [];
    for (const k of this.keys(r, gap)) for (const o of this.cells.get(k) ?? []) out.push(o);
    return out;
  }
}

/** Candidate centres along a line: at most this many steps to each side of its middle. */
const ALONG = 24;
/** …and this many label heights to either side of the line. */
const ACROSS = 3;

/**
 * One rect per request, in order. A label sits centred on its line where that is free; else at
 * the nearest free place along the line or a few label heights beside it; else on widening
 * square rings around the line's middle (far enough out everything is free, so it always ends).
 */
export function placeLabels(obstacles: readonly Rect[], requests: readonly LabelRequest[], gap: number): Rect[] {
  const grid = new Grid();
  for (const o of obstacles) grid.add(o);
  const free = (r: Rect) => !grid.near(r, gap).some((o) => overlaps(r, o, gap));
  const at = (c: Point, q: LabelRequest): Rect => ({ x: c.x - q.w / 2, y: c.y - q.h / 2, w: q.w, h: q.h });
  return requests.map((q) => {
    const mid = { x: (q.from.x + q.to.x) / 2, y: (q.from.y + q.to.y) / 2 };
    // The middle is free most of the time: only then are the other places worked out.
    let rect = free(at(mid, q)) ? at(mid, q) : alongLine(q, mid).map((c) => at(c, q)).find(free);
    for (const c of rings(q, mid)) {
      if (rect) break;
      if (free(at(c, q))) rect = at(c, q);
    }
    grid.add(rect!);
    return rect!;
  });
}

/** Centres on and beside the line, nearest its middle first. */
function alongLine(q: LabelRequest, mid: Point): Point[] {
  const dx = q.to.x - q.from.x;
  const dy = q.to.y - q.from.y;
  const len = Math.hypot(dx, dy);
  const ux = len ? dx / len : 1;
  const uy = len ? dy / len : 0;
  const step = Math.max(6, len / 2 / ALONG);
  const across = q.h + 4;
  const out: { c: Point; cost: number }[] = [];
  for (let i = -ALONG; i <= ALONG; i++) {
    const d = i * step;
    if (Math.abs(d) > len / 2) continue;
    for (let j = -ACROSS; j <= ACROSS; j++) {
      const o = j * across;
      out.push({ c: { x: mid.x + ux * d - uy * o, y: mid.y + uy * d + ux * o }, cost: Math.abs(d) + 3 * Math.abs(o) });
    }
  }
  return out.sort((a, b) => a.cost - b.cost).map((x) => x.c);
}

/** Points on square rings around `mid`, each ring one label height wider, generated lazily. */
function* rings(q: LabelRequest, mid: Point): Generator<Point> {
  const step = q.h + 4;
  for (let k = 1; ; k++) {
    const r = k * step;
    const n = Math.ceil((2 * r) / Math.min(step, q.w / 2));
    for (let i = 0; i < n; i++) {
      const s = -r + (2 * r * i) / n;
      yield { x: mid.x + s, y: mid.y - r };
      yield { x: mid.x + r, y: mid.y + s };
      yield { x: mid.x - s, y: mid.y + r };
      yield { x: mid.x - r, y: mid.y - s };
    }
  }
}
