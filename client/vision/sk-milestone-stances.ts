/**
 * `<sk-milestone-stances>`: the organisations' stances on one milestone of the vision, the vision
 * as a whole (issue #17). A chip per organisation in its colour: its stance or none yet, with who
 * took it and when in the chip's text (for screen readers, and on hover); objections show their
 * reason. With `editable`, a representative of an organisation endorses, objects (a reason is
 * needed) or abstains for it (`vision.endorse` over the workshop's live connection); a member who
 * does not represent their organisation sees who does.
 *
 * Properties: `milestone` (MilestoneDto), `session` (VisionSession), `members` (MemberDto[]),
 * `socket` (WorkshopSocket | null), `representative` (I represent my organisation), `editable`
 * (show the form: the milestone being looked at).
 * Events: `sk-milestone-stances` (detail: MilestoneStances, the milestone's stances after mine).
 * Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { MemberDto } from '../../shared/api.js';
import { reasonProblem, type Stance } from '../../shared/decision-rule.js';
import { STANCE_WORDS } from '../../shared/glossary.js';
import { RealtimeLimits } from '../../shared/limits.js';
import type { MilestoneStances } from '../../shared/realtime/index.js';
import type { MilestoneDto, MilestoneStanceDto } from '../../shared/vision/api.js';
import { CommandError } from '../net/command-error.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { emitter } from '../ui/events.js';
import { formatLocales } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { commandErrorText } from '../ui/texts.js';
import { words } from '../ui/vocabulary.js';
import { milestoneStancesStyles } from './sk-milestone-stances.styles.js';
import type { VisionSession } from './vision-session.js';

export interface SkMilestoneStancesEvents {
  'sk-milestone-stances': MilestoneStances;
}

const MARK: Record<Stance, string> = { endorse: '✓', object: '✕', abstain: '–' };

export class SkMilestoneStances extends LitElement {
  static override styles = [sharedStyles, milestoneStancesStyles];
  static override properties = {
    milestone: { attribute: false },
    session: { attribute: false },
    members: { attribute: false },
    socket: { attribute: false },
    representative: { type: Boolean },
    editable: { type: Boolean },
    busy: { state: true },
    reasonError: { state: true },
    status: { state: true },
    error: { state: true },
  };
  declare milestone: MilestoneDto | null;
  declare session: VisionSession | null;
  declare members: MemberDto[];
  declare socket: WorkshopSocket | null;
  declare representative: boolean;
  declare editable: boolean;
  declare busy: boolean;
  declare reasonError: string;
  declare status: string;
  declare error: string;
  private readonly emit = emitter<SkMilestoneStancesEvents>(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.milestone = null;
    this.session = null;
    this.members = [];
    this.socket = null;
    this.representative = false;
    this.editable = false;
    this.busy = false;
    this.reasonError = '';
    this.status = '';
    this.error = '';
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  }

  private name(memberId: string): string {
    return this.members.find((m) => m.id === memberId)?.displayName ?? this.session?.member(memberId).name ?? '';
  }

  /** What a chip says: the organisation, its stance (or none yet), who and when, and why. */
  private chipText(org: string, s: MilestoneStanceDto | undefined): string {
    if (!s) return msg(str`${org}: no stance yet`, { id: 'vision_stance_none' });
    const base = msg(str`${org}: ${words(STANCE_WORDS[s.stance])} (${this.name(s.memberId)}, ${this.when(s.at)})`, { id: 'vision_stance_chip' });
    return s.reason ? `${base}. ${msg(str`Reason: ${s.reason}`, { id: 'vision_stance_reason' })}` : base;
  }

  /** My standing: a representative of an organisation, a member who is not one, or neither. */
  private get me(): { organisationId: string; representative: boolean } | null {
    const s = this.session;
    if (!s || !s.me.organisationId || s.me.role === 'observer') return null;
    return { organisationId: s.me.organisationId, representative: this.representative };
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const m = this.milestone;
    const form = e.target as HTMLFormElement;
    const stance = (e.submitter as HTMLButtonElement | null)?.value as Stance | undefined;
    const field = form.elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    if (!m || !stance || !this.socket) return;
    this.reasonError = reasonProblem(stance, reason) ? msg('Say why your organisation objects.', { id: 'vision_stance_reason_needed' }) : '';
    if (this.reasonError) {
      field.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const done = await this.socket.command('vision.endorse', reason ? { milestoneId: m.id, stance, reason } : { milestoneId: m.id, stance });
      field.value = '';
      this.status = msg(str`Recorded: ${words(STANCE_WORDS[stance])}.`, { id: 'vision_stance_recorded' });
      this.emit('sk-milestone-stances', done);
    } catch (err) {
      this.error = err instanceof CommandError && err.code === 'forbidden'
        ? msg('Only a representative of your organisation takes its stance.', { id: 'vision_stance_forbidden' })
        : commandErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  private renderForm(m: MilestoneDto, me: { organisationId: string; representative: boolean }) {
    const org = this.session!.organisations.find((o) => o.id === me.organisationId)?.name ?? '';
    if (!me.representative) {
      const reps = this.members.filter((x) => x.representative && x.organisationId === me.organisationId && !x.removedAt).map((x) => x.displayName);
      const names = new Intl.ListFormat(formatLocales(), { style: 'long', type: 'conjunction' }).format(reps);
      return html`<p class="hint">${reps.length
        ? msg(str`Only a representative of ${org} takes its stance on the vision: ${names}.`, { id: 'vision_stance_represented_by' })
        : msg(str`${org} has no representative yet: only a representative takes its stance.`, { id: 'vision_stance_no_rep' })}</p>`;
    }
    const id = `reason-${m.id}`;
    return html`<form novalidate @submit=${this.submit}>
      <fieldset ?disabled=${this.busy || !this.socket}>
        <legend>${msg(str`Stance of ${org} on “${m.name}”`, { id: 'vision_stance_legend' })}</legend>
        <label for=${id}>${msg('Reason (needed to object)', { id: 'vision_stance_reason_label' })}</label>
        <textarea id=${id} name="reason" rows="2" maxlength=${RealtimeLimits.reasonMax} aria-invalid=${this.reasonError ? 'true' : 'false'} aria-describedby="${id}-error"></textarea>
        <p class="error" id="${id}-error">${this.reasonError}</p>
        <div class="buttons">
          <button type="submit" value="endorse" class="primary">${msg('Endorse', { id: 'vision_stance_endorse' })}</button>
          <button type="submit" value="object">${msg('Object', { id: 'vision_stance_object' })}</button>
          <button type="submit" value="abstain">${msg('Abstain', { id: 'vision_stance_abstain' })}</button>
        </div>
      </fieldset>
    </form>`;
  }

  override render() {
    const m = this.milestone;
    const s = this.session;
    if (!m || !s) return nothing;
    const byOrg = new Map(m.stances.map((x) => [x.organisationId, x]));
    const objections = m.stances.filter((x) => x.reason);
    const me = this.me;
    return html`
      <ul class="chips" aria-label=${msg(str`Stances of the organisations on “${m.name}”`, { id: 'vision_stances_label' })}>
        ${s.organisations.map((o) => {
          const st = byOrg.get(o.id);
          const color = s.colorOf(o.id);
          const text = this.chipText(o.name, st);
          return html`<li>
            <span class="chip stance-${st?.stance ?? 'none'}" data-org=${o.id} data-stance=${st?.stance ?? 'none'} title=${text} style="--org:${color.strong}">
              <span class="mark" aria-hidden="true">${st ? MARK[st.stance] : '?'}</span>
              <span aria-hidden="true">${o.name}</span>
              <span class="visually-hidden">${text}</span>
            </span>
          </li>`;
        })}
      </ul>
      ${objections.length
        ? html`<ul class="reasons" aria-label=${msg('Reasons given', { id: 'vision_stance_reasons' })}>
            ${objections.map((x) => html`<li>${s.organisations.find((o) => o.id === x.organisationId)?.name ?? ''}: ${x.reason}</li>`)}
          </ul>`
        : nothing}
      ${this.editable && me ? this.renderForm(m, me) : nothing}
      ${this.editable ? html`<p class="status" role="status">${this.status}</p><div class="alert" role="alert">${this.error}</div>` : nothing}
    `;
  }
}

customElements.define('sk-milestone-stances', SkMilestoneStances);

declare global {
  interface HTMLElementTagNameMap {
    'sk-milestone-stances': SkMilestoneStances;
  }
}
