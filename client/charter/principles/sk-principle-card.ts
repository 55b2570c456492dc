/**
 * `<sk-principle-card>`: one principle: its text (edited in place, bound to the draft's Y.Text so
 * several people can type at once), its status, and one chip per organisation with its stance
 * (who, when and why on hover or focus, and in the chip's text for screen readers). Stances on a
 * text that changed after the proposal are marked as stale. A closed principle says who adopted
 * it and when ("adopted by A, B and C on 3 December 2026"), whether my organisation has joined,
 * and lists the organisations that joined after the fact. Buttons: propose (facilitators),
 * endorse / object (with a reason) / abstain (members with an organisation; on a closed
 * principle, to join it after the fact), edit (a draft; a proposal only for facilitators, whose
 * edit makes it stale), move, delete (never once closed), retire (an adopted
 * principle, facilitators), propose an amendment (an adopted principle).
 * An amendment shows its text beside the adopted one with a word-level diff; a superseded or
 * retired principle says so (who retired it, when and why).
 *
 * Issue #14: a chip says whether its stance is anchored (who confirmed it, when); the card says
 * which organisations endorsed and which endorsed and anchored; a representative may anchor their
 * organisation's stance (`sk-anchor`); a member who does not represent their organisation sees who
 * does (`representedBy`) instead of the stance buttons.
 *
 * Properties: `draft` (PrincipleDraft), `model` (CardModel), `index`, `count`, `canEdit`,
 * `canPropose`, `canStand`, `canAnchor`, `representedBy`, `canDelete`, `canRetire`, `canAmend`, `myStance`, `myOrganisationId`,
 * `busy`, `error`, `session` (for the text binding), `memberName` (id → name), `amendsText` (an
 * amendment: the adopted text), `heading` (instead of "Principle n"), `movable`.
 * Events: `sk-propose`, `sk-close-decision`, `sk-stance` (detail: { stance, reason }), `sk-move`
 * (detail: -1 | 1), `sk-delete`, `sk-retire`, `sk-amend`, `sk-anchor` (detail: { opener }). Slots: none.
 * Parts: `text`, `chips`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import '@shoelace-style/shoelace/dist/components/tooltip/tooltip.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlTextarea from '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { CharterLimits, type PrincipleDraft } from '../../../shared/charter/schema.js';
import { reasonProblem, type Stance } from '../../../shared/decision-rule.js';
import { TextBinding } from '../../ui/text-binding.js';
import { buttonLabel } from '../../ui/button-label.js';
import { emitter } from '../../ui/events.js';
import { formatLocales } from '../../ui/i18n.js';
import { RealtimeLimits } from '../../../shared/limits.js';
import type { CommandPayload } from '../../../shared/realtime/index.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import type { CharterSession } from '../charter-session.js';
import { lastChangeLine, stanceName, statusName } from '../charter-texts.js';
import { endorsements, outsideBound, type CardModel, type StanceChip } from './principle-model.js';
import './sk-principle-compare.js';
import { principleCardStyles } from './sk-principle-card.styles.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { showDialog } from '../../ui/show-dialog.js';

/** What `principle.endorse` takes besides the principle (a type only: the schemas stay on the server). */
export type StanceDetail = Omit<CommandPayload<'principle.endorse'>, 'principleId'>;

/** What the card sends (`opener`: the button, for a dialog to give the focus back to). */
export interface SkPrincipleCardEvents {
  'sk-propose': null;
  'sk-close-decision': null;
  'sk-stance': StanceDetail;
  'sk-move': -1 | 1;
  'sk-delete': { opener: HTMLElement };
  'sk-retire': { opener: HTMLElement };
  'sk-amend': { opener: HTMLElement };
  'sk-anchor': { opener: HTMLElement };
}

export class SkPrincipleCard extends LitElement {
  static override styles = [sharedStyles, principleCardStyles];
  static override properties = {
    draft: { attribute: false },
    model: { attribute: false },
    index: { type: Number },
    count: { type: Number },
    canEdit: { type: Boolean },
    canPropose: { type: Boolean },
    canStand: { type: Boolean },
    canAnchor: { type: Boolean },
    representedBy: { attribute: false },
    canDelete: { type: Boolean },
    canRetire: { type: Boolean },
    canAmend: { type: Boolean },
    amendsText: { attribute: false },
    heading: { attribute: false },
    movable: { type: Boolean },
    myStance: { attribute: false },
    myOrganisationId: { attribute: false },
    busy: { type: Boolean },
    error: { type: String },
    session: { attribute: false },
    memberName: { attribute: false },
    editing: { state: true },
    dialogStance: { state: true },
    reasonError: { state: true },
  };
  declare draft: PrincipleDraft | null;
  declare model: CardModel | null;
  declare index: number;
  declare count: number;
  declare canEdit: boolean;
  declare canPropose: boolean;
  declare canStand: boolean;
  declare canAnchor: boolean;
  /** Set for a member whose organisation could take a stance here but who does not represent it: who does. */
  declare representedBy: string | null;
  declare canDelete: boolean;
  declare canRetire: boolean;
  declare canAmend: boolean;
  declare amendsText: string | null;
  declare heading: string | null;
  declare movable: boolean;
  declare myStance: Stance | null;
  declare myOrganisationId: string | null;
  declare busy: boolean;
  declare error: string;
  declare session: CharterSession | null;
  declare memberName: (id: string) => string;
  declare editing: boolean;
  declare dialogStance: 'object' | 'abstain';
  declare reasonError: string;
  private binding: TextBinding | null = null;

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.draft = this.model = this.session = this.myStance = this.myOrganisationId = null;
    this.index = 0;
    this.count = 1;
    this.canEdit = this.canPropose = this.canStand = this.canDelete = this.canRetire = this.canAmend = this.busy = this.editing = false;
    this.amendsText = this.heading = this.representedBy = null;
    this.canAnchor = false;
    this.movable = true;
    this.error = this.reasonError = '';
    this.memberName = (id) => id;
    this.dialogStance = 'object';
  }

  override disconnectedCallback(): void {
    this.binding?.destroy();
    this.binding = null;
    super.disconnectedCallback();
  }

  private readonly emit = emitter<SkPrincipleCardEvents>(this);

  private async edit(on: boolean): Promise<void> {
    this.binding?.destroy();
    this.binding = null;
    this.editing = on;
    await this.updateComplete;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.text');
    const text = this.draft && this.session?.charter.textOf('principles', this.draft.id, 'text');
    if (on && area && text && this.session) {
      this.binding = new TextBinding(area, text, this.session.origin, CharterLimits.principleMax);
      area.focus();
    } else this.renderRoot.querySelector<HTMLElement>('.edit-text')?.focus();
  }

  private async ask(stance: 'object' | 'abstain'): Promise<void> {
    this.dialogStance = stance;
    this.reasonError = '';
    await this.updateComplete;
    const area = this.renderRoot.querySelector<SlTextarea>('#reason');
    if (area) area.value = '';
    await showDialog(this.renderRoot.querySelector<SlDialog>('sl-dialog'));
  }

  private sendStance(e: Event): void {
    e.preventDefault();
    const reason = (this.renderRoot.querySelector<SlTextarea>('#reason')?.value ?? '').trim();
    // The server's rule (an objection needs a reason); the message is ours, in the person's language.
    if (reasonProblem(this.dialogStance, reason)) {
      this.reasonError = msg('An objection needs a reason, so the others can answer it.', { id: 'charter_reason_missing' });
      this.renderRoot.querySelector<SlTextarea>('#reason')?.focus();
      return;
    }
    this.emit('sk-stance', reason ? { stance: this.dialogStance, reason } : { stance: this.dialogStance });
    void this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide();
  }

  private chipText(c: StanceChip): string {
    if (!c.stance) return `${c.name}: ${stanceName(null)}`;
    const when = c.at ? new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(c.at)) : '';
    const who = c.memberId ? this.memberName(c.memberId) : '';
    const base = msg(str`${c.name}: ${stanceName(c.stance)} (${who}, ${when})`, { id: 'charter_chip_detail' });
    const reasoned = c.reason ? `${base}. ${msg(str`Reason: ${c.reason}`, { id: 'charter_chip_reason' })}` : base;
    const standing = c.representative ? `${reasoned}. ${this.standingText(c.representative)}` : reasoned;
    if (!c.anchor) return standing;
    const a = c.anchor;
    return `${standing}. ${msg(str`Anchored: confirmed by ${a.confirmedBy} (${a.role}) on ${a.date}`, { id: 'charter_chip_anchored' })}${a.reference ? ` (${a.reference})` : ''}.`;
  }

  /** How the member who took a stance represents the organisation: who invited them, who named them. */
  private standingText(r: NonNullable<StanceChip['representative']>): string {
    const invited = r.invitedBy ? msg(str`Invited by ${this.memberName(r.invitedBy)}`, { id: 'charter_chip_invited_by' }) : null;
    const namer = r.namedBy ? this.memberName(r.namedBy) : null;
    const named = namer === null
      ? msg('representative as the organisation’s first member', { id: 'charter_chip_rep_first' })
      : r.confirmation
        ? msg(str`named representative by ${namer}, confirmed: ${r.confirmation}`, { id: 'charter_chip_rep_confirmed' })
        : msg(str`named representative by ${namer}`, { id: 'charter_chip_rep_named' });
    return invited ? `${invited}; ${named}` : named.charAt(0).toLocaleUpperCase() + named.slice(1);
  }

  /** "Adopted by A, B and C on <date>", with whether my organisation has joined; or why my stance does not count. */
  private decisionText(m: CardModel): string | null {
    const me = { organisationId: this.myOrganisationId };
    const outside = outsideBound(me, m);
    const joined = outside && m.later.some((c) => c.organisationId === me.organisationId);
    if (!m.closed) return outside ? msg('Your organisation joined after this was proposed: its stance is shown beside the decision and does not count.', { id: 'charter_outside_open' }) : null;
    const names = new Intl.ListFormat(formatLocales(), { style: 'long', type: 'conjunction' }).format(m.chips.map((c) => c.name));
    const date = m.closedAt ? new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long' }).format(new Date(m.closedAt)) : '';
    if (m.status !== 'agreed') return msg(str`Closed without agreement on ${date}; it was put to ${names}.`, { id: 'charter_closed_without' });
    if (outside && !joined) return msg(str`Adopted by ${names} on ${date}; your organisation has not joined yet.`, { id: 'charter_adopted_not_joined' });
    return msg(str`Adopted by ${names} on ${date}.`, { id: 'charter_adopted_by' });
  }

  private retiredText(m: CardModel): string {
    const r = m.retired!;
    const date = new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long' }).format(new Date(r.at));
    return msg(str`Retired on ${date} by ${this.memberName(r.by)}. Reason: ${r.reason}`, { id: 'charter_retired_note' });
  }

  private renderChips(list: StanceChip[], label: string, stale: boolean, cls = '') {
    return html`<ul class="chips ${cls} ${stale ? 'stale' : ''}" part="chips" aria-label=${label}>
      ${list.map((c) => {
        const color = this.session?.colorOf(c.organisationId);
        const text = this.chipText(c);
        return html`<li>
          <sl-tooltip content=${text}>
            <span class="chip stance-${c.stance ?? 'none'}" tabindex="0" data-org=${c.organisationId} data-stance=${c.stance ?? 'none'} style="--org:${color?.strong};--org-soft:${color?.soft}">
              <span class="mark" aria-hidden="true">${c.stance === 'endorse' ? '✓' : c.stance === 'object' ? '✕' : c.stance === 'abstain' ? '–' : '?'}</span>
              <span class="org" aria-hidden="true">${c.name}</span>
              ${c.anchor ? html`<span class="anchored" aria-hidden="true">${msg('anchored', { id: 'charter_chip_anchored_mark' })}</span>` : nothing}
              <span class="visually-hidden">${text}${stale && c.stance ? ` (${msg('for the earlier text', { id: 'charter_chip_stale' })})` : ''}</span>
            </span>
          </sl-tooltip>
        </li>`;
      })}
    </ul>`;
  }

  override render() {
    const d = this.draft;
    const m = this.model;
    if (!d || !m) return nothing;
    const n = this.index + 1;
    return html`
      <article aria-labelledby="title-${d.id}" class="status-${m.status}">
        <div class="top">
          <h3 id="title-${d.id}">${this.heading ?? msg(str`Principle ${n}`, { id: 'charter_principle_n' })}</h3>
          <span class="status" data-status=${m.status}>${statusName(m.status)}</span>
        </div>
        ${this.editing
          ? html`<label class="visually-hidden" for="text-${d.id}">${msg(str`Text of principle ${n}`, { id: 'charter_principle_text_label' })}</label>
              <textarea id="text-${d.id}" class="text" part="text" rows="3" maxlength=${CharterLimits.principleMax}></textarea>`
          : this.amendsText !== null
            ? html`<sk-principle-compare part="text" .adopted=${this.amendsText} .amended=${m.decidedText ?? d.text}></sk-principle-compare>`
            : html`<p class="text" part="text">${(m.decidedText ?? d.text) || html`<span class="empty">${msg('(no text yet)', { id: 'charter_principle_no_text' })}</span>`}</p>`}
        ${lastChangeLine(this.session?.edits.last(`principles/${d.id}`) ?? null)}
        ${m.retired ? html`<p class="retired-note">${this.retiredText(m)}</p>` : nothing}
        ${m.removed ? html`<p class="retired-note">${msg('Deleted from the charter: only the record of its proposal and stances is left.', { id: 'charter_removed_note' })}</p>` : nothing}
        ${m.supersededBy
          ? html`<p class="superseded-note">${msg('Superseded by the agreed amendment below. This text is kept as it was adopted, with its stances.', { id: 'charter_superseded' })}</p>`
          : nothing}
        ${m.editedSinceClosed
          ? html`<p class="stale-note">${msg('This is the text that was decided. The draft has been edited since; a change needs a new proposal.', { id: 'charter_decided_text_note' })}</p>`
          : nothing}
        ${m.stale
          ? html`<p class="stale-note">${msg('The text was changed after it was proposed. The stances below are for the earlier text; the facilitator must propose it again.', { id: 'charter_stale_note' })}</p>`
          : nothing}
        ${this.decisionText(m) ? html`<p class="decision" data-closed=${m.closed}>${this.decisionText(m)}</p>` : nothing}
        ${m.proposed || m.chips.length ? this.renderChips(m.chips, msg('Stances of the organisations', { id: 'charter_chips_label' }), m.stale) : nothing}
        ${m.later.length
          ? html`<p class="later-title" id="later-${d.id}">${msg('Joined after the fact', { id: 'charter_joined_later' })}</p>
              ${this.renderChips(m.later, msg('Organisations that joined after the fact', { id: 'charter_later_label' }), false, 'later')}`
          : nothing}
        ${this.renderEndorsements(m)}
        ${this.representedBy ? html`<p class="represented">${this.representedBy}</p>` : nothing}
        <div class="alert" role="alert">${this.error}</div>
        ${this.renderActions(d, m)}
      </article>
      ${this.renderDialog()}
    `;
  }

  /** "Endorsed: A, B. Endorsed and anchored: A." (issue #14), once anyone endorsed. */
  private renderEndorsements(m: CardModel) {
    const e = endorsements(m);
    if (!e.endorsed.length) return nothing;
    const list = (names: string[]) => (names.length ? new Intl.ListFormat(formatLocales(), { style: 'long', type: 'conjunction' }).format(names) : msg('none yet', { id: 'charter_none_yet' }));
    const endorsed = list(e.endorsed);
    const anchored = list(e.anchored);
    return html`<p class="endorsements">
      <span class="endorsed">${msg(str`Endorsed: ${endorsed}.`, { id: 'charter_endorsed_list' })}</span>
      <span class="anchored-list">${msg(str`Endorsed and anchored: ${anchored}.`, { id: 'charter_anchored_list' })}</span>
    </p>`;
  }

  private renderActions(d: PrincipleDraft, m: CardModel) {
    const stance = (s: Stance, label: string, click: () => void) =>
      html`<sl-button size="small" variant=${this.myStance === s ? 'primary' : 'default'} ?disabled=${this.busy} @click=${click}>${label}</sl-button>`;
    const n = this.index + 1;
    return html`<div class="actions">
      ${this.canStand
        ? html`<div class="stance" role="group" aria-label=${m.closed ? msg('Join after the fact: your organisation’s stance', { id: 'charter_join_later' }) : msg('Your organisation’s stance', { id: 'charter_your_stance' })}>
            ${stance('endorse', msg('Endorse', { id: 'charter_endorse' }), () => this.emit('sk-stance', { stance: 'endorse' }))}
            ${stance('object', msg('Object…', { id: 'charter_object' }), () => this.ask('object'))}
            ${stance('abstain', msg('Abstain…', { id: 'charter_abstain' }), () => this.ask('abstain'))}
            <span class="mine">${msg(str`Your organisation: ${stanceName(this.myStance)}`, { id: 'charter_my_stance' })}</span>
          </div>`
        : nothing}
      ${this.canAnchor
        ? html`<sl-button size="small" class="anchor" ?disabled=${this.busy} @click=${(e: Event) => this.emit('sk-anchor', { opener: e.currentTarget as HTMLElement })}>${buttonLabel(msg('Anchor…', { id: 'charter_anchor' }), msg(str`Anchor your organisation’s stance on principle ${n}…`, { id: 'charter_anchor_named' }))}</sl-button>`
        : nothing}
      ${this.canPropose && !m.closed && (!m.proposed || m.stale)
        ? html`<sl-button size="small" variant="primary" ?disabled=${this.busy || !d.text.trim()} @click=${() => this.emit('sk-propose')}>${m.stale ? msg('Propose again', { id: 'charter_propose_again' }) : msg('Propose for agreement', { id: 'charter_propose' })}</sl-button>`
        : nothing}
      ${this.canPropose && m.proposed && !m.closed && !m.stale ? html`<sl-button size="small" ?disabled=${this.busy} @click=${() => this.emit('sk-close-decision')}>${msg('Close the decision', { id: 'charter_close_decision' })}</sl-button>` : nothing}
      ${this.canAmend
        ? html`<sl-button size="small" class="amend" @click=${(e: Event) => this.emit('sk-amend', { opener: e.currentTarget as HTMLElement })}>${buttonLabel(msg('Propose an amendment…', { id: 'charter_amend' }), msg(str`Propose an amendment to principle ${n}…`, { id: 'charter_amend_named' }))}</sl-button>`
        : nothing}
      ${this.canEdit && !m.retired
        ? html`<span class="edit-tools">
            ${m.closed || (m.proposed && !this.canPropose)
              ? nothing
              : html`<sl-button size="small" class="edit-text" @click=${() => this.edit(!this.editing)}>${this.editing ? buttonLabel(msg('Done', { id: 'charter_done' }), msg(str`Done editing principle ${n}`, { id: 'charter_done_named' })) : buttonLabel(msg('Edit text', { id: 'charter_edit_text' }), msg(str`Edit text of principle ${n}`, { id: 'charter_edit_text_named' }))}</sl-button>`}
            ${!this.movable
              ? nothing
              : html`<sl-button size="small" class="up" ?disabled=${this.index === 0} @click=${() => this.emit('sk-move', -1)}>${buttonLabel(msg('Up', { id: 'charter_move_up' }), msg(str`Move principle ${n} up`, { id: 'charter_principle_up' }))}</sl-button>
                  <sl-button size="small" class="down" ?disabled=${this.index >= this.count - 1} @click=${() => this.emit('sk-move', 1)}>${buttonLabel(msg('Down', { id: 'charter_move_down' }), msg(str`Move principle ${n} down`, { id: 'charter_principle_down' }))}</sl-button>`}
            ${this.canDelete
              ? html`<sl-button size="small" variant="danger" outline class="delete" @click=${(e: Event) => this.emit('sk-delete', { opener: e.currentTarget as HTMLElement })}>${buttonLabel(msg('Delete', { id: 'charter_delete' }), msg(str`Delete principle ${n}`, { id: 'charter_principle_delete' }))}</sl-button>`
              : nothing}
            ${this.canRetire
              ? html`<sl-button size="small" variant="danger" outline class="retire" @click=${(e: Event) => this.emit('sk-retire', { opener: e.currentTarget as HTMLElement })}>${buttonLabel(msg('Retire…', { id: 'charter_retire' }), msg(str`Retire principle ${n}…`, { id: 'charter_retire_named' }))}</sl-button>`
              : nothing}
          </span>`
        : nothing}
    </div>`;
  }

  private renderDialog() {
    if (!this.canStand) return nothing;
    const object = this.dialogStance === 'object';
    return html`<sl-dialog label=${object ? msg('Object to this principle', { id: 'charter_object_title' }) : msg('Abstain from this principle', { id: 'charter_abstain_title' })}>
      <form novalidate @submit=${this.sendStance}>
        <sl-textarea
          id="reason"
          label=${object ? msg('Reason (required)', { id: 'charter_reason_required' }) : msg('Reason (optional)', { id: 'charter_reason_optional' })}
          rows="3"
          maxlength=${RealtimeLimits.reasonMax}
          ?required=${object}
        ></sl-textarea>
        <p class="error" role="alert">${this.reasonError}</p>
      </form>
      <div class="actions" slot="footer">
        <sl-button variant="primary" @click=${this.sendStance}>${object ? msg('Object', { id: 'charter_object_send' }) : msg('Abstain', { id: 'charter_abstain_send' })}</sl-button>
        <sl-button @click=${() => this.renderRoot.querySelector<SlDialog>('sl-dialog')?.hide()}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-principle-card', SkPrincipleCard);
