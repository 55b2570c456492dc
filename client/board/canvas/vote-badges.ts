/**
 * Dot-vote badges on the canvas: a round marker sitting on the top edge of each element that has
 * dots (my own during a round, everyone's once it is closed). Decoration only: the vote panel
 * beside the board says the same in words, so the badges are hidden from screen readers. A badge
 * stands above the element's top-right corner (its bottom on the top edge, at every zoom), so it
 * never covers the element's text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CanvasModel } from './canvas-model.js';

/** elementId → dots to show. */
export type VoteBadges = ReadonlyMap<string, number>;

export function renderVoteBadges(model: CanvasModel, badges: VoteBadges | null): TemplateResult | typeof nothing {
  if (!badges || badges.size === 0) return nothing;
  const out: TemplateResult[] = [];
  for (const [id, n] of badges) {
    const e = model.get(id);
    if (!e || n <= 0) continue;
    const b = model.boxOf(e);
    out.push(html`<div class="vote-badge" aria-hidden="true" style="left:${b.x + b.w}px;top:${b.y}px;z-index:${model.elements.size + 5}">${n}</div>`);
  }
  return html`${out}`;
}
