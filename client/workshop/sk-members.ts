/**
 * `<sk-members>`: who represents each organisation (the workshop's current members who speak for
 * one; roles, names and removal are `<sk-member-list>`'s) (issue #14: only representatives take its stances). A
 * representative names more members of their own organisation and may step down; a facilitator
 * names someone only with the organisation's confirmation (asked in a dialog: who confirmed it,
 * and how) and may un-name anyone. Observers are never named.
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop and its members.
 * Events: `sk-member-changed` (detail: MemberDto, as the server answered).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlTextarea from '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import { api } from '../net/api.js';
import { Limits } from '../../shared/limits.js';
import { loadDialog } from '../ui/lazy-shoelace.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { membersStyles } from './sk-members.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';
import { showDialog } from '../ui/show-dialog.js';

export interface SkMembersEvents {
  'sk-member-changed': MemberDto;
}

export class SkMembers extends LitElement {
  static override styles = [sharedStyles, membersStyles];
  static override properties = {
    busy: { type: Boolean },
    notice: { state: true },
    naming: { state: true },
    dialogError: { state: true },
    dialogBusy: { state: true },
  };
  declare busy: boolean;
  declare notice: string;
  /** The member a facilitator is naming, while the confirmation dialog is open. */
  declare naming: MemberDto | null;
  declare dialogError: string;
  declare dialogBusy: boolean;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.naming = null;
    this.busy = this.dialogBusy = false;
    this.notice = this.dialogError = '';
  }

  private readonly emit = emitter<SkMembersEvents>(this);

  private changed(m: MemberDto): void {
    this.emit('sk-member-changed', m);
  }

  private get me(): MemberDto | null {
    const w = this.workshop;
    return w ? (this.members.find((m) => m.id === w.me.id) ?? w.me) : null;
  }

  private async represent(member: MemberDto, representative: boolean, confirmation?: string): Promise<boolean> {
    this.notice = '';
    try {
      const m = await api.patchMember(this.workshop!.id, member.id, confirmation ? { representative, confirmation } : { representative });
      this.changed(m);
      this.notice = representative
        ? msg(str`${m.displayName} now represents their organisation.`, { id: 'mem_named_notice' })
        : msg(str`${m.displayName} no longer represents their organisation.`, { id: 'mem_unnamed_notice' });
      return true;
    } catch (error) {
      if (this.naming) this.dialogError = errorText(error);
      else this.notice = errorText(error);
      return false;
    }
  }

  /** A representative of the organisation names directly; a facilitator asks for its confirmation first. */
  private async name(member: MemberDto, e: Event): Promise<void> {
    const me = this.me;
    if (me?.representative && me.organisationId === member.organisationId) return void (await this.represent(member, true));
    this.opener = e.currentTarget as HTMLElement;
    this.naming = member;
    this.dialogError = '';
    this.dialogBusy = false;
    await loadDialog();
    await this.updateComplete;
    const area = this.renderRoot.querySelector<SlTextarea>('#confirmation');
    if (area) area.value = '';
    await showDialog(this.renderRoot.querySelector<SlDialog>('sl-dialog'));
    area?.focus();
  }

  private async confirmNaming(e: Event): Promise<void> {
    e.preventDefault();
    const member = this.naming;
    const area = this.renderRoot.querySelector<SlTextarea>('#confirmation');
    const confirmation = (area?.value ?? '').trim();
    if (!member || this.dialogBusy) return;
    if (!confirmation) {
      this.dialogError = msg('Write who in the organisation confirmed it, and how.', { id: 'mem_confirmation_missing' });
      area?.focus();
      return;
    }
    this.dialogBusy = true;
    const ok = await this.represent(member, true, confirmation);
    this.dialogBusy = false;
    if (ok) void this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide();
  }

  private readonly afterHide = (e: Event) => {
    if (e.target !== this.renderRoot.querySelector('sl-dialog')) return;
    this.naming = null;
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = null;
  };

  private actions(m: MemberDto, me: MemberDto, orgName: string) {
    const facilitator = me.role === 'facilitator';
    const canName = !m.representative && m.role !== 'observer' && m.organisationId !== null && (facilitator || (me.representative && me.organisationId === m.organisationId));
    const who = m.displayName;
    return html`<span class="member-actions">
      ${canName
        ? html`<sl-button size="small" class="name-rep" @click=${(e: Event) => this.name(m, e)}
            ><span aria-hidden="true">${msg('Name as representative', { id: 'mem_name' })}</span
            ><span class="visually-hidden">${msg(str`Name ${who} as representative of ${orgName}`, { id: 'mem_name_named' })}</span></sl-button
          >`
        : nothing}
      ${m.representative && m.id === me.id
        ? html`<sl-button size="small" class="step-down" @click=${() => this.represent(m, false)}>${msg('Step down as representative', { id: 'mem_step_down' })}</sl-button>`
        : m.representative && facilitator
          ? html`<sl-button size="small" class="unname-rep" @click=${() => this.represent(m, false)}
              ><span aria-hidden="true">${msg('Remove as representative', { id: 'mem_unname' })}</span
              ><span class="visually-hidden">${msg(str`Remove ${who} as representative`, { id: 'mem_unname_named' })}</span></sl-button
            >`
          : nothing}
    </span>`;
  }

  override render() {
    const w = this.workshop;
    const me = this.me;
    if (!w || !me) return nothing;
    const orgName = (id: string | null) => w.organisations.find((o) => o.id === id)?.name ?? null;
    const nameOf = (id: string | null) => this.members.find((x) => x.id === id)?.displayName ?? msg('someone', { id: 'charter_someone' });
    return html`<section class="card" aria-labelledby="reps-heading">
        <h2 id="reps-heading">${msg('Representatives', { id: 'mem_heading' })}</h2>
        <p class="hint">${msg('Only an organisation’s representatives take stances for it. Everyone else still contributes.', { id: 'mem_intro' })}</p>
        <ul class="members">
          ${this.members.filter((m) => !m.removedAt && !m.mergedInto && m.organisationId !== null && m.role !== 'observer').map((m) => {
            const r = m.representation;
            return html`<li>
              <span class="member-name">${m.displayName}</span>
              ${m.representative ? html`<span class="badge">${msg('Representative', { id: 'mem_badge' })}</span>` : nothing}
              <span class="member-meta">${orgName(m.organisationId)}</span>
              ${this.actions(m, me, orgName(m.organisationId) ?? '')}
              ${r?.namedBy
                ? html`<span class="named">${r.confirmation ? msg(str`Named by ${nameOf(r.namedBy)}, confirmed: ${r.confirmation}`, { id: 'mem_named_confirmed' }) : msg(str`Named by ${nameOf(r.namedBy)}`, { id: 'mem_named_by' })}</span>`
                : nothing}
            </li>`;
          })}
        </ul>
        <p role="status" class="hint">${this.notice}</p>
      </section>
      ${this.renderDialog(orgName(this.naming?.organisationId ?? null) ?? '')}`;
  }

  private renderDialog(org: string) {
    const who = this.naming?.displayName ?? '';
    return html`<sl-dialog label=${msg(str`Name ${who} as representative of ${org}`, { id: 'mem_name_named' })} @sl-request-close=${(e: Event) => this.dialogBusy && e.preventDefault()} @sl-after-hide=${this.afterHide}>
      <p>${msg('A facilitator names a representative only with the organisation’s own confirmation. Say who in the organisation confirmed it, and how; it is kept with the representation and in the audit log.', { id: 'mem_confirmation_explain' })}</p>
      <form novalidate @submit=${this.confirmNaming}>
        <sl-textarea id="confirmation" rows="3" required maxlength=${Limits.confirmationMax} label=${msg('Confirmation from the organisation', { id: 'mem_confirmation' })} help-text=${msg('For example: e-mail from the director general, 1 December', { id: 'mem_confirmation_hint' })}></sl-textarea>
        <p class="error" role="alert">${this.dialogError}</p>
      </form>
      <div class="footer" slot="footer">
        <sl-button @click=${() => this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide()} ?disabled=${this.dialogBusy}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
        <sl-button variant="primary" ?loading=${this.dialogBusy} @click=${this.confirmNaming}>${msg('Name as representative', { id: 'mem_name' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-members', SkMembers);
