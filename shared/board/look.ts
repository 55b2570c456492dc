/**
 * How the board looks, shared by the canvas and the server's SVG/PNG export: the palette's fill
 * (dark text on it ≥ 7:1) and stroke (≥ 3:1 on white) colours, and where a connector meets the
 * outlines of the elements it joins.
 */
import { getStroke } from 'perfect-freehand';
import { KINDS } from './kinds.js';
import type { BoardElement, PaletteColor } from './schema.js';

export const FILL: Record<PaletteColor, string> = {
  yellow: '#fff1a8',
  orange: '#ffdcbc',
  pink: '#fbd7e3',
  purple: '#e6dcfa',
  blue: '#d6e6fa',
  teal: '#cdefea',
  green: '#d8f0cf',
  grey: '#e4e8ec',
  white: '#ffffff',
};

export const STROKE: Record<PaletteColor, string> = {
  yellow: '#8a6d00',
  orange: '#b45309',
  pink: '#be185d',
  purple: '#7e22ce',
  blue: '#1d4ed8',
  teal: '#0f766e',
  green: '#15803d',
  grey: '#4b5563',
  white: '#6b7785',
};

interface Point {
  x: number;
  y: number;
}

const center = (r: { x: number; y: number; w: number; h: number }): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** Where the ray from the centre of `e` towards `toward` leaves its outline. */
export function borderPoint(e: BoardElement, toward: Point): Point {
  const c = center(e);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = e.w / 2;
  const hh = e.h / 2;
  let t: number;
  const outline = KINDS[e.kind].outline;
  if (outline === 'ellipse') t = 1 / Math.sqrt((dx * dx) / (hw * hw) + (dy * dy) / (hh * hh));
  else if (outline === 'diamond') t = 1 / (Math.abs(dx) / hw + Math.abs(dy) / hh);
  else t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: c.x + dx * Math.min(t, 1), y: c.y + dy * Math.min(t, 1) };
}

/** The visible segment of a connector between two elements, clipped to both outlines. */
export function connectorSegment(from: BoardElement, to: BoardElement): [Point, Point] {
  return [borderPoint(from, center(to)), borderPoint(to, center(from))];
}

/** The filled outline of a pen stroke (perfect-freehand) as SVG path data, in world coordinates. */
export function penOutline(e: Pick<BoardElement, 'x' | 'y' | 'points'>): string {
  const pts: number[][] = [];
  for (let i = 0; i + 1 < e.points.length; i += 2) pts.push([e.x + e.points[i]!, e.y + e.points[i + 1]!]);
  const outline = getStroke(pts, { size: 5, thinning: 0.5, smoothing: 0.5, streamline: 0.5 });
  return outline.length ? `M${outline.map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`).join('L')}Z` : '';
}
