/**
 * `<sk-sign-in-offer>`: on the join page, when the server offers sign-in (`GET /api/auth`), a
 * "Sign in with <provider>" link that joins as the signed-in person (`/auth/oidc/start?invite=…`),
 * and why a sign-in came back refused (`?error=` set by the server: docs/sign-in.md). Renders
 * nothing while sign-in is off, except such an error.
 *
 * Properties: `invite` (the invite token). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { AuthStatusDto } from '../../shared/api.js';
import { SIGN_IN_ERRORS, type SignInError } from '../../shared/sign-in.js';
import { api, ApiError } from '../net/api.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';

/** The text for a refused sign-in; invite problems say what the join form would say. */
export function signInErrorText(code: SignInError): string {
  switch (code) {
    case 'org_mismatch':
      return msg('You signed in for another organisation than the one this invite is for. Sign in again and choose the right organisation, or ask the facilitator for an invite for your organisation.', { id: 'signin_err_org_mismatch' });
    case 'member_removed':
      return msg('A facilitator has removed you from this workshop, so signing in does not let you back in.', { id: 'signin_err_member_removed' });
    default:
      return errorText(new ApiError(400, code, code));
  }
}

export class SkSignInOffer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        max-width: 36rem;
      }
      .person {
        color: var(--sk-muted);
      }
    `,
  ];
  static override properties = { invite: { type: String }, status: { state: true } };
  declare invite: string;
  declare status: AuthStatusDto | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.invite = '';
    this.status = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    api.authStatus().then(
      (s) => (this.status = s),
      () => (this.status = null), // an older or unreachable server: the name form still works
    );
  }

  private error(): SignInError | null {
    const code = new URLSearchParams(location.search).get('error');
    return (SIGN_IN_ERRORS as readonly string[]).includes(code ?? '') ? (code as SignInError) : null;
  }

  override render() {
    const error = this.error();
    const alert = html`<div class="alert" role="alert">${error ? signInErrorText(error) : ''}</div>`;
    const signIn = this.status?.signIn;
    if (!signIn?.enabled) return alert;
    const person = this.status?.person;
    const label = signIn.label ?? '';
    return html`
      <section class="card" aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">${msg('Sign in', { id: 'signin_heading' })}</h2>
        ${alert}
        <p>${msg('Sign in to join as yourself: you come back as the same person on any device, and your organisation is checked against the invite.', { id: 'signin_lead' })}</p>
        ${person ? html`<p class="person">${msg(str`You are signed in as ${person.name}.`, { id: 'signin_signed_in_as' })}</p>` : nothing}
        <sl-button variant="primary" href=${`/auth/oidc/start?invite=${encodeURIComponent(this.invite)}`}>${msg(str`Sign in with ${label}`, { id: 'signin_with' })}</sl-button>
      </section>
    `;
  }
}

customElements.define('sk-sign-in-offer', SkSignInOffer);
