/**
 * Two parts of the vision page (sk-vision-page.ts) that only show what they are given: the
 * "since your last visit" box and the organisations' colour legend of the snapshot views.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { SinceVisit } from './since-visit.js';
import { changesText, formatWhen, unknownAuthor } from './texts.js';
import type { VisionSession } from './vision-session.js';

/** What others changed since my last visit, with a way to see it and to mark it seen. */
export function sinceBox(since: SinceVisit | null, showing: boolean, busy: boolean, show: () => void, markSeen: () => void) {
  if (!since || since.kind !== 'changes') return nothing;
  const orgs = since.summary.byOrganisation.size;
  const when = since.at ? formatWhen(since.at) : '';
  return html`<section class="since" aria-labelledby="since-heading">
    <h2 id="since-heading">${msg('Since your last visit', { id: 'vision_since_heading' })}${when ? html` <span class="when">(${when})</span>` : nothing}</h2>
    <p>${changesText(since.summary.passages, orgs)}</p>
    ${since.compactedAt
      ? html`<p class="hint">${msg(str`The history was compacted ${formatWhen(since.compactedAt)}: text removed before then may not show.`, { id: 'vision_since_compacted' })}</p>`
      : nothing}
    <div class="actions">
      ${showing ? nothing : html`<sl-button variant="primary" @click=${show}>${msg('Show the changes', { id: 'vision_since_show' })}</sl-button>`}
      <sl-button ?disabled=${busy} @click=${markSeen}>${msg('Mark as seen', { id: 'vision_since_mark' })}</sl-button>
    </div>
  </section>`;
}

/** The organisations' colours (and the unknown writer's), as the snapshot views mark text. */
export function legend(s: VisionSession) {
  return html`<ul class="legend" aria-label=${msg('Colours of the organisations', { id: 'vision_legend' })}>
    ${s.organisations.map((o) => html`<li><span class="swatch" style="background:${s.colorOf(o.id).soft};border-color:${s.colorOf(o.id).strong}" aria-hidden="true"></span>${o.name}</li>`)}
    <li><span class="swatch" style="background:${s.colorOf(null).soft};border-color:${s.colorOf(null).strong}" aria-hidden="true"></span>${unknownAuthor()}</li>
  </ul>`;
}
