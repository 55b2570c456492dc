/**
 * The client's side of the element-kind table (shared/board/kinds.ts): per kind, the layer that
 * draws it, what goes inside its box, where its inline editor and tooltip sit, and what the
 * pointer hits, in the spirit of tldraw's shape utils.
 */
import { html, nothing, svg } from 'lit';
import { KINDS } from '../../../shared/board/kinds.js';
import type { BoardElement, ElementKind } from '../../../shared/board/schema.js';
import type { CanvasModel } from './canvas-model.js';
import type { ElementState, Inner } from './renderers.js';
import { imageSrc } from './image-src.js';
import { kindName } from './texts.js';
import type { Point, Rect } from './viewport.js';

export interface KindView {
  /** `html`: a positioned div; `svg`: a path in the links layer. */
  readonly layer: 'html' | 'svg';
  /** What the box shows inside (html kinds). */
  readonly inner: Inner;
  /** Where the inline editor sits, given the element and its world box. */
  editorBox(e: BoardElement, box: Rect): Rect;
  /** How far above its box the "name · organisation" tooltip sits. */
  readonly tipLift: number;
}

const text: Inner = (e: BoardElement, s: ElementState) => (s.editing ? nothing : html`<div class="content">${e.text}</div>`);
const diamond: Inner = (e, s) =>
  html`<svg class="diamond" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">${svg`<polygon points="50,1.5 98.5,50 50,98.5 1.5,50" />`}</svg>${text(e, s)}`;
/** A picture with its description under it (the description is also its alternative text). */
const picture: Inner = (e, s) =>
  html`${e.image ? html`<img class="picture" src=${imageSrc(e.image)} alt=${e.label} draggable="false" />` : html`<div class="picture missing"></div>`}${s.editing || !e.label ? nothing : html`<div class="caption">${e.label}</div>`}`;
const frame: Inner = (e) => html`<div class="frame-title"><span class="badge" aria-hidden="true"></span>${e.text || kindName('frame')}</div>`;

/** The frame's title is drawn above the frame: its editor and tooltip sit there too. */
const FRAME_TITLE = 34;
const box: KindView = { layer: 'html', inner: text, editorBox: (e) => ({ x: e.x, y: e.y, w: e.w, h: e.h }), tipLift: 0 };

export const KIND_VIEWS: Readonly<Record<ElementKind, KindView>> = {
  note: box,
  text: box,
  rect: box,
  ellipse: box,
  diamond: { ...box, inner: diamond },
  frame: { ...box, inner: frame, editorBox: (e) => ({ x: e.x, y: e.y - FRAME_TITLE, w: Math.min(e.w, 360), h: 30 }), tipLift: FRAME_TITLE },
  connector: { ...box, layer: 'svg', editorBox: (_e, b) => ({ x: b.x + b.w / 2 - 100, y: b.y + b.h / 2 - 18, w: 200, h: 36 }) },
  pen: { ...box, layer: 'svg' },
  // The description is edited under the picture.
  image: { ...box, inner: picture, editorBox: (e) => ({ x: e.x, y: e.y + e.h - 40, w: e.w, h: 40 }) },
};

/** The element a connector's pointer is over: the topmost connectable one, frames last. */
export function hitTest(model: CanvasModel, p: Point): BoardElement | null {
  const hits = model.within({ x: p.x - 2, y: p.y - 2, w: 4, h: 4 }).filter((e) => KINDS[e.kind].connectable);
  return hits.filter((e) => !KINDS[e.kind].container).at(-1) ?? hits.at(-1) ?? null;
}
