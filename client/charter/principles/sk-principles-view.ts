/**
 * `<sk-principles-view>`: the principles. Drafts come from the charter document (anyone who may
 * write adds, edits, orders and deletes them); proposals, stances and statuses come from the
 * server (socket.io). Facilitators propose a draft for agreement; a member with an organisation
 * endorses, objects (with a reason) or abstains for that organisation.
 *
 * Properties: `session` (CharterSession), `socket` (WorkshopSocket), `members` (MemberDto[]).
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MemberDto } from '../../../shared/api.js';
import { CharterLimits, type PrincipleDraft } from '../../../shared/charter/schema.js';
import type { DecisionRule } from '../../../shared/decisions.js';
import { api } from '../../app/api.js';
import { sharedStyles } from '../../app/shared.styles.js';
import { errorText } from '../../app/texts.js';
import { commandErrorText } from '../../facilitation/facilitation-texts.js';
import { WorkshopStateController } from '../../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../../net/workshop-socket.js';
import { CharterController } from '../charter-controller.js';
import { moveStep } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { canTakeStance, cardModel, myStance } from './principle-model.js';
import './sk-principle-card.js';
import type { StanceDetail } from './sk-principle-card.js';
import { principlesStyles } from './sk-principles-view.styles.js';

export class SkPrinciplesView extends LitElement {
  static override styles = [sharedStyles, charterStyles, principlesStyles];
  static override properties = {
    session: { attribute: false },
    socket: { attribute: false },
    members: { attribute: false },
    busy: { state: true },
    errors: { state: true },
    ruleError: { state: true },
  };
  declare session: CharterSession | null;
  declare socket: WorkshopSocket | null;
  declare members: MemberDto[];
  declare busy: ReadonlySet<string>;
  declare errors: ReadonlyMap<string, string>;
  declare ruleError: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly live = new WorkshopStateController(this, () => this.socket);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#new-principle'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.socket = null;
    this.members = [];
    this.busy = new Set();
    this.errors = new Map();
    this.ruleError = '';
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
    if (this.session?.me.role !== 'facilitator') return html`<span class="rule">${msg(str`Decision rule: ${ruleText(rule)}`, { id: 'charter_decision_rule' })}</span>`;
    return html`<label class="rule"
      >${msg('Decision rule for new proposals', { id: 'charter_rule_choose' })}
      <select @change=${this.setRule}>
        ${(['consensus', 'consent', 'majority'] as const).map((r) => html`<option value=${r} ?selected=${r === rule}>${ruleText(r)}</option>`)}
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
    const me = { role: s.me.role, organisationId: s.me.organisationId };
    const ids = drafts.map((d) => d.id);
    return html`
      <div class="head">
        <h2>${msg('Principles', { id: 'charter_nav_principles' })}</h2>
        ${state ? this.renderRule(state.decisionRule) : nothing}
      </div>
      <p class="alert" role="alert">${this.ruleError}</p>
      <p class="lead">${msg('What every organisation agrees to. A principle is agreed when the organisations have taken their stance on the proposed text.', { id: 'charter_principles_lead' })}</p>
      ${this.live.link !== 'online' ? html`<p class="notice" role="status">${msg('Live decisions are not connected right now; stances will show when the connection is back.', { id: 'charter_live_offline' })}</p>` : nothing}
      ${drafts.length === 0 ? html`<p class="empty">${msg('No principles yet.', { id: 'charter_principles_empty' })}</p>` : nothing}
      <ol class="cards">
        ${repeat(
          drafts,
          (d) => d.id,
          (d, i) => {
            const model = cardModel(d.text, views.get(d.id), s.organisations);
            const mine = myStance(me, model);
            return html`<li>
              <sk-principle-card
                data-id=${d.id}
                .draft=${d}
                .model=${model}
                .index=${i}
                .count=${drafts.length}
                .session=${s}
                .memberName=${this.memberName}
                .myStance=${mine}
                .myOrganisationId=${me.organisationId}
                ?canEdit=${!s.readOnly}
                ?canPropose=${s.me.role === 'facilitator'}
                ?canStand=${canTakeStance(me, model)}
                ?busy=${this.busy.has(d.id)}
                error=${this.errors.get(d.id) ?? ''}
                @sk-propose=${() => this.run(d.id, (so) => this.propose(so, d.id))}
                @sk-close-decision=${() => this.run(d.id, (so) => so.command('principle.close', { principleId: d.id }))}
                @sk-stance=${(e: CustomEvent<StanceDetail>) => this.run(d.id, (so) => so.command('principle.endorse', { principleId: d.id, ...e.detail }))}
                @sk-move=${(e: CustomEvent<-1 | 1>) => this.move(d, e.detail, ids)}
                @sk-delete=${(e: CustomEvent<{ opener: HTMLElement }>) =>
                  this.confirm.ask(e.detail.opener, msg(str`Delete principle ${i + 1}?`, { id: 'charter_principle_delete_title' }), d.text, () => void s.remove('principles', d.id))}
              ></sk-principle-card>
            </li>`;
          },
        )}
      </ol>
      ${s.readOnly
        ? nothing
        : html`<form class="add" @submit=${this.add}>
            <label for="new-principle">${msg('New principle', { id: 'charter_principle_new' })}</label>
            <textarea id="new-principle" rows="2" maxlength=${CharterLimits.principleMax} placeholder=${msg('For example: we build on shared national platforms before building our own.', { id: 'charter_principle_placeholder' })}></textarea>
            <div><button type="submit" class="primary">${msg('Add principle', { id: 'charter_principle_add' })}</button></div>
          </form>`}
      ${this.confirm.render()}
    `;
  }
}

function ruleText(rule: 'consensus' | 'consent' | 'majority'): string {
  switch (rule) {
    case 'consensus':
      return msg('Consensus', { id: 'charter_rule_consensus' });
    case 'consent':
      return msg('Consent (no objections)', { id: 'charter_rule_consent' });
    case 'majority':
      return msg('Majority', { id: 'charter_rule_majority' });
  }
}

customElements.define('sk-principles-view', SkPrinciplesView);
