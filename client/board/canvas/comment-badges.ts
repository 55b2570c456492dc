/**
 * Comment badges on the canvas: a small speech bubble with the number of comments in an element's
 * open threads. Decoration only (the comments panel and the outline say it in words), so hidden
 * from screen readers. A badge stands outside the element, its bottom-right on the element's
 * top-left corner (at every zoom), so it never covers the element's text, and never meets a
 * dot-vote badge (vote-badges.ts), which stands on the top-right corner.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { CanvasModel } from './canvas-model.js';

/** elementId → comments in its open threads. */
export type CommentBadges = ReadonlyMap<string, number>;

const bubble = svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M2 2h12v9H7l-3 3v-3H2z" fill="currentColor"/></svg>`;

export function renderCommentBadges(model: CanvasModel, badges: CommentBadges | null): TemplateResult | typeof nothing {
  if (!badges || badges.size === 0) return nothing;
  const out: TemplateResult[] = [];
  for (const [id, n] of badges) {
    const e = model.get(id);
    if (!e || n <= 0) continue;
    const b = model.boxOf(e);
    out.push(html`<div class="comment-badge" aria-hidden="true" data-comments=${id} style="left:${b.x}px;top:${b.y}px;z-index:${model.elements.size + 5}">${bubble}${n}</div>`);
  }
  return html`${out}`;
}
