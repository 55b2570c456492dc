/**
 * `<sk-join-page>`: join a workshop with an invite link (`/join/<token>`). First asks the server
 * what the link joins (`GET /api/join/:token`) and says so (workshop, role, organisation); a link
 * that will never work (unknown, expired, revoked, used up) is explained instead of the form, with
 * the way to the start page. A browser that is already this link's member goes straight to the
 * workshop (the preview says `you`). Then asks for the name the others will see; on success the browser
 * holds the member's session cookie and the page navigates to `/w/<workshopId>` (replacing the
 * invite URL in the history). When the preview cannot be fetched (offline), the form is shown
 * anyway and joining reports what goes wrong.
 *
 * Layout: the heading, then `.what` (what the link joins), then the ways in: today the name form;
 * other ways (e.g. signing in) go beside it in `.ways`.
 *
 * Properties: `token` (the invite token from the URL).
 * Events: none (navigates through the router). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InvitePreviewDto } from '../../shared/api.js';
import { api, ApiError } from '../net/api.js';
import { submitOnEnter } from '../ui/forms.js';
import { appLocale, formatLocales, hasChosenLocale, setAppLocale } from '../ui/i18n.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText, fieldErrorText, roleName } from '../ui/texts.js';
import { joinStyles } from './sk-join-page.styles.js';
import './sk-sign-in-offer.js';

/** Errors after which this link will never work: offer the way out instead of retrying. */
const FINAL = new Set(['invite_unknown', 'invite_expired', 'invite_revoked', 'invite_used_up']);

/** `unknown`: the preview could not be fetched (offline); the form is shown anyway. */
type Preview = { state: 'loading' } | { state: 'ready'; invite: InvitePreviewDto } | { state: 'unknown' };

export class SkJoinPage extends LitElement {
  static override styles = [sharedStyles, joinStyles];
  static override properties = {
    token: { type: String },
    name: { state: true },
    nameError: { state: true },
    alert: { state: true },
    final: { state: true },
    busy: { state: true },
    preview: { state: true },
  };
  declare token: string;
  declare name: string;
  declare nameError: string;
  declare alert: string;
  declare final: boolean;
  declare busy: boolean;
  declare preview: Preview;
  /** Settles when the preview is known; the shell waits for it before moving focus to the h1. */
  pageReady: Promise<void> = Promise.resolve();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.token = '';
    this.name = '';
    this.nameError = '';
    this.alert = '';
    this.final = false;
    this.busy = false;
    this.preview = { state: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) this.pageReady = this.loadPreview();
  }

  private async loadPreview(): Promise<void> {
    const token = this.token;
    this.preview = { state: 'loading' };
    this.final = false;
    this.alert = '';
    try {
      const invite = await api.invitePreview(token);
      if (token !== this.token) return;
      // This browser is already this link's member: straight in, as themselves (never a second member).
      if (invite.you) return navigate(`/w/${encodeURIComponent(invite.you.workshopId)}`, { replace: true });
      // The workshop's default language, unless this browser's user chose one.
      if (!hasChosenLocale() && invite.language !== appLocale()) await setAppLocale(invite.language, false);
      this.preview = { state: 'ready', invite };
    } catch (err) {
      if (token !== this.token) return;
      this.preview = { state: 'unknown' };
      if (err instanceof ApiError && FINAL.has(err.code)) {
        this.final = true;
        this.alert = errorText(err);
      }
    }
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
      // The form (and the button that had focus) gives way to the explanation.
      if (this.final) {
        await this.updateComplete;
        this.renderRoot.querySelector('h1')?.focus();
      }
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
    const p = this.preview;
    return html`
      <h1 tabindex="-1">${msg('Join the workshop', { id: 'join_heading' })}</h1>
      ${p.state === 'loading'
        ? html`<p role="status" class="lead">${msg('Checking the invite link…', { id: 'join_checking' })}</p>`
        : this.final
          ? this.renderDead()
          : html`${this.renderWhat(p.state === 'ready' ? p.invite : null)}
              <div class="ways"><sk-sign-in-offer .invite=${this.token}></sk-sign-in-offer>${this.renderForm()}</div>`}
    `;
  }

  /** The link will never work: say why, and where to go instead. No form. */
  private renderDead() {
    return html`<div class="card">
      <div class="alert" role="alert">${this.alert}</div>
      <p><a href="/">${msg('Go to the start page', { id: 'app_go_home' })}</a></p>
    </div>`;
  }

  private renderWhat(invite: InvitePreviewDto | null) {
    if (!invite) return html`<p class="lead">${msg('You have been invited to take part in a workshop in Samskap. Write your name as the others should see it.', { id: 'join_lead' })}</p>`;
    const title = invite.workshopTitle;
    const role = roleName(invite.role).toLocaleLowerCase(appLocale());
    const org = invite.organisation?.name;
    const until = invite.expiresAt ? new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(invite.expiresAt)) : null;
    return html`<div class="what">
      <p class="lead">
        ${org
          ? msg(str`You join “${title}” as ${role} for ${org}.`, { id: 'join_what_org' })
          : msg(str`You join “${title}” as ${role}.`, { id: 'join_what' })}
      </p>
      ${until ? html`<p class="hint">${msg(str`The invite link is valid until ${until}.`, { id: 'join_valid_until' })}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const invalid = this.nameError !== '';
    return html`<form class="card" novalidate @submit=${this.submit} @keydown=${submitOnEnter} aria-labelledby="join-form-heading">
      <h2 id="join-form-heading">${msg('Who are you?', { id: 'join_form_heading' })}</h2>
      <div class="field">
        <label for="name">${msg('Your name', { id: 'field_your_name' })}</label>
        <input id="name" name="name" required maxlength="100" autocomplete="name" .value=${live(this.name)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'name-error name-hint' : 'name-hint'} @input=${this.onInput} />
        <p class="error" id="name-error">${this.nameError}</p>
        <p class="hint" id="name-hint">${msg('Only the members of this workshop see it.', { id: 'join_name_hint' })}</p>
      </div>
      <div class="alert" role="alert">${this.alert}</div>
      <div class="actions">
        <sl-button variant="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Joining…', { id: 'join_submit_busy' }) : msg('Join', { id: 'join_submit' })}
        </sl-button>
      </div>
    </form>`;
  }
}

customElements.define('sk-join-page', SkJoinPage);
