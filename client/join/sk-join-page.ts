/**
 * `<sk-join-page>`: join a workshop with an invite link (`/join/<token>`). Asks for the name the
 * others will see; on success the browser holds the member's session cookie and the page
 * navigates to `/w/<workshopId>` (replacing the invite URL in the history).
 *
 * Properties: `token` (the invite token from the URL).
 * Events: none (navigates through the router). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { api, ApiError } from '../app/api.js';
import { submitOnEnter } from '../app/forms.js';
import { navigate } from '../app/router.js';
import { sharedStyles } from '../app/shared.styles.js';
import { errorText, fieldErrorText } from '../app/texts.js';
import { joinStyles } from './sk-join-page.styles.js';
import './sk-sign-in-offer.js';

/** Errors after which this link will never work: offer the way out instead of retrying. */
const FINAL = new Set(['invite_unknown', 'invite_expired', 'invite_revoked', 'invite_used_up']);

export class SkJoinPage extends LitElement {
  static override styles = [sharedStyles, joinStyles];
  static override properties = {
    token: { type: String },
    name: { state: true },
    nameError: { state: true },
    alert: { state: true },
    final: { state: true },
    busy: { state: true },
  };
  declare token: string;
  declare name: string;
  declare nameError: string;
  declare alert: string;
  declare final: boolean;
  declare busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.token = '';
    this.name = '';
    this.nameError = '';
    this.alert = '';
    this.final = false;
    this.busy = false;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.alert = '';
    this.nameError = this.name.trim() === '' ? msg('Write your name.', { id: 'start_err_name' }) : '';
    if (this.nameError) return this.focusName();
    this.busy = true;
    try {
      const joined = await api.join({ inviteToken: this.token, displayName: this.name.trim() });
      navigate(`/w/${encodeURIComponent(joined.workshopId)}`, { replace: true });
    } catch (err) {
      this.busy = false;
      if (err instanceof ApiError && err.code === 'validation_failed' && err.field === 'displayName') {
        this.nameError = fieldErrorText('name');
        return this.focusName();
      }
      this.final = err instanceof ApiError && FINAL.has(err.code);
      this.alert = errorText(err);
    }
  }

  private onInput(e: InputEvent): void {
    this.name = (e.target as HTMLInputElement).value;
    this.nameError = '';
  }

  private async focusName(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  protected override updated(): void {
    document.title = `${msg('Join the workshop', { id: 'join_heading' })} – Samskap`;
  }

  override render() {
    const invalid = this.nameError !== '';
    return html`
      <h1 tabindex="-1">${msg('Join the workshop', { id: 'join_heading' })}</h1>
      <p class="lead">${msg('You have been invited to take part in a workshop in Samskap. Write your name as the others should see it.', { id: 'join_lead' })}</p>
      <sk-sign-in-offer .invite=${this.token}></sk-sign-in-offer>
      <form class="card" novalidate @submit=${this.submit} @keydown=${submitOnEnter} aria-labelledby="join-form-heading">
        <h2 id="join-form-heading">${msg('Who are you?', { id: 'join_form_heading' })}</h2>
        <div class="field">
          <label for="name">${msg('Your name', { id: 'field_your_name' })}</label>
          <input id="name" name="name" required maxlength="100" autocomplete="name" .value=${live(this.name)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'name-error name-hint' : 'name-hint'} @input=${this.onInput} />
          <p class="error" id="name-error">${this.nameError}</p>
          <p class="hint" id="name-hint">${msg('Only the members of this workshop see it.', { id: 'join_name_hint' })}</p>
        </div>
        <div class="alert" role="alert">${this.alert}</div>
        ${this.final ? html`<p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>` : nothing}
        <div class="actions">
          <sl-button variant="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? msg('Joining…', { id: 'join_submit_busy' }) : msg('Join', { id: 'join_submit' })}
          </sl-button>
        </div>
      </form>
    `;
  }
}

customElements.define('sk-join-page', SkJoinPage);
