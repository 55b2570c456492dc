/**
 * `<sk-sign-in-status>`: on the start page, when the server offers sign-in (`GET /api/auth`): who is
 * signed in, with "Sign out" (`POST /auth/logout`), or "Sign in with <provider>" to see one's
 * workshops on any device. Renders nothing while sign-in is off.
 *
 * Properties: none. Events: `sk-signed-out` (bubbles: the workshops list fetches again).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { AuthStatusDto } from '../../shared/api.js';
import { api } from '../net/api.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { emitter } from '../ui/events.js';

export interface SkSignInStatusEvents {
  'sk-signed-out': null;
}

export class SkSignInStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
    `,
  ];
  static override properties = { status: { state: true }, busy: { state: true }, problem: { state: true } };
  declare status: AuthStatusDto | null;
  declare busy: boolean;
  declare problem: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.status = null;
    this.busy = false;
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  private async fetch(): Promise<void> {
    try {
      this.status = await api.authStatus();
    } catch {
      this.status = null; // an older or unreachable server: the page works without it
    }
  }

  private readonly emit = emitter<SkSignInStatusEvents>(this);

  private async signOut(): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      await api.signOutPerson();
      await this.fetch();
      this.emit('sk-signed-out');
    } catch (err) {
      this.problem = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.status;
    if (!s?.signIn.enabled) return nothing;
    const label = s.signIn.label ?? 'OpenID Connect';
    return html`<div class="bar">
      ${s.person
        ? html`<span>${msg(str`Signed in as ${s.person.name}`, { id: 'signin_as' })}</span>
            <sl-button size="small" ?disabled=${this.busy} @click=${this.signOut}>${msg('Sign out', { id: 'signin_out' })}</sl-button>`
        : html`<sl-button size="small" href="/auth/oidc/start">${msg(str`Sign in with ${label}`, { id: 'signin_with' })}</sl-button>
            <span class="hint">${msg('Signed in, you find your workshops on any device.', { id: 'signin_why' })}</span>`}
      <span role="alert" class="error">${this.problem}</span>
    </div>`;
  }
}

customElements.define('sk-sign-in-status', SkSignInStatus);
