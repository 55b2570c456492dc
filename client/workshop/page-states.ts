/**
 * What the workshop page shows before (or instead of) a workshop: loading, no access, removed,
 * failed to load; and the document title for each. The page itself renders the workshop.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { errorText } from '../ui/texts.js';

export type Load = { state: 'loading' } | { state: 'ready'; workshop: WorkshopDto } | { state: 'denied' } | { state: 'removed' } | { state: 'failed'; error: unknown };

/** The page for every state but `ready`; `retry` loads again after a failure. */
export function renderNotReady(l: Exclude<Load, { state: 'ready' }>, retry: () => void): TemplateResult {
  switch (l.state) {
    case 'loading':
      return html`<p role="status" class="loading">${msg('Loading the workshop…', { id: 'ws_loading' })}</p>`;
    case 'denied':
      return html`<section class="card">
        <h1 tabindex="-1">${msg('No access', { id: 'ws_denied_title' })}</h1>
        <p>${msg('You are not a member of this workshop (or it was deleted).', { id: 'err_not_member' })}</p>
        <p class="hint">${msg('To take part, open the invite link you were given in this browser.', { id: 'ws_denied_hint' })}</p>
        <p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>
      </section>`;
    case 'removed':
      return html`<section class="card">
        <h1 tabindex="-1">${msg('No longer a member', { id: 'ws_removed_title' })}</h1>
        <p role="alert">${msg('You are no longer a member of this workshop. A facilitator has removed you; what you contributed stays, under your name.', { id: 'ws_removed_text' })}</p>
        <p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>
      </section>`;
    case 'failed':
      return html`<section class="card">
        <h1 tabindex="-1">${msg('Workshop', { id: 'ws_heading_generic' })}</h1>
        <div class="alert" role="alert">${errorText(l.error)}</div>
        <sl-button @click=${retry}>${msg('Try again', { id: 'ws_retry' })}</sl-button>
      </section>`;
  }
}

/** The document title's first part for the state. */
export function pageHeading(l: Load): string {
  if (l.state === 'ready') return l.workshop.title;
  if (l.state === 'loading') return msg('Workshop', { id: 'ws_heading_generic' });
  return l.state === 'removed' ? msg('No longer a member', { id: 'ws_removed_title' }) : msg('No access', { id: 'ws_denied_title' });
}
