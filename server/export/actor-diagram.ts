/**
 * The actor map as a picture for the DOCX and PDF exports: actors as boxes (placed where people
 * put them in the app; those never placed go on a circle), relations as labelled arrows. Made as
 * SVG and rasterised with the same fonts as board exports.
 *
 * A relation's label is never hidden by an actor: it sits on its arrow where no box (nor another
 * label, nor an arrowhead) is, else beside it (shared/diagram/label-place.ts), measured with the font it is drawn in, on a white
 * tag drawn after every box. Arrows and the dashed leader of a label set apart from its arrow are
 * drawn before the boxes, so a box may hide part of a line but never a label.
 */
import type { Actor, Relation } from '../../shared/charter/schema.js';
import { escapeXml, wrapText } from './board-svg.js';
import { FONT_FAMILY } from './fonts.js';
import { placeLabels, type Point, type Rect } from '../../shared/diagram/label-place.js';
import { oneLine } from './plain-text.js';
import { ASCENT, DESCENT, textWidth } from './text-width.js';

const W = 180;
const H = 64;
const PAD = 40;
const LABEL_SIZE = 13;
const LABEL_PAD_X = 6;
const LABEL_PAD_Y = 3;
/** Clear space between a label and any box or other label. */
const LABEL_GAP = 4;
const LABEL_MAX_CHARS = 40;
const HEAD = 12;
const KIND_FILL: Record<string, string> = {
  state_agency: '#dbeafe',
  municipality: '#d1fae5',
  ministry: '#e0e7ff',
  company: '#fef3c7',
  ngo: '#fce7f3',
  end_user_group: '#ffedd5',
};

export interface ActorDiagramLayout {
  boxes: (Rect & { actor: Actor })[];
  /** One per drawn relation: the arrow from box edge to box edge, and its label's tag. */
  edges: { from: Point; to: Point; label: Rect & { text: string } }[];
  /** The picture's extent (its viewBox). */
  view: Rect;
}

/** Where the ray from `p` (inside `box`) towards `toward` leaves the box. */
function exitPoint(box: Rect, p: Point, toward: Point): Point {
  const dx = toward.x - p.x;
  const dy = toward.y - p.y;
  const tx = dx > 0 ? (box.x + box.w - p.x) / dx : dx < 0 ? (box.x - p.x) / dx : Infinity;
  const ty = dy > 0 ? (box.y + box.h - p.y) / dy : dy < 0 ? (box.y - p.y) / dy : Infinity;
  const t = Math.max(0, Math.min(tx, ty, 1));
  return { x: p.x + dx * t, y: p.y + dy * t };
}

/** Parallel arrows between the same two actors (either way) run this far apart, at most. */
const PARALLEL_GAP = 16;

export function layoutActorDiagram(actors: Actor[], relations: Relation[], relationName: (kind: string) => string): ActorDiagramLayout | null {
  if (!actors.length) return null;
  const r = Math.max(160, (actors.length * (W + 40)) / (2 * Math.PI));
  const boxes = actors.map((a, i) => {
    const angle = (2 * Math.PI * i) / actors.length - Math.PI / 2;
    const placed = a.x !== null && a.y !== null;
    return { actor: a, x: placed ? a.x! : r + r * Math.cos(angle), y: placed ? a.y! : r + r * Math.sin(angle), w: W, h: H };
  });
  const byId = new Map(boxes.map((b) => [b.actor.id, b]));
  const centre = (b: Rect) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
  const drawn = relations.filter((rel) => byId.has(rel.from) && byId.has(rel.to) && rel.from !== rel.to);
  const pairOf = (rel: Relation) => (rel.from < rel.to ? `${rel.from}\n${rel.to}` : `${rel.to}\n${rel.from}`);
  const perPair = new Map<string, number>();
  for (const rel of drawn) perPair.set(pairOf(rel), (perPair.get(pairOf(rel)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const lines = drawn.map((rel) => {
    const a = byId.get(rel.from)!;
    const b = byId.get(rel.to)!;
    // The k-th of n arrows between one pair is shifted sideways, across the pair's own direction
    // (the same for A→B and B→A), so opposite relations do not share one line; shifts stay
    // inside the boxes.
    const pair = pairOf(rel);
    const n = perPair.get(pair)!;
    const k = seen.get(pair) ?? 0;
    seen.set(pair, k + 1);
    const [p, q] = rel.from < rel.to ? [centre(a), centre(b)] : [centre(b), centre(a)];
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const off = (k - (n - 1) / 2) * Math.min(PARALLEL_GAP, (H - 16) / Math.max(1, n - 1));
    const shift = (c: Point) => ({ x: c.x - ((q.y - p.y) / len) * off, y: c.y + ((q.x - p.x) / len) * off });
    const [ca, cb] = [shift(centre(a)), shift(centre(b))];
    const name = oneLine(relationName(rel.kind));
    const text = name.length > LABEL_MAX_CHARS ? `${name.slice(0, LABEL_MAX_CHARS - 1)}…` : name;
    return { from: exitPoint(a, ca, cb), to: exitPoint(b, cb, ca), text };
  });
  // Arrowheads (12 px long) say which way a relation goes: no label may cover one either.
  const heads = lines.map((l) => ({ x: l.to.x - HEAD, y: l.to.y - HEAD, w: 2 * HEAD, h: 2 * HEAD }));
  const tags = placeLabels(
    [...boxes, ...heads],
    lines.map((l) => ({ from: l.from, to: l.to, w: textWidth(l.text, LABEL_SIZE) + 2 * LABEL_PAD_X, h: (ASCENT + DESCENT) * LABEL_SIZE + 2 * LABEL_PAD_Y })),
    LABEL_GAP,
  );
  const edges = lines.map((l, i) => ({ from: l.from, to: l.to, label: { ...tags[i]!, text: l.text } }));
  const all: Rect[] = [...boxes, ...tags];
  // Whole pixels, rounded outwards.
  const minX = Math.floor(Math.min(...all.map((b) => b.x)) - PAD);
  const minY = Math.floor(Math.min(...all.map((b) => b.y)) - PAD);
  const view = { x: minX, y: minY, w: Math.ceil(Math.max(...all.map((b) => b.x + b.w)) + PAD - minX), h: Math.ceil(Math.max(...all.map((b) => b.y + b.h)) + PAD - minY) };
  return { boxes, edges, view };
}

const f = (n: number) => n.toFixed(1);
/** SVG attributes from an object, numbers to one decimal. */
const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => `${k}="${typeof v === 'number' ? f(v) : v}"`).join(' ');

/** Distance from `p` to the segment `a`–`b`, and the segment's point nearest it. */
function nearest(p: Point, a: Point, b: Point): { d: number; at: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = dx || dy ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy))) : 0;
  const at = { x: a.x + t * dx, y: a.y + t * dy };
  return { d: Math.hypot(p.x - at.x, p.y - at.y), at };
}

function arrow(e: ActorDiagramLayout['edges'][number]): string {
  const { from: a, to: end, label } = e;
  const ang = Math.atan2(end.y - a.y, end.x - a.x);
  const head = (d: number) => `${f(end.x - HEAD * Math.cos(ang + d))},${f(end.y - HEAD * Math.sin(ang + d))}`;
  const c = { x: label.x + label.w / 2, y: label.y + label.h / 2 };
  const near = nearest(c, a, end);
  // A label set apart from its arrow is tied to it by a dashed leader.
  const leader = near.d > label.h ? `<line ${attrs({ x1: near.at.x, y1: near.at.y, x2: c.x, y2: c.y, stroke: '#9ca3af', 'stroke-width': 1, 'stroke-dasharray': '3 3' })}/>` : '';
  const line = `<line ${attrs({ x1: a.x, y1: a.y, x2: end.x, y2: end.y, stroke: '#4b5563', 'stroke-width': 2 })}/>`;
  return `<g data-kind="relation">${line}<path d="M${f(end.x)},${f(end.y)}L${head(0.45)}L${head(-0.45)}Z" fill="#4b5563"/>${leader}</g>`;
}

function tag(label: ActorDiagramLayout['edges'][number]['label']): string {
  const box = attrs({ x: label.x, y: label.y, width: label.w, height: label.h, rx: 4, fill: '#ffffff', stroke: '#d1d5db', 'stroke-width': 1 });
  const text = attrs({ x: label.x + label.w / 2, y: label.y + LABEL_PAD_Y + ASCENT * LABEL_SIZE, 'font-size': LABEL_SIZE, 'text-anchor': 'middle', fill: '#1f2937' });
  return `<g data-kind="relation-label"><rect ${box}/><text ${text}>${escapeXml(label.text)}</text></g>`;
}

function node(b: ActorDiagramLayout['boxes'][number]): string {
  const lines = wrapText(b.actor.name, W - 16, 15, 2).map((l, i) => `<tspan x="${f(b.x + W / 2)}" dy="${i === 0 ? 0 : 18}">${escapeXml(l)}</tspan>`).join('');
  const box = attrs({ x: b.x, y: b.y, width: W, height: H, rx: 10, fill: KIND_FILL[b.actor.kind] ?? '#f3f4f6', stroke: '#374151', 'stroke-width': 1.5 });
  const text = attrs({ x: b.x + W / 2, y: b.y + 27, 'font-size': 15, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#111827' });
  return `<g data-kind="actor"><rect ${box}/><text ${text}>${lines}</text></g>`;
}

export function actorDiagramSvg(actors: Actor[], relations: Relation[], relationName: (kind: string) => string): { svg: string; width: number; height: number } | null {
  const layout = layoutActorDiagram(actors, relations, relationName);
  if (!layout) return null;
  const { x, y, w, h } = layout.view;
  // Paint order: arrows, then boxes, then every label on top.
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="${FONT_FAMILY}, sans-serif">
<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>
${layout.edges.map(arrow).join('\n')}
${layout.boxes.map(node).join('\n')}
${layout.edges.map((e) => tag(e.label)).join('\n')}
</svg>
`;
  return { svg, width: w, height: h };
}
