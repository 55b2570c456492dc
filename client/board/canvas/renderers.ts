/**
 * One renderer per element kind. Boxes (notes, text, shapes, frames) are absolutely positioned
 * divs in world coordinates; connectors and pen strokes are SVG (see svg-renderers.ts). Text is
 * always a Lit text binding, never markup, so whatever a writer put in the document stays inert.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { BoardElement, ElementKind, PaletteColor } from '../../../shared/board/schema.js';
import { FILL, STROKE } from './palette.js';
import { kindName } from './texts.js';

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
  label: string;
}

type Inner = (e: BoardElement, s: ElementState) => TemplateResult | typeof nothing;

const text: Inner = (e, s) => (s.editing ? nothing : html`<div class="text">${e.text}</div>`);
const diamond: Inner = (e, s) =>
  html`<svg class="diamond" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">${svg`<polygon points="50,1.5 98.5,50 50,98.5 1.5,50" />`}</svg>${text(e, s)}`;
const frame: Inner = (e) => html`<div class="frame-title"><span class="badge" aria-hidden="true"></span>${e.text || kindName('frame')}</div>`;

const INNER: Partial<Record<ElementKind, Inner>> = { note: text, text, rect: text, ellipse: text, diamond, frame };

export function renderBox(e: BoardElement, s: ElementState): TemplateResult {
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
  const cls = `el ${e.kind}${s.selected ? ' selected' : ''}${s.dim ? ' dim' : ''}${s.emphasis ? ' emphasis' : ''}${s.remote ? ' remote' : ''}`;
  return html`<div
    class=${cls}
    data-id=${e.id}
    role="group"
    tabindex=${s.tabStop ? 0 : -1}
    aria-label=${s.label}
    aria-describedby=${s.tip ? 'sk-tip' : nothing}
    style=${styleMap(style)}
  >
    ${(INNER[e.kind] ?? text)(e, s)}
    ${s.handles ? html`<div class="handle" data-handle="se" aria-hidden="true"></div>` : nothing}
  </div>`;
}
