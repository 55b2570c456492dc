/**
 * `<sk-invite-panel>`: facilitators create invite links (role, organisation, expiry: 14 days unless
 * said otherwise, uses) and copy a new link while it is shown (`<sk-new-invites>`: the server shows
 * a token once and keeps only its hash); every invite, with uses and status, is listed from the
 * server (`<sk-invite-list>`, survives a reload) and can be revoked behind a confirmation.
 *
 * Context: the workshop (client/net/workshop-context.ts): its id and organisations.
 * Events: none. Slots: none. Parts: none. Uses `<sk-confirm-dialog>`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InviteDto, InviteSummaryDto, OrganisationDto, Role } from '../../shared/api.js';
import { api } from '../net/api.js';
import { submitOnEnter } from '../ui/forms.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { errorText, roleName } from '../ui/texts.js';
import { emptyInviteForm, toInviteBody, validateInvite, type InviteErrors, type InviteForm } from './invite-form.js';
import './sk-invite-list.js';
import type { RevokeRequest, SkInviteList, SkInviteListEvents } from './sk-invite-list.js';
import './sk-new-invites.js';
import type { SkNewInvitesEvents } from './sk-new-invites.js';
import type { SkEvent } from '../ui/events.js';
import { invitePanelStyles } from './sk-invite-panel.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { term } from '../ui/vocabulary.js';

const ROLES: Role[] = ['participant', 'observer', 'facilitator'];

export class SkInvitePanel extends LitElement {
  static override styles = [sharedStyles, invitePanelStyles];
  static override properties = {
    form: { state: true },
    errors: { state: true },
    alert: { state: true },
    busy: { state: true },
    invites: { state: true },
    fresh: { state: true },
    listError: { state: true },
    pending: { state: true },
    revokeBusy: { state: true },
    revokeError: { state: true },
    status: { state: true },
  };
  declare form: InviteForm;
  declare errors: InviteErrors;
  declare alert: string;
  declare busy: boolean;
  /** Every invite as the server keeps it; null until fetched. */
  declare invites: InviteSummaryDto[] | null;
  /** Links created on this page: the only time they can be shown. */
  declare fresh: InviteDto[];
  declare listError: string;
  declare pending: RevokeRequest | null;
  declare revokeBusy: boolean;
  declare revokeError: string;
  declare status: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshopId(): string {
    return this.ws.workshop?.id ?? '';
  }
  private get organisations(): OrganisationDto[] {
    return this.ws.workshop?.organisations ?? [];
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.form = emptyInviteForm();
    this.errors = {};
    this.alert = '';
    this.busy = false;
    this.invites = null;
    this.fresh = [];
    this.listError = '';
    this.pending = null;
    this.revokeBusy = false;
    this.revokeError = '';
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadInvites();
  }

  private readonly loadInvites = async (): Promise<void> => {
    this.listError = '';
    try {
      this.invites = await api.invites(this.workshopId);
    } catch (err) {
      this.listError = errorText(err);
    }
  };

  /** Editing a field clears its error (and a role change the organisation's); submit checks again. */
  private set(patch: Partial<InviteForm>): void {
    const errors = { ...this.errors };
    for (const key of Object.keys(patch)) delete errors[(key === 'role' ? 'organisationId' : key) as keyof InviteErrors];
    this.errors = errors;
    this.form = { ...this.form, ...patch };
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.alert = '';
    this.errors = validateInvite(this.form);
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    try {
      const invite: InviteDto = await api.createInvite(this.workshopId, toInviteBody(this.form));
      this.fresh = [invite, ...this.fresh];
      void this.loadInvites();
      this.status = msg('Invite link created. Copy it and send it to the person you invite.', { id: 'inv_status_created' });
    } catch (err) {
      this.alert = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private askRevoke(e: SkEvent<SkInviteListEvents, 'sk-revoke-request'>): void {
    this.pending = e.detail;
    this.revokeError = '';
    void this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog')?.show(e.detail.opener);
  }

  private async revoke(): Promise<void> {
    const invite = this.pending?.invite;
    if (!invite) return;
    this.revokeBusy = true;
    try {
      await api.revokeInvite(this.workshopId, invite.id);
      const at = new Date().toISOString();
      this.invites = (this.invites ?? []).map((i) => (i.id === invite.id ? { ...i, revokedAt: at } : i));
      this.fresh = this.fresh.filter((i) => i.id !== invite.id);
      void this.loadInvites();
      this.status = msg('The invite link has been revoked.', { id: 'inv_status_revoked' });
      this.revokeBusy = false;
      this.renderRoot.querySelector<SkConfirmDialog>('sk-confirm-dialog')?.close();
      // The revoke button is gone now; keep focus near where it was.
      this.renderRoot.querySelector<SkInviteList>('sk-invite-list')?.focusHeading();
    } catch (err) {
      this.revokeError = errorText(err);
    } finally {
      this.revokeBusy = false;
    }
  }

  override render() {
    const f = this.form;
    const orgRequired = f.role === 'participant';
    const field = (id: keyof InviteErrors) => ({ invalid: this.errors[id] ? 'true' : 'false', line: html`<p class="error" id="${id}-error">${this.errors[id] ?? ''}</p>` });
    const org = field('organisationId');
    const hours = field('hours');
    const uses = field('maxUses');
    return html`
      <section class="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">${msg('Invite people', { id: 'inv_heading' })}</h2>
        <p class="hint">${msg('Each link lets people join with the role and organisation you choose here.', { id: 'inv_intro' })}</p>
        <form novalidate @submit=${this.create} @keydown=${submitOnEnter}>
          <div class="row">
            <div class="field">
              <label for="role">${msg('Role', { id: 'ws_me_role' })}</label>
              <select id="role" @change=${(e: Event) => this.set({ role: (e.target as HTMLSelectElement).value as Role })}>
                ${ROLES.map((r) => html`<option value=${r} ?selected=${f.role === r}>${roleName(r)}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="organisationId">${orgRequired ? term('organisation') : msg('Organisation (optional)', { id: 'inv_org_optional' })}</label>
              <select id="organisationId" ?required=${orgRequired} aria-invalid=${org.invalid} aria-describedby="organisationId-error" @change=${(e: Event) => this.set({ organisationId: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${f.organisationId === ''}>${orgRequired ? msg('Choose…', { id: 'inv_org_choose' }) : msg('None', { id: 'ws_no_org' })}</option>
                ${this.organisations.map((o) => html`<option value=${o.id} ?selected=${f.organisationId === o.id}>${o.name}</option>`)}
              </select>
              ${org.line}
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="hours">${msg('Valid for, in hours (optional)', { id: 'inv_hours_label' })}</label>
              <input id="hours" type="number" inputmode="numeric" min="1" max="8760" ?disabled=${f.never} .value=${live(f.hours)} aria-invalid=${hours.invalid} aria-describedby="hours-hint hours-error" @input=${(e: InputEvent) => this.set({ hours: (e.target as HTMLInputElement).value })} />
              <p class="hint" id="hours-hint">${msg('Empty: the link expires after 14 days.', { id: 'inv_hours_hint_default' })}</p>
              <label class="check"><input type="checkbox" .checked=${live(f.never)} @change=${(e: Event) => this.set({ never: (e.target as HTMLInputElement).checked })} />${msg('Never expires', { id: 'inv_never' })}</label>
              ${hours.line}
            </div>
            <div class="field">
              <label for="maxUses">${msg('Maximum number of uses (optional)', { id: 'inv_uses_label' })}</label>
              <input id="maxUses" type="number" inputmode="numeric" min="1" max="10000" step="1" .value=${live(f.maxUses)} aria-invalid=${uses.invalid} aria-describedby="maxUses-hint maxUses-error" @input=${(e: InputEvent) => this.set({ maxUses: (e.target as HTMLInputElement).value })} />
              <p class="hint" id="maxUses-hint">${msg('Empty: any number of people can use it.', { id: 'inv_uses_hint' })}</p>
              ${uses.line}
            </div>
          </div>
          <div class="alert" role="alert">${this.alert}</div>
          <sl-button variant="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? msg('Creating…', { id: 'start_submit_busy' }) : msg('Create invite link', { id: 'inv_submit' })}
          </sl-button>
        </form>
        <p class="status" role="status">${this.status}</p>
        ${this.fresh.length > 0
          ? html`<sk-new-invites .invites=${this.fresh} .organisations=${this.organisations} @sk-status=${(e: SkEvent<SkNewInvitesEvents, 'sk-status'>) => (this.status = e.detail)}></sk-new-invites>`
          : nothing}
        <sk-invite-list .invites=${this.invites} .error=${this.listError} .organisations=${this.organisations} @sk-revoke-request=${this.askRevoke} @sk-invites-reload=${this.loadInvites}></sk-invite-list>
      </section>
      <sk-confirm-dialog .heading=${msg('Revoke the invite link?', { id: 'inv_revoke_heading' })} .confirmLabel=${msg('Revoke link', { id: 'inv_revoke_confirm' })} .busyLabel=${msg('Revoking…', { id: 'inv_revoke_busy' })} .busy=${this.revokeBusy} .error=${this.revokeError} @sk-confirm=${this.revoke}>
        <p>${this.pending ? html`<strong>${this.pending.who}</strong>. ` : nothing}${msg('Nobody can join with this link any more. People who have already joined stay members.', { id: 'inv_revoke_text' })}</p>
      </sk-confirm-dialog>
    `;
  }
}

customElements.define('sk-invite-panel', SkInvitePanel);
