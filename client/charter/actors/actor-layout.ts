/**
 * Geometry of the actor diagram, pure: where each actor's node sits (its stored x/y, or a place
 * on a ring for actors nobody has placed yet, so that every arrow between them runs clear of
 * the other nodes; a place a stored node covers is skipped), how big the
 * drawing is, and where an arrow between two nodes starts and ends (on the boxes' edges, with
 * parallel relations between the same pair bent apart).
 */
import type { Actor, Relation } from '../../../shared/charter/schema.js';
import { placeLabels, type Rect } from '../../../shared/diagram/label-place.js';

export const NODE_W = 190;
export const NODE_H = 72;
export const MARGIN = 24;
/** Room around the ring for edge labels. */
const RING_GAP = 60;

export interface Pos {
  x: number;
  y: number;
}

const overlaps = (a: Pos, b: Pos) => Math.abs(a.x - b.x) < NODE_W + 8 && Math.abs(a.y - b.y) < NODE_H + 8;

/** The n places of a ring (an ellipse, wider than high, like the nodes), clockwise from the top. */
export function ring(n: number): Pos[] {
  if (n === 1) return [{ x: MARGIN, y: MARGIN }];
  // Big enough that neighbours on the ring do not touch.
  const rx = Math.max(NODE_W + RING_GAP, (n * (NODE_W + RING_GAP)) / (2 * Math.PI));
  const ry = Math.max(NODE_H * 2, (n * (NODE_H + RING_GAP)) / (2 * Math.PI));
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: Math.round(MARGIN + rx + rx * Math.cos(a)), y: Math.round(MARGIN + ry + ry * Math.sin(a)) };
  });
}

/** actorId → top-left corner of its node. */
export function layoutActors(actors: readonly Actor[]): Map<string, Pos> {
  const out = new Map<string, Pos>();
  const placed: Pos[] = [];
  for (const a of actors) {
    if (a.x !== null && a.y !== null) {
      out.set(a.id, { x: a.x, y: a.y });
      placed.push({ x: a.x, y: a.y });
    }
  }
  const free = actors.filter((a) => !out.has(a.id));
  const slots = ring(free.length);
  for (const [i, a] of free.entries()) {
    let p = slots[i]!;
    // A stored node sits there: step down below it until the place is free.
    while (placed.some((q) => overlaps(p, q))) p = { x: p.x, y: p.y + NODE_H + 16 };
    out.set(a.id, p);
    placed.push(p);
  }
  return out;
}

/** The drawing's extent: from the origin (or further up-left) to past the last node. */
export function extent(positions: Iterable<Pos>): { x: number; y: number; w: number; h: number } {
  let x0 = 0;
  let y0 = 0;
  let x1 = NODE_W + 2 * MARGIN;
  let y1 = NODE_H + 2 * MARGIN;
  for (const p of positions) {
    x0 = Math.min(x0, p.x - MARGIN);
    y0 = Math.min(y0, p.y - MARGIN);
    x1 = Math.max(x1, p.x + NODE_W + MARGIN);
    y1 = Math.max(y1, p.y + NODE_H + MARGIN);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Where the ray from a box's centre towards `toward` leaves the box. */
export function edgePoint(box: Pos, toward: Pos): Pos {
  const cx = box.x + NODE_W / 2;
  const cy = box.y + NODE_H / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx), dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy));
  return { x: cx + dx * t, y: cy + dy * t };
}

export interface Arrow {
  id: string;
  /** SVG path: a line, or a quadratic curve when several relations join the same pair. */
  d: string;
  label: Pos;
  /** The line the label belongs on: the arrow's ends, moved out with a curve. */
  from: Pos;
  to: Pos;
}

/** One arrow per relation between laid-out nodes. */
export function arrows(relations: readonly Relation[], positions: ReadonlyMap<string, Pos>): Arrow[] {
  const seen = new Map<string, number>();
  const out: Arrow[] = [];
  for (const r of relations) {
    const a = positions.get(r.from);
    const b = positions.get(r.to);
    if (!a || !b || r.from === r.to) continue;
    const pair = [r.from, r.to].sort().join('|');
    const k = seen.get(pair) ?? 0;
    seen.set(pair, k + 1);
    const ca = { x: a.x + NODE_W / 2, y: a.y + NODE_H / 2 };
    const cb = { x: b.x + NODE_W / 2, y: b.y + NODE_H / 2 };
    // 0, +1, −1, +2, … times 28 px sideways; the sign follows the pair's fixed order so A→B and B→A part.
    const side = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 28 * (r.from < r.to ? 1 : -1);
    const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
    const nx = -(cb.y - ca.y) / len;
    const ny = (cb.x - ca.x) / len;
    const ctrl = { x: (ca.x + cb.x) / 2 + nx * side * 2, y: (ca.y + cb.y) / 2 + ny * side * 2 };
    const start = edgePoint(a, side ? ctrl : cb);
    const end = edgePoint(b, side ? ctrl : ca);
    const label = { x: (ca.x + cb.x) / 2 + nx * side, y: (ca.y + cb.y) / 2 + ny * side };
    const f = (n: number) => Math.round(n * 10) / 10;
    const d = side ? `M${f(start.x)},${f(start.y)} Q${f(ctrl.x)},${f(ctrl.y)} ${f(end.x)},${f(end.y)}` : `M${f(start.x)},${f(start.y)} L${f(end.x)},${f(end.y)}`;
    const out2 = { x: nx * side, y: ny * side };
    out.push({ id: r.id, d, label, from: { x: start.x + out2.x, y: start.y + out2.y }, to: { x: end.x + out2.x, y: end.y + out2.y } });
  }
  return out;
}

/**
 * Where each arrow's label goes: on its line, as near the middle as it can, never on an actor's
 * box nor on another label (the export's rule, shared/diagram/label-place.ts). `measure` gives a
 * label's width in px as the diagram draws it.
 */
export function labelBoxes(lines: readonly Arrow[], positions: ReadonlyMap<string, Pos>, text: (id: string) => string, measure: (s: string) => number): Rect[] {
  const boxes: Rect[] = [...positions.values()].map((p) => ({ x: p.x, y: p.y, w: NODE_W, h: NODE_H }));
  return placeLabels(boxes, lines.map((l) => ({ w: Math.ceil(measure(text(l.id))) + 8, h: 18, from: l.from, to: l.to })), 3);
}
