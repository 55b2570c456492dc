/**
 * Connectors (an arrow between two elements' outlines, following them when they move, with an
 * optional label) and pen strokes (perfect-freehand outlines), drawn in the canvas's SVG layer.
 */
import { nothing, svg, type TemplateResult } from 'lit';
import type { BoardElement, PaletteColor } from '../../../shared/board/schema.js';
import { connectorSegment, penOutline } from '../../../shared/board/look.js';
import { STROKE } from './palette.js';
import type { ElementState } from './renderers.js';
import type { Point } from './viewport.js';

const penPaths = new WeakMap<BoardElement, string>();

/** The filled outline of a pen stroke as an SVG path, in world coordinates. */
export function penPath(e: BoardElement): string {
  const cached = penPaths.get(e);
  if (cached !== undefined) return cached;
  const d = penOutline(e);
  penPaths.set(e, d);
  return d;
}

const arrowHead = (a: Point, b: Point, size = 12) => {
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  const p = (d: number) => `${b.x - size * Math.cos(ang + d)},${b.y - size * Math.sin(ang + d)}`;
  return `M${b.x},${b.y}L${p(0.45)}L${p(-0.45)}Z`;
};

const attrs = (s: ElementState) =>
  `conn${s.selected ? ' selected' : ''}${s.dim ? ' dim' : ''}${s.emphasis ? ' emphasis' : ''}${s.remote ? ' remote' : ''}`;

export function renderConnector(e: BoardElement, from: BoardElement | undefined, to: BoardElement | undefined, s: ElementState): TemplateResult | typeof nothing {
  if (!from || !to) return nothing;
  const [a, b] = connectorSegment(from, to);
  const stroke = STROKE[e.color as PaletteColor];
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return svg`<g class=${attrs(s)} data-id=${e.id} role="group" tabindex=${s.tabStop ? 0 : -1} aria-label=${s.label} style="--stroke:${stroke};--remote:${s.remote ?? 'transparent'}">
    <path class="hit" d="M${a.x},${a.y}L${b.x},${b.y}" />
    <path class="line" d="M${a.x},${a.y}L${b.x},${b.y}" />
    <path class="head" d=${arrowHead(a, b)} />
    ${e.label && !s.editing ? svg`<text class="label" x=${mid.x} y=${mid.y} text-anchor="middle" dominant-baseline="central">${e.label}</text>` : nothing}
  </g>`;
}

export function renderPen(e: BoardElement, s: ElementState): TemplateResult {
  return svg`<g class=${`pen ${attrs(s)}`} data-id=${e.id} role="group" tabindex=${s.tabStop ? 0 : -1} aria-label=${s.label} style="--stroke:${STROKE[e.color as PaletteColor]};--remote:${s.remote ?? 'transparent'}">
    <rect class="pen-box" x=${e.x - 4} y=${e.y - 4} width=${e.w + 8} height=${e.h + 8} rx="6" />
    <path class="ink" d=${penPath(e)} />
  </g>`;
}

/** A live preview of a stroke being drawn. */
export const previewPen = (pts: Point[]) =>
  svg`<path class="ink preview" d=${penPath({ x: 0, y: 0, points: pts.flatMap((p) => [p.x, p.y]) } as BoardElement)} />`;
