/**
 * `<sk-member-list>`: the workshop's members. Everyone sees who takes part (name, role,
 * organisation); former members (removed) and merged records are listed apart, so what they did
 * stays attributed. Facilitators act on each current member: rename (inline), change the role
 * (handing the facilitator role on: the server keeps at least one), remove (after a confirmation
 * naming the person; their content stays) and merge two records of one person of the same
 * organisation (after choosing "same person as…" and confirming).
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop, its members, whether a refresh runs.
 * Events: `sk-members-refresh` (the list changed or should be fetched again; the host fetches).
 * Slots: none. Parts: none. Uses `<sk-confirm-dialog>`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MemberDto, Role, WorkshopDto } from '../../shared/api.js';
import { api, ApiError } from '../net/api.js';
import { buttonLabel } from '../ui/button-label.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { errorText, fieldErrorText, roleName } from '../ui/texts.js';
import { memberListStyles } from './sk-member-list.styles.js';
import { workshopStyles } from './sk-workshop-page.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';

const ROLES: Role[] = ['facilitator', 'participant', 'observer'];

/** Current members of the same organisation as `m`, other than `m`: who `m` may be merged into. */
export function mergeCandidates(members: MemberDto[], m: MemberDto): MemberDto[] {
  if (m.organisationId === null) return [];
  return members.filter((o) => o.id !== m.id && o.organisationId === m.organisationId && o.removedAt === null && o.mergedInto === null);
}

type Pending = { kind: 'remove'; member: MemberDto } | { kind: 'merge'; member: MemberDto; into: string };

export interface SkMemberListEvents {
  /** The members changed here: fetch them again. */
  'sk-members-refresh': null;
}

export class SkMemberList extends LitElement {
  static override styles = [sharedStyles, workshopStyles, memberListStyles];
  static override properties = {
    notice: { state: true },
    renaming: { state: true },
    newName: { state: true },
    renameError: { state: true },
    pending: { state: true },
    dialogBusy: { state: true },
    dialogError: { state: true },
  };
  declare notice: string;
  /** The member being renamed inline. */
  declare renaming: string | null;
  declare newName: string;
  declare renameError: string;
  declare pending: Pending | null;
  declare dialogBusy: boolean;
  declare dialogError: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  /** A members refresh is running. */
  private get busy(): boolean {
    return this.ws.value?.membersBusy ?? false;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.notice = '';
    this.renaming = null;
    this.newName = '';
    this.renameError = '';
    this.pending = null;
    this.dialogBusy = false;
    this.dialogError = '';
  }

  private get wid(): string {
    return this.workshop?.id ?? '';
  }

  private readonly emit = emitter<SkMemberListEvents>(this);

  private refresh(): void {
    this.emit('sk-members-refresh');
  }

  private orgName(id: string | null): string | null {
    return this.workshop?.organisations.find((o) => o.id === id)?.name ?? null;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async changeRole(member: MemberDto, role: Role): Promise<void> {
    this.notice = '';
    try {
      await api.changeRole(this.wid, member.id, role);
      this.notice = msg(str`${member.displayName} is now: ${roleName(role)}.`, { id: 'ws_role_changed' });
      this.refresh();
    } catch (error) {
      this.requestUpdate(); // puts the select back to the stored role
      this.notice =
        error instanceof ApiError && error.code === 'conflict'
          ? msg('A workshop needs at least one facilitator: make someone else facilitator first.', { id: 'ws_role_last_facilitator' })
          : errorText(error);
    }
  }

  private startRename(m: MemberDto): void {
    this.renaming = m.id;
    this.newName = m.displayName;
    this.renameError = '';
    void this.focusOn('#rename-input');
  }

  private stopRename(id: string): void {
    this.renaming = null;
    void this.focusOn(`#rename-${id}`);
  }

  private async rename(e: SubmitEvent, m: MemberDto): Promise<void> {
    e.preventDefault();
    const name = this.newName.trim();
    if (name === '') {
      this.renameError = msg('Write a name.', { id: 'members_err_name' });
      return void this.focusOn('#rename-input');
    }
    try {
      await api.renameMember(this.wid, m.id, name);
      this.notice = msg(str`${m.displayName} is now called ${name}.`, { id: 'members_renamed' });
      this.stopRename(m.id);
      this.refresh();
    } catch (err) {
      this.renameError = err instanceof ApiError && err.code === 'validation_failed' ? fieldErrorText('name') : errorText(err);
      void this.focusOn('#rename-input');
    }
  }

  private ask(pending: Pending, opener: EventTarget | null): void {
    this.pending = pending;
    this.dialogError = '';
    const dialog = this.renderRoot.querySelector<SkConfirmDialog>(`#${pending.kind}-dialog`);
    void this.updateComplete.then(() => dialog?.show(opener as HTMLElement));
  }

  private async confirm(): Promise<void> {
    const p = this.pending;
    if (!p || this.dialogBusy) return;
    this.dialogBusy = true;
    this.dialogError = '';
    try {
      if (p.kind === 'remove') await api.removeMember(this.wid, p.member.id);
      else await api.mergeMembers(this.wid, p.member.id, p.into);
      const into = p.kind === 'merge' ? (this.members.find((m) => m.id === p.into)?.displayName ?? '') : '';
      this.notice =
        p.kind === 'remove'
          ? msg(str`${p.member.displayName} is no longer a member. What they contributed stays.`, { id: 'members_removed' })
          : msg(str`${p.member.displayName} is merged into ${into}.`, { id: 'members_merged' });
      this.dialogBusy = false;
      this.renderRoot.querySelector<SkConfirmDialog>(`#${p.kind}-dialog`)?.close();
      this.refresh();
      // The row's buttons are gone: focus stays in the list.
      void this.focusOn('#members-heading');
    } catch (err) {
      this.dialogError = err instanceof ApiError && err.code === 'conflict' ? this.conflictText(p) : errorText(err);
    } finally {
      this.dialogBusy = false;
    }
  }

  private conflictText(p: Pending): string {
    return p.kind === 'remove'
      ? msg('A workshop needs at least one facilitator: make someone else facilitator first.', { id: 'ws_role_last_facilitator' })
      : msg('Only two current members of the same organisation can be merged.', { id: 'members_merge_conflict' });
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const current = this.members.filter((m) => m.removedAt === null && m.mergedInto === null);
    const former = this.members.filter((m) => m.removedAt !== null || m.mergedInto !== null);
    return html`<section class="card" aria-labelledby="members-heading">
      <div class="section-head">
        <h2 id="members-heading" tabindex="-1">${msg('Members', { id: 'ws_members_heading' })}</h2>
        <sl-button ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.refresh}>${msg('Update list', { id: 'ws_members_refresh' })}</sl-button>
      </div>
      <ul class="members">
        ${current.map((m) => this.renderMember(m))}
      </ul>
      <p role="status" class="hint">${this.notice}</p>
      ${former.length > 0
        ? html`<h3 class="former-heading">${msg('Former members', { id: 'members_former_heading' })}</h3>
            <ul class="members">
              ${former.map((m) => this.renderFormer(m))}
            </ul>`
        : nothing}
      ${this.renderDialogs()}
    </section>`;
  }

  private meta(m: MemberDto): string {
    return [roleName(m.role), this.orgName(m.organisationId)].filter(Boolean).join(', ');
  }

  private renderMember(m: MemberDto) {
    const w = this.workshop!;
    const me = m.id === w.me.id;
    const facilitator = w.me.role === 'facilitator';
    const name = me ? msg(str`${m.displayName} (you)`, { id: 'members_you' }) : m.displayName;
    const candidates = mergeCandidates(this.members, m);
    const label = (visible: string) => buttonLabel(visible, `${visible}: ${m.displayName}`);
    return html`<li>
      <span class="who"><span class="member-name">${name}</span><span class="member-meta">${this.meta(m)}</span></span>
      ${facilitator && this.renaming !== m.id
        ? html`<span class="tools">
            <select aria-label=${msg(str`Role of ${m.displayName}`, { id: 'ws_member_role_label' })} .value=${live(m.role)} @change=${(e: Event) => void this.changeRole(m, (e.target as HTMLSelectElement).value as Role)}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${m.role === r}>${roleName(r)}</option>`)}
            </select>
            <sl-button size="small" id="rename-${m.id}" @click=${() => this.startRename(m)}>${label(msg('Rename', { id: 'members_rename' }))}</sl-button>
            ${candidates.length > 0 && !me
              ? html`<sl-button size="small" @click=${(e: Event) => this.ask({ kind: 'merge', member: m, into: candidates[0]!.id }, e.currentTarget)}>${label(msg('Merge…', { id: 'members_merge' }))}</sl-button>`
              : nothing}
            ${me ? nothing : html`<sl-button size="small" variant="danger" outline @click=${(e: Event) => this.ask({ kind: 'remove', member: m }, e.currentTarget)}>${label(msg('Remove…', { id: 'members_remove' }))}</sl-button>`}
          </span>`
        : nothing}
      ${this.renaming === m.id ? this.renderRename(m) : nothing}
    </li>`;
  }

  private renderRename(m: MemberDto) {
    const invalid = this.renameError !== '';
    return html`<form class="rename" novalidate @submit=${(e: SubmitEvent) => this.rename(e, m)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.stopRename(m.id)}>
      <label class="visually-hidden" for="rename-input">${msg(str`New name for ${m.displayName}`, { id: 'members_rename_label' })}</label>
      <input id="rename-input" maxlength="100" autocomplete="off" .value=${live(this.newName)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'rename-error' : nothing} @input=${(e: InputEvent) => ((this.newName = (e.target as HTMLInputElement).value), (this.renameError = ''))} />
      <sl-button size="small" variant="primary" type="submit">${msg('Save name', { id: 'me_rename_save' })}</sl-button>
      <sl-button size="small" @click=${() => this.stopRename(m.id)}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      <p class="error" id="rename-error">${this.renameError}</p>
    </form>`;
  }

  private renderFormer(m: MemberDto) {
    const into = m.mergedInto ? this.members.find((o) => o.id === m.mergedInto)?.displayName : null;
    const status = m.mergedInto ? msg(str`merged into ${into ?? '?'}`, { id: 'members_merged_into' }) : msg('former member', { id: 'members_former' });
    return html`<li class="former">
      <span class="who"><span class="member-name">${m.displayName}</span><span class="member-meta">${status}${this.orgName(m.organisationId) ? `, ${this.orgName(m.organisationId)}` : ''}</span></span>
    </li>`;
  }

  private renderDialogs() {
    const p = this.pending;
    const name = p?.member.displayName ?? '';
    const candidates = p ? mergeCandidates(this.members, p.member) : [];
    return html`
      <sk-confirm-dialog id="remove-dialog" .heading=${msg(str`Remove ${name} from the workshop?`, { id: 'members_remove_heading' })} .confirmLabel=${msg('Remove member', { id: 'members_remove_confirm' })} .busyLabel=${msg('Removing…', { id: 'members_remove_busy' })} .busy=${this.dialogBusy} .error=${this.dialogError} @sk-confirm=${this.confirm}>
        <p>${msg(str`${name} can no longer open the workshop, on any device. What they contributed stays, under their name, marked as a former member.`, { id: 'members_remove_text' })}</p>
      </sk-confirm-dialog>
      <sk-confirm-dialog id="merge-dialog" .heading=${msg(str`Merge ${name} with another member?`, { id: 'members_merge_heading' })} .confirmLabel=${msg('Merge', { id: 'members_merge_confirm' })} .busyLabel=${msg('Merging…', { id: 'members_merge_busy' })} .busy=${this.dialogBusy} .error=${this.dialogError} @sk-confirm=${this.confirm}>
        <p>${msg(str`For one person who joined twice. What ${name} did stays and is shown under the member you choose; ${name}'s devices open the workshop as that member from now on.`, { id: 'members_merge_text' })}</p>
        <div class="merge-field">
          <label for="merge-into">${msg(str`${name} is the same person as`, { id: 'members_merge_into' })}</label>
          <select id="merge-into" @change=${(e: Event) => p?.kind === 'merge' && (this.pending = { ...p, into: (e.target as HTMLSelectElement).value })}>
            ${candidates.map((c) => html`<option value=${c.id} ?selected=${p?.kind === 'merge' && p.into === c.id}>${c.displayName}</option>`)}
          </select>
        </div>
      </sk-confirm-dialog>
    `;
  }
}

customElements.define('sk-member-list', SkMemberList);
