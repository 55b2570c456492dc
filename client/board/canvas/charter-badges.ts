/**
 * Charter badges on the canvas (issue #17): a small "in the charter" tag on each note that has
 * gone to the charter (`charter.import`), so a workshop sees what it has already carried over.
 * It stands outside the element, its top-left on the element's bottom-left corner, clear of the
 * comment (top-left) and dot-vote (top-right) badges. Hidden from screen readers: the outline and
 * the element's description say it in words.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { CanvasModel } from './canvas-model.js';

/** Ids of the elements that are in the charter. */
export type CharterBadges = ReadonlySet<string>;

export function renderCharterBadges(model: CanvasModel, badges: CharterBadges | null): TemplateResult | typeof nothing {
  if (!badges || badges.size === 0) return nothing;
  const label = msg('In the charter', { id: 'canvas_in_charter' });
  const out: TemplateResult[] = [];
  for (const id of badges) {
    const e = model.get(id);
    if (!e) continue;
    const b = model.boxOf(e);
    out.push(html`<div class="charter-badge" aria-hidden="true" data-charter=${id} style="left:${b.x}px;top:${b.y + b.h}px;z-index:${model.elements.size + 5}">✓ ${label}</div>`);
  }
  return html`${out}`;
}
