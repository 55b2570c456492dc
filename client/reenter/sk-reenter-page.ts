/**
 * `<sk-reenter-page>`: opens a workshop on this device with a personal re-entry link
 * (`/reenter#<secret>`). The secret is read from the fragment and removed from the address bar at
 * once (so it stays out of history and screenshots), sent once to `POST /api/reenter`, and on
 * success the page replaces itself with `/w/<workshopId>`. A link that no longer works (renewed,
 * unused too long, the member removed) is explained, with the way to the start page.
 *
 * Properties: none. Events: none (navigates through the router). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import { api, ApiError } from '../net/api.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';

type State = { state: 'opening' } | { state: 'missing' } | { state: 'dead' } | { state: 'failed'; error: unknown };

export class SkReenterPage extends LitElement {
  static override styles = [sharedStyles];
  static override properties = { status: { state: true } };
  declare status: State;
  /** Kept in memory only, for "Try again" after a network failure. */
  private secret = '';
  /** Settles when the first attempt is done; the shell waits for it before moving focus to the h1. */
  pageReady: Promise<void> = Promise.resolve();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.status = { state: 'opening' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.secret = decodeURIComponent(location.hash.slice(1));
    // Out of the address bar (and the history entry) before anything else happens.
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
    this.pageReady = this.open();
  }

  private readonly open = async (): Promise<void> => {
    if (!this.secret) {
      this.status = { state: 'missing' };
      return;
    }
    this.status = { state: 'opening' };
    try {
      const entered = await api.reenter(this.secret);
      this.secret = '';
      navigate(`/w/${encodeURIComponent(entered.workshopId)}`, { replace: true });
    } catch (error) {
      const dead = error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'validation_failed' || error.code === 'forbidden');
      this.status = dead ? { state: 'dead' } : { state: 'failed', error };
    }
  };

  protected override updated(): void {
    document.title = `${msg('Open the workshop', { id: 'reenter_heading' })} – Samskap`;
  }

  override render() {
    const s = this.status;
    const home = html`<p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>`;
    return html`<section class="card">
      <h1 tabindex="-1">${msg('Open the workshop', { id: 'reenter_heading' })}</h1>
      ${s.state === 'opening'
        ? html`<p role="status">${msg('Opening the workshop on this device…', { id: 'reenter_opening' })}</p>`
        : s.state === 'missing'
          ? html`<div class="alert" role="alert">${msg('This link is incomplete: the part after # is missing. Copy the whole link again.', { id: 'reenter_missing' })}</div>
              ${home}`
          : s.state === 'dead'
            ? html`<div class="alert" role="alert">${msg('This link no longer works. A newer link was made (which revokes the old one), it was not used for 30 days, or you are no longer a member.', { id: 'reenter_dead' })}</div>
                <p class="hint">${msg('Open the workshop on a device where you are still signed in and make a new link under “About you”, or ask the facilitator for a new invite.', { id: 'reenter_dead_hint' })}</p>
                ${home}`
            : html`<div class="alert" role="alert">${errorText(s.error)}</div>
                <div class="actions">
                  <sl-button variant="primary" @click=${this.open}>${msg('Try again', { id: 'ws_retry' })}</sl-button>
                  <a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a>
                </div>`}
    </section>`;
  }
}

customElements.define('sk-reenter-page', SkReenterPage);
