/**
 * How an element is drawn. Boxes (notes, text, shapes, frames) are absolutely positioned
 * divs in world coordinates; connectors and pen strokes are SVG (see svg-renderers.ts). Text is
 * always a Lit text binding, never markup, so whatever a writer put in the document stays inert.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { BoardElement, PaletteColor } from '../../../shared/board/schema.js';
import { FILL, STROKE } from './palette.js';

export interface ElementState {
  selected: boolean;
  /** The element Tab lands on (roving tabindex). */
  tabStop: boolean;
  dim: boolean;
  emphasis: boolean;
  /** Colour of another participant who has it selected. */
  remote: string | null;
  org: string;
  rank: number;
  handles: boolean;
  editing: boolean;
  /** Shows the "name · organisation" tooltip (hovered or focused). */
  tip: boolean;
  /** The target chosen while connecting by keyboard (connect-mode.ts). */
  target: boolean;
  label: string;
}

/** What a box shows inside, per kind (kind-views.ts). */
export type Inner = (e: BoardElement, s: ElementState) => TemplateResult | typeof nothing;

export function renderBox(e: BoardElement, s: ElementState, inner: Inner): TemplateResult {
  const color = e.color as PaletteColor;
  const style = {
    left: `${e.x}px`,
    top: `${e.y}px`,
    width: `${e.w}px`,
    height: `${e.h}px`,
    zIndex: String(s.rank),
    '--fill': FILL[color],
    '--stroke': STROKE[color],
    '--org': s.org,
    '--remote': s.remote ?? 'transparent',
  };
  const cls = `el ${e.kind}${s.selected ? ' selected' : ''}${s.dim ? ' dim' : ''}${s.emphasis ? ' emphasis' : ''}${s.remote ? ' remote' : ''}${s.target ? ' connect-target' : ''}`;
  return html`<div
    class=${cls}
    data-id=${e.id}
    role="group"
    tabindex=${s.tabStop ? 0 : -1}
    aria-label=${s.label}
    aria-describedby=${s.tip ? 'sk-tip' : nothing}
    style=${styleMap(style)}
  >
    ${inner(e, s)}
    ${s.handles ? html`<div class="handle" data-handle="se" aria-hidden="true"></div>` : nothing}
  </div>`;
}
