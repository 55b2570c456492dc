/**
 * `<sk-about-me>`: "About you" in the settings tab: your name, role and organisation; changing
 * your own name; the workshop on another device (`<sk-reentry-link>`); signing out on this device
 * (after a confirmation; the other devices stay signed in), which goes to the start page.
 *
 * Context: the workshop (client/net/workshop-context.ts): `me` is who I am.
 * Events: `sk-me-changed` (my name changed; the host reloads who I am).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { WorkshopDto } from '../../shared/api.js';
import { api, ApiError } from '../net/api.js';
import { submitOnEnter } from '../ui/forms.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { errorText, fieldErrorText, roleName } from '../ui/texts.js';
import './sk-reentry-link.js';
import { workshopStyles } from './sk-workshop-page.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';
import { term } from '../ui/vocabulary.js';

export interface SkAboutMeEvents {
  /** My own record changed (my name). */
  'sk-me-changed': null;
}

export class SkAboutMe extends LitElement {
  static override styles = [
    sharedStyles,
    workshopStyles,
    css`
      /* You on the left, another device on the right; stacked on a narrow screen. */
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
        gap: 1.25rem 2rem;
      }
      .rename {
        margin-top: 0.75rem;
      }
      .rename .field {
        margin-block-end: 0.5rem;
      }
      .me-actions {
        margin-top: 0.75rem;
      }
      .status {
        margin: 0.5rem 0 0;
        color: var(--sk-success);
        font-weight: 600;
      }
      .status:empty {
        margin: 0;
      }
    `,
  ];
  static override properties = {
    renaming: { state: true },
    name: { state: true },
    nameError: { state: true },
    busy: { state: true },
    status: { state: true },
    signOutBusy: { state: true },
    signOutError: { state: true },
  };
  declare renaming: boolean;
  declare name: string;
  declare nameError: string;
  declare busy: boolean;
  declare status: string;
  declare signOutBusy: boolean;
  declare signOutError: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.renaming = false;
    this.name = '';
    this.nameError = '';
    this.busy = false;
    this.status = '';
    this.signOutBusy = false;
    this.signOutError = '';
  }

  private async startRename(): Promise<void> {
    this.name = this.workshop?.me.displayName ?? '';
    this.nameError = '';
    this.status = '';
    this.renaming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#my-name')?.select();
  }

  private async stopRename(): Promise<void> {
    this.renaming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.rename-open')?.focus();
  }

  private readonly emit = emitter<SkAboutMeEvents>(this);

  private async rename(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const w = this.workshop;
    const name = this.name.trim();
    if (!w || this.busy) return;
    if (name === '') {
      this.nameError = msg('Write your name.', { id: 'start_err_name' });
      return;
    }
    this.busy = true;
    try {
      await api.renameMember(w.id, w.me.id, name);
      this.status = msg('Your name is changed.', { id: 'me_renamed' });
      this.emit('sk-me-changed');
      await this.stopRename();
    } catch (err) {
      this.nameError = err instanceof ApiError && err.code === 'validation_failed' ? fieldErrorText('name') : errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private get signOutDialog(): SkConfirmDialog | null {
    return this.renderRoot.querySelector<SkConfirmDialog>('#sign-out');
  }

  private async signOut(): Promise<void> {
    const w = this.workshop;
    if (!w) return;
    this.signOutBusy = true;
    this.signOutError = '';
    try {
      await api.signOut(w.id);
      this.signOutDialog?.close();
      navigate('/', { notice: 'signed-out' });
    } catch (err) {
      this.signOutError = errorText(err);
    } finally {
      this.signOutBusy = false;
    }
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const org = w.organisations.find((o) => o.id === w.me.organisationId)?.name ?? msg('None', { id: 'ws_no_org' });
    return html`<section class="card" aria-labelledby="me-heading">
      <h2 id="me-heading">${msg('About you', { id: 'ws_me_heading' })}</h2>
      <div class="columns">
        <div>
          <dl class="facts">
            <dt>${msg('Name', { id: 'ws_me_name' })}</dt><dd>${w.me.displayName}</dd>
            <dt>${msg('Role', { id: 'ws_me_role' })}</dt><dd>${roleName(w.me.role)}</dd>
            <dt>${term('organisation')}</dt><dd>${org}</dd>
          </dl>
          ${this.renaming
            ? this.renderRename()
            : html`<div class="actions me-actions">
                <sl-button class="rename-open" size="small" @click=${this.startRename}>${msg('Change your name', { id: 'me_rename' })}</sl-button>
                <sl-button class="sign-out-open" size="small" @click=${(e: Event) => void this.signOutDialog?.show(e.currentTarget as HTMLElement)}>${msg('Sign out on this device…', { id: 'me_sign_out' })}</sl-button>
              </div>`}
          <p class="status" role="status">${this.status}</p>
        </div>
        <sk-reentry-link .workshopId=${w.id} .memberId=${w.me.id}></sk-reentry-link>
      </div>
      <sk-confirm-dialog id="sign-out" .heading=${msg('Sign out on this device?', { id: 'me_sign_out_heading' })} .confirmLabel=${msg('Sign out', { id: 'me_sign_out_confirm' })} .busyLabel=${msg('Signing out…', { id: 'me_sign_out_busy' })} .busy=${this.signOutBusy} .error=${this.signOutError} @sk-confirm=${this.signOut}>
        <p>${msg('This browser forgets that you are a member. Your other devices stay signed in. To come back here, open your invite link again or a link for another device.', { id: 'me_sign_out_text' })}</p>
      </sk-confirm-dialog>
    </section>`;
  }

  private renderRename() {
    const invalid = this.nameError !== '';
    return html`<form class="rename" novalidate @submit=${this.rename} @keydown=${(e: KeyboardEvent) => (e.key === 'Escape' ? void this.stopRename() : submitOnEnter(e))}>
      <div class="field">
        <label for="my-name">${msg('Your name', { id: 'field_your_name' })}</label>
        <input id="my-name" required maxlength="100" autocomplete="name" .value=${live(this.name)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'my-name-error' : nothing} @input=${(e: InputEvent) => ((this.name = (e.target as HTMLInputElement).value), (this.nameError = ''))} />
        <p class="error" id="my-name-error">${this.nameError}</p>
      </div>
      <div class="actions">
        <sl-button variant="primary" size="small" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${msg('Save name', { id: 'me_rename_save' })}</sl-button>
        <sl-button size="small" @click=${this.stopRename}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </form>`;
  }
}

customElements.define('sk-about-me', SkAboutMe);
