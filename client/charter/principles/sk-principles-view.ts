/**
 * `<sk-principles-view>`: the principles. Drafts come from the charter document (anyone who may
 * write adds, edits, orders and deletes them); proposals, stances and statuses come from the
 * server (socket.io). Facilitators propose a draft for agreement; a member with an organisation
 * endorses, objects (with a reason) or abstains for that organisation.
 *
 * Agreements hold: an adopted principle is not edited or deleted. Members may propose an
 * amendment (shown under it, beside the adopted text, with a word-level diff); a facilitator may
 * retire it, after a confirmation that names the principle, its status and who adopted it, and
 * with a reason. Retired principles are listed apart, in a collapsed section.
 *
 * Issue #14: only an organisation's representatives take its stances and anchor them (a dialog:
 * who confirmed, their role, the date, a reference); other members see who represents them.
 *
 * Properties: `session` (CharterSession). Context: the workshop (client/net/workshop-context.ts): the live connection, the members.
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MemberDto } from '../../../shared/api.js';
import type { PrincipleView } from '../../../shared/realtime/index.js';
import { RealtimeLimits } from '../../../shared/limits.js';
import { CharterLimits, type PrincipleDraft } from '../../../shared/charter/schema.js';
import { DECISION_RULES, type DecisionRule } from '../../../shared/decision-rule.js';
import { api } from '../../net/api.js';
import type { SkEvent } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { commandErrorText, errorText } from '../../ui/texts.js';
import { WorkshopStateController } from '../../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../../net/workshop-socket.js';
import { CharterController } from '../charter-controller.js';
import { moveStep } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { formatLocales } from '../../ui/i18n.js';
import { bodyRuleName, stanceName, statusName } from '../charter-texts.js';
import { canAmend, canAnchor, canDelete, canTakeStance, cardModel, groupPrinciples, myStance, stanceOpen, type CardModel, type Me } from './principle-model.js';
import './sk-anchor-dialog.js';
import type { SkAnchorDialog, SkAnchorDialogEvents } from './sk-anchor-dialog.js';
import './sk-principle-card.js';
import './sk-principle-dialog.js';
import type { SkPrincipleDialog, SkPrincipleDialogEvents } from './sk-principle-dialog.js';
import type { SkPrincipleCardEvents } from './sk-principle-card.js';
import { principlesStyles } from './sk-principles-view.styles.js';
import { WorkshopConsumer } from '../../net/workshop-context.js';
import { term, words } from '../../ui/vocabulary.js';
import { STARTER_PRINCIPLES } from '../../../shared/charter/starter-principles.js';

type Card<K extends keyof SkPrincipleCardEvents> = SkEvent<SkPrincipleCardEvents, K>;

export class SkPrinciplesView extends LitElement {
  static override styles = [sharedStyles, charterStyles, principlesStyles];
  static override properties = {
    session: { attribute: false },
    busy: { state: true },
    errors: { state: true },
    ruleError: { state: true },
    target: { state: true },
    starters: { state: true },
  };
  declare session: CharterSession | null;
  declare busy: ReadonlySet<string>;
  declare errors: ReadonlyMap<string, string>;
  declare ruleError: string;
  /** The principle a dialog is about: retiring it, or amending it. */
  declare target: { kind: 'retire' | 'amend' | 'anchor'; id: string; n: number; text: string; model: CardModel } | null;
  /** What adding the starter principles did, said once. */
  declare starters: string | null;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  private readonly doc = new CharterController(this, () => this.session);
  private readonly live = new WorkshopStateController(this, () => this.socket);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#new-principle'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.busy = new Set();
    this.errors = new Map();
    this.ruleError = '';
    this.target = null;
    this.starters = null;
  }

  /** The facilitator chooses the rule for principles proposed from now on (REST; sockets hear `settings.changed`). */
  private async setRule(e: Event): Promise<void> {
    const s = this.session;
    const value = (e.target as HTMLSelectElement).value as DecisionRule;
    if (!s) return;
    this.ruleError = '';
    try {
      await api.updateWorkshop(s.workshopId, { decisionRule: value });
    } catch (err) {
      this.ruleError = errorText(err);
    }
  }

  private renderRule(rule: DecisionRule) {
    if (this.session?.me.role !== 'facilitator') return html`<span class="rule">${msg(str`Decision rule: ${bodyRuleName(rule)}`, { id: 'charter_decision_rule' })}</span>`;
    return html`<label class="rule"
      >${msg('Decision rule for new proposals', { id: 'charter_rule_choose' })}
      <select @change=${this.setRule}>
        ${DECISION_RULES.map((r) => html`<option value=${r} ?selected=${r === rule}>${bodyRuleName(r)}</option>`)}
      </select></label
    >`;
  }

  private readonly memberName = (id: string) => this.members.find((m) => m.id === id)?.displayName ?? msg('someone', { id: 'charter_someone' });

  private async run(id: string, fn: (s: WorkshopSocket) => Promise<unknown>): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.busy = new Set([...this.busy, id]);
    this.errors = new Map([...this.errors].filter(([k]) => k !== id));
    try {
      await fn(socket);
    } catch (err) {
      this.errors = new Map([...this.errors, [id, commandErrorText(err)]]);
    } finally {
      this.busy = new Set([...this.busy].filter((x) => x !== id));
    }
  }

  /**
   * Proposes the text on my screen. The server reads the draft from its own copy of the document,
   * which my last keystrokes reach over another connection (the sync socket): it waits for them,
   * given the text I see, and refuses (`conflict`) rather than propose something else.
   */
  private async propose(socket: WorkshopSocket, principleId: string): Promise<void> {
    const mine = this.session?.charter.principle(principleId)?.text;
    await socket.command('principle.propose', mine === undefined ? { principleId } : { principleId, expectedText: mine });
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#new-principle');
    const text = area?.value.trim() ?? '';
    if (!s || s.readOnly || !area || !text) return;
    s.charter.addPrinciple(text, s.me.id, s.origin);
    area.value = '';
    area.focus();
  }

  /** The council's three questions as drafts (facilitators; those already there, word for word, are left out). */
  private addStarters(): void {
    const s = this.session;
    if (!s || s.readOnly || s.me.role !== 'facilitator') return;
    const have = new Set(s.charter.principles().map((p) => p.text.trim()));
    const fresh = STARTER_PRINCIPLES.map((w) => words(w)).filter((t) => !have.has(t));
    for (const text of fresh) s.charter.addPrinciple(text, s.me.id, s.origin);
    this.starters = fresh.length
      ? msg(str`${fresh.length} starter principles added as drafts.`, { id: 'charter_starters_added' })
      : msg('The starter principles are already in the charter.', { id: 'charter_starters_there' });
  }

  private async move(d: PrincipleDraft, dir: -1 | 1, ids: string[]): Promise<void> {
    const s = this.session;
    if (!s || s.readOnly || !moveStep(s.charter, 'principles', ids, d.id, dir, s.origin)) return;
    this.requestUpdate();
    await this.updateComplete;
    const card = this.renderRoot.querySelector(`sk-principle-card[data-id="${d.id}"]`);
    await (card as LitElement | null)?.updateComplete;
    card?.shadowRoot?.querySelector<HTMLElement>(dir < 0 ? '.up' : '.down')?.focus();
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const drafts = s.charter.principles();
    const state = this.live.state;
    const views = new Map((state?.principles ?? []).map((p) => [p.principleId, p]));
    // The members list follows `member.changed`: whether I represent my organisation may change live.
    const me: Me = { role: s.me.role, organisationId: s.me.organisationId, representative: this.members.find((m) => m.id === s.me.id)?.representative ?? s.me.representative };
    const groups = groupPrinciples(drafts, views);
    const ids = groups.top.map((d) => d.id);
    // Retired principles, and proposals whose draft was deleted (the record keeps them, so does every export).
    const gone = [...views.values()].filter((v) => v.removed).map((v): PrincipleDraft => ({ id: v.principleId, text: v.proposedText ?? v.text, order: '', authorId: '', createdAt: '', source: null }));
    const apart = [...groups.retired, ...gone];
    return html`
      <div class="head">
        <h2>${term('principles')}</h2>
        ${state ? this.renderRule(state.decisionRule) : nothing}
      </div>
      <p class="alert" role="alert">${this.ruleError}</p>
      <p class="lead">${msg('What every organisation agrees to. A principle is agreed when the organisations have taken their stance on the proposed text.', { id: 'charter_principles_lead' })}</p>
      ${this.live.link !== 'online' ? html`<p class="notice" role="status">${msg('Live decisions are not connected right now; stances will show when the connection is back.', { id: 'charter_live_offline' })}</p>` : nothing}
      ${drafts.length === 0 ? html`<p class="empty">${msg('No principles yet.', { id: 'charter_principles_empty' })}</p>` : nothing}
      <ol class="cards">
        ${repeat(
          groups.top,
          (d) => d.id,
          (d, i) => html`<li>
            ${this.card(d, { index: i, count: groups.top.length, ids, views, me })}
            ${(groups.amendments.get(d.id) ?? []).length
              ? html`<ol class="amendments">
                  ${repeat(
                    groups.amendments.get(d.id)!,
                    (a) => a.id,
                    (a) => html`<li>${this.card(a, { index: i, count: 1, ids, views, me, amends: d, heading: msg(str`Amendment to principle ${i + 1}`, { id: 'charter_amendment_to' }) })}</li>`,
                  )}
                </ol>`
              : nothing}
          </li>`,
        )}
      </ol>
      ${apart.length
        ? html`<details class="retired-section">
            <summary>${msg(str`Retired and deleted principles (${apart.length})`, { id: 'charter_retired_section' })}</summary>
            <ol class="cards">
              ${repeat(
                apart,
                (d) => d.id,
                (d, i) =>
                  html`<li>
                    ${this.card(d, {
                      index: i, count: 1, ids, views, me, retired: true,
                      heading: views.get(d.id)?.removed ? msg(str`Deleted principle ${i + 1}`, { id: 'charter_removed_n' }) : msg(str`Retired principle ${i + 1}`, { id: 'charter_retired_n' }),
                    })}
                  </li>`,
              )}
            </ol>
          </details>`
        : nothing}
      ${s.readOnly
        ? nothing
        : html`<form class="add" @submit=${this.add}>
            <label for="new-principle">${msg('New principle', { id: 'charter_principle_new' })}</label>
            <textarea id="new-principle" rows="2" maxlength=${CharterLimits.principleMax} placeholder=${msg('For example: we build on shared national platforms before building our own.', { id: 'charter_principle_placeholder' })}></textarea>
            <div><button type="submit" class="primary">${msg('Add principle', { id: 'charter_principle_add' })}</button></div>
          </form>`}
      ${!s.readOnly && s.me.role === 'facilitator'
        ? html`<div class="starters">
            <button type="button" @click=${this.addStarters}>${msg('Add the council’s three starter principles', { id: 'charter_starters_add' })}</button>
            <span role="status">${this.starters ?? ''}</span>
          </div>`
        : nothing}
      ${this.confirm.render()} ${this.renderDialog()} ${this.renderAnchorDialog()}
    `;
  }

  private card(
    d: PrincipleDraft,
    o: { index: number; count: number; ids: string[]; views: Map<string, PrincipleView>; me: Me; amends?: PrincipleDraft; heading?: string; retired?: boolean },
  ) {
    const s = this.session!;
    const model = cardModel(d.text, o.views.get(d.id), s.organisations);
    const adoptedText = o.amends ? (o.views.get(o.amends.id)?.proposedText ?? o.amends.text) : null;
    const n = o.index + 1;
    return html`<sk-principle-card
      data-id=${d.id}
      .draft=${d}
      .model=${model}
      .index=${o.index}
      .count=${o.count}
      .session=${s}
      .memberName=${this.memberName}
      .myStance=${myStance(o.me, model)}
      .myOrganisationId=${o.me.organisationId}
      .amendsText=${adoptedText}
      .heading=${o.heading ?? null}
      .movable=${!o.amends && !o.retired}
      ?canEdit=${!s.readOnly}
      ?canPropose=${s.me.role === 'facilitator'}
      ?canStand=${canTakeStance(o.me, model)}
      ?canAnchor=${canAnchor(o.me, model)}
      .representedBy=${!o.me.representative && stanceOpen(o.me, model) ? this.representedBy(o.me.organisationId) : null}
      ?canDelete=${!s.readOnly && canDelete(o.me, model)}
      ?canRetire=${s.me.role === 'facilitator' && model.closed && !model.retired}
      ?canAmend=${canAmend(o.me, model)}
      ?busy=${this.busy.has(d.id)}
      error=${this.errors.get(d.id) ?? ''}
      @sk-propose=${() => this.run(d.id, (so) => this.propose(so, d.id))}
      @sk-close-decision=${() => this.run(d.id, (so) => so.command('principle.close', { principleId: d.id }))}
      @sk-stance=${(e: Card<'sk-stance'>) => this.run(d.id, (so) => so.command('principle.endorse', { principleId: d.id, ...e.detail }))}
      @sk-move=${(e: Card<'sk-move'>) => this.move(d, e.detail, o.ids)}
      @sk-delete=${(e: Card<'sk-delete'>) =>
        this.confirm.ask(e.detail.opener, msg(str`Delete principle ${n}?`, { id: 'charter_principle_delete_title' }), d.text, () => void this.run(d.id, () => s.remove('principles', d.id)))}
      @sk-retire=${(e: Card<'sk-retire'>) => this.openDialog(e.detail.opener, { kind: 'retire', id: d.id, n, text: model.decidedText ?? d.text, model })}
      @sk-amend=${(e: Card<'sk-amend'>) => this.openDialog(e.detail.opener, { kind: 'amend', id: d.id, n, text: model.decidedText ?? d.text, model })}
      @sk-anchor=${(e: Card<'sk-anchor'>) => this.openAnchor(e.detail.opener, { kind: 'anchor', id: d.id, n, text: model.decidedText ?? d.text, model })}
    ></sk-principle-card>`;
  }

  /** "Your organisation is represented by A and B; only they take its stance." */
  private representedBy(org: string | null): string {
    const names = this.members.filter((m) => m.representative && m.organisationId === org).map((m) => m.displayName);
    if (!names.length) return msg('Your organisation has no representative yet: only a representative takes its stance. A facilitator can name one with your organisation’s confirmation.', { id: 'charter_rep_none' });
    const list = new Intl.ListFormat(formatLocales(), { style: 'long', type: 'conjunction' }).format(names);
    return msg(str`Your organisation is represented by ${list}; only they take its stance.`, { id: 'charter_rep_by' });
  }

  private async openAnchor(opener: HTMLElement, target: NonNullable<SkPrinciplesView['target']>): Promise<void> {
    this.target = target;
    await this.updateComplete;
    await this.renderRoot.querySelector<SkAnchorDialog>('sk-anchor-dialog')?.show(opener);
  }

  private async submitAnchor(e: SkEvent<SkAnchorDialogEvents, 'sk-save'>): Promise<void> {
    const t = this.target;
    const dialog = e.currentTarget as SkAnchorDialog;
    if (!t || !this.socket) return;
    try {
      await this.socket.command('principle.anchor', { principleId: t.id, ...e.detail });
      dialog.close();
    } catch (err) {
      dialog.busy = false;
      dialog.error = commandErrorText(err);
    }
  }

  private renderAnchorDialog() {
    const t = this.target?.kind === 'anchor' ? this.target : null;
    const mine = t ? myStance({ organisationId: this.session?.me.organisationId ?? null }, t.model) : null;
    return html`<sk-anchor-dialog .heading=${t ? msg(str`Anchor your organisation’s stance on principle ${t.n}`, { id: 'charter_anchor_title' }) : ''} @sk-save=${this.submitAnchor}>
      ${t
        ? html`<blockquote class="dialog-quote">${t.text}</blockquote>
            <p>${msg(str`Your organisation’s stance: ${stanceName(mine)}.`, { id: 'charter_anchor_stance' })}</p>
            <p>${msg('Record that your organisation’s line or leadership has confirmed this stance. Anchoring again replaces the earlier record; a new proposal or a new stance needs a new anchoring.', { id: 'charter_anchor_explain' })}</p>`
        : nothing}
    </sk-anchor-dialog>`;
  }

  private async openDialog(opener: HTMLElement, target: NonNullable<SkPrinciplesView['target']>): Promise<void> {
    this.target = target;
    await this.updateComplete;
    await this.renderRoot.querySelector<SkPrincipleDialog>('sk-principle-dialog')?.show(opener, target.kind === 'amend' ? target.text : '');
  }

  private async submitDialog(e: SkEvent<SkPrincipleDialogEvents, 'sk-submit'>): Promise<void> {
    const t = this.target;
    const dialog = e.currentTarget as SkPrincipleDialog;
    if (!t || !this.socket) return;
    try {
      if (t.kind === 'retire') await this.socket.command('principle.retire', { principleId: t.id, reason: e.detail.text });
      else await this.socket.command('principle.amend', { principleId: t.id, text: e.detail.text });
      dialog.close();
    } catch (err) {
      dialog.busy = false;
      dialog.error = commandErrorText(err);
    }
  }

  /** Who adopted it and when, for the retire confirmation. */
  private decided(m: CardModel): string {
    const names = new Intl.ListFormat(formatLocales(), { style: 'long', type: 'conjunction' }).format(m.chips.map((c) => c.name));
    const date = m.closedAt ? new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long' }).format(new Date(m.closedAt)) : '';
    return m.status === 'agreed' ? msg(str`Adopted by ${names} on ${date}.`, { id: 'charter_adopted_by' }) : msg(str`Closed without agreement on ${date}; it was put to ${names}.`, { id: 'charter_closed_without' });
  }

  private renderDialog() {
    const t = this.target?.kind === 'anchor' ? null : this.target;
    const retire = t?.kind === 'retire';
    return html`<sk-principle-dialog
      .heading=${!t ? '' : retire ? msg(str`Retire principle ${t.n}?`, { id: 'charter_retire_title' }) : msg(str`Propose an amendment to principle ${t.n}`, { id: 'charter_amend_title' })}
      .label=${retire ? msg('Why is it retired? (required, kept in the record)', { id: 'charter_retire_reason' }) : msg('Amended text', { id: 'charter_amend_text' })}
      .confirmLabel=${retire ? msg('Retire the principle', { id: 'charter_retire_confirm' }) : msg('Start the amendment', { id: 'charter_amend_confirm' })}
      .missingText=${retire ? msg('Give a reason: the record keeps it with the principle.', { id: 'charter_retire_reason_missing' }) : msg('Write the amended text.', { id: 'charter_amend_missing' })}
      .maxlength=${retire ? RealtimeLimits.reasonMax : CharterLimits.principleMax}
      ?danger=${retire}
      required
      @sk-submit=${this.submitDialog}
    >
      ${t
        ? html`<blockquote class="dialog-quote">${t.text}</blockquote>
            <p>${msg(str`Status: ${statusName(t.model.status)}.`, { id: 'charter_dialog_status' })} ${t.model.closed ? this.decided(t.model) : nothing}</p>
            <p>
              ${retire
                ? msg('Retiring does not delete it: it stays in the record and in every export, marked retired with your reason. It takes no more stances.', { id: 'charter_retire_explain' })
                : msg('The adopted text and its stances stay as they are. The amendment is a new draft beside it, proposed and endorsed like any principle; once it is agreed, it supersedes this one.', { id: 'charter_amend_explain' })}
            </p>`
        : nothing}
    </sk-principle-dialog>`;
  }
}

customElements.define('sk-principles-view', SkPrinciplesView);
