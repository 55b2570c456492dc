/**
 * `<sk-answer-form>`: while the facilitator has a question open, a private answer form for each
 * member who speaks for an organisation: maturity (generation 1–4 and a justification), a
 * paradox axis (position 0–100 and a note) or a free-text question (its prompt, an answer of up
 * to 2,000 characters with a counter). Until the reveal, a member sees only their own
 * answer and how many have answered; the answer may be changed while the question is open.
 * Observers and members without an organisation are told a question is running. A question
 * revealed while the page is open leaves a short notice with a link to where the answers went,
 * or, for a text question, the answers themselves as a list (who, for which organisation, what).
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop and its live connection.
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/range/range.js';
import type SlRange from '@shoelace-style/shoelace/dist/components/range/range.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { GENERATIONS } from '../../shared/charter/schema.js';
import type { AnswerValue, QuestionView } from '../../shared/realtime/index.js';
import { RealtimeLimits } from '../../shared/limits.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { axisNames, generationText, term } from '../ui/vocabulary.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { commandErrorText } from '../ui/texts.js';
import { questionTitle } from './facilitation-texts.js';
import { answerFormStyles } from './sk-answer-form.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

export class SkAnswerForm extends LitElement {
  static override styles = [sharedStyles, answerFormStyles];
  static override properties = {
    editing: { state: true },
    error: { state: true },
    busy: { state: true },
    revealed: { state: true },
    typed: { state: true },
  };
  /** Characters typed so far in each text question's answer (for the counter). */
  declare typed: ReadonlyMap<string, number>;
  /** Question ids whose (already given) answer is being changed. */
  declare editing: ReadonlySet<string>;
  declare error: string;
  declare busy: boolean;
  /** Questions seen open here and since revealed, until dismissed. */
  declare revealed: ReadonlyArray<QuestionView>;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private seenOpen = new Set<string>();
  private readonly live = new WorkshopStateController(this, () => this.socket);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.editing = new Set();
    this.error = '';
    this.busy = false;
    this.revealed = [];
    this.typed = new Map();
  }

  protected override willUpdate(): void {
    for (const q of this.live.state?.questions ?? []) {
      if (q.status === 'open') this.seenOpen.add(q.questionId);
      else if (q.status === 'revealed' && this.seenOpen.delete(q.questionId)) this.revealed = [...this.revealed, q];
    }
  }

  private async submit(e: SubmitEvent, q: QuestionView): Promise<void> {
    e.preventDefault();
    const f = e.currentTarget as HTMLFormElement;
    const text = (f.elements.namedItem('text') as HTMLTextAreaElement).value.trim();
    let value: AnswerValue;
    if (q.kind === 'text') {
      if (!text) {
        this.error = msg('Write your answer first.', { id: 'fac_answer_text_empty' });
        f.querySelector<HTMLTextAreaElement>('textarea')?.focus();
        return;
      }
      value = text;
    } else if (q.kind === 'maturity') {
      const g = Number((f.querySelector<HTMLInputElement>('input[name="generation"]:checked') ?? { value: '' }).value);
      if (!g) {
        this.error = msg('Choose a generation.', { id: 'fac_answer_choose' });
        f.querySelector<HTMLInputElement>('input[name="generation"]')?.focus();
        return;
      }
      value = text ? { generation: g, justification: text } : { generation: g };
    } else {
      const position = Math.round(f.querySelector<SlRange>('sl-range')?.value ?? 50);
      value = text ? { position, note: text } : { position };
    }
    const socket = this.socket;
    if (!socket) return;
    this.busy = true;
    this.error = '';
    try {
      const r = await socket.command('answer.submit', { questionId: q.questionId, value });
      socket.store.setMine(q.questionId, value, r.answered);
      this.editing = new Set([...this.editing].filter((id) => id !== q.questionId));
    } catch (err) {
      this.error = commandErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const w = this.workshop;
    const st = this.live.state;
    if (!w || !st) return nothing;
    const open = st.questions.filter((q) => q.status === 'open');
    const canAnswer = w.me.role !== 'observer' && w.me.organisationId !== null;
    return html`${this.revealed.map(
      (q) => html`<div class="revealed" role="status">
        <span>${msg(str`Answers revealed: ${questionTitle(q)}`, { id: 'fac_answer_revealed' })}</span>
        ${q.kind === 'text'
          ? nothing
          : html`<a href="/w/${w.id}/charter/${q.kind === 'maturity' ? 'maturity' : 'paradoxes'}">${q.kind === 'maturity' ? msg('See the maturity staircase', { id: 'fac_answer_see_maturity' }) : msg('See the paradoxes', { id: 'fac_answer_see_paradoxes' })}</a>`}
        <button type="button" @click=${() => (this.revealed = this.revealed.filter((x) => x !== q))}>${msg('Dismiss', { id: 'fac_answer_dismiss' })}</button>
        ${q.kind === 'text' ? this.renderTextAnswers(q) : nothing}
      </div>`,
    )}
    ${open.map((q) => {
      const title = questionTitle(q);
      return html`<section class="question" aria-labelledby="q-${q.questionId}">
        <h2 id="q-${q.questionId}">${title}</h2>
        <p class="hint">${msg(str`${q.answered} answered so far. Answers stay private until the facilitator reveals them.`, { id: 'fac_answer_progress' })}</p>
        ${!canAnswer
          ? html`<p>${msg('Members who speak for an organisation answer this question.', { id: 'fac_answer_not_you' })}</p>`
          : q.mine && !this.editing.has(q.questionId)
            ? html`<p class="mine" role="status">${this.mineText(q)}</p>
                <sl-button size="small" @click=${() => (this.editing = new Set([...this.editing, q.questionId]))}>${msg('Change my answer', { id: 'fac_answer_change' })}</sl-button>`
            : this.renderForm(q)}
        <p class="alert" role="alert">${this.error}</p>
      </section>`;
    })}`;
  }

  /** A revealed text question's answers: who (and for which organisation) said what. */
  private renderTextAnswers(q: QuestionView) {
    const w = this.workshop;
    const members = new Map(this.ws.members.map((m) => [m.id, m.displayName]));
    const orgs = new Map((w?.organisations ?? []).map((o) => [o.id, o.name]));
    const answers = (q.answers ?? []).flatMap((a) => (typeof a.value === 'string' ? [{ ...a, value: a.value }] : []));
    if (answers.length === 0) return html`<p>${msg('Nobody answered.', { id: 'fac_answer_text_none' })}</p>`;
    return html`<ul class="text-answers" aria-label=${msg(str`Answers: ${q.prompt ?? ''}`, { id: 'fac_answer_text_list' })}>
      ${answers.map((a) => html`<li><span class="who">${msg(str`${members.get(a.memberId) ?? '–'} (${orgs.get(a.organisationId) ?? '–'}):`, { id: 'fac_answer_text_who' })}</span> ${a.value}</li>`)}
    </ul>`;
  }

  private mineText(q: QuestionView): string {
    const v = q.mine;
    if (!v) return '';
    if (typeof v === 'string') return msg(str`Your answer: ${v}`, { id: 'fac_answer_mine_text' });
    if ('generation' in v) return msg(str`Your answer: generation ${v.generation}. ${v.justification ?? ''}`, { id: 'fac_answer_mine_gen' });
    return msg(str`Your answer: ${v.position} of 100. ${v.note ?? ''}`, { id: 'fac_answer_mine_pos' });
  }

  private renderForm(q: QuestionView) {
    const id = q.questionId;
    if (q.kind === 'text') return this.renderTextForm(q);
    const mine = typeof q.mine === 'string' ? null : q.mine;
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, q)}>
      ${q.kind === 'maturity'
        ? html`<fieldset>
            <legend>${msg('Your organisation’s generation', { id: 'fac_answer_generation' })}</legend>
            ${GENERATIONS.map(
              (g) => html`<label class="choice"><input type="radio" name="generation" value=${g} ?checked=${!!mine && 'generation' in mine && mine.generation === g} /> ${msg(str`Generation ${g}`, { id: 'charter_generation' })}: ${generationText(g)}</label>`,
            )}
          </fieldset>`
        : html`<div class="range">
            <sl-range label=${msg('Your organisation’s position', { id: 'fac_answer_position' })} min="0" max="100" step="5" .value=${mine && 'position' in mine ? mine.position : 50}></sl-range>
            <div class="poles" aria-hidden="true"><span>0: ${axisNames(q.axis ?? 'local_vs_central').low}</span><span>100: ${axisNames(q.axis ?? 'local_vs_central').high}</span></div>
            <p class="visually-hidden">${msg(str`0 means ${axisNames(q.axis ?? 'local_vs_central').low}, 100 means ${axisNames(q.axis ?? 'local_vs_central').high}.`, { id: 'fac_answer_poles' })}</p>
          </div>`}
      <div class="field">
        <label for="text-${id}">${q.kind === 'maturity' ? term('justification') : term('note')}</label>
        <textarea id="text-${id}" name="text" rows="2" maxlength=${RealtimeLimits.noteMax} .value=${mine ? ('justification' in mine ? (mine.justification ?? '') : 'note' in mine ? (mine.note ?? '') : '') : ''}></textarea>
      </div>
      <sl-button type="submit" variant="primary" size="small" ?disabled=${this.busy}>${msg('Send my answer', { id: 'fac_answer_send' })}</sl-button>
    </form>`;
  }

  /** A free-text question: one textarea, with how many characters are left. */
  private renderTextForm(q: QuestionView) {
    const id = q.questionId;
    const max = RealtimeLimits.textAnswerMax;
    const mine = typeof q.mine === 'string' ? q.mine : '';
    const used = this.typed.get(id) ?? mine.length;
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, q)}>
      <div class="field">
        <label for="text-${id}">${msg('Your answer', { id: 'fac_answer_text_label' })}</label>
        <textarea id="text-${id}" name="text" rows="4" maxlength=${max} aria-describedby="count-${id}" .value=${mine}
          @input=${(e: Event) => (this.typed = new Map([...this.typed, [id, (e.target as HTMLTextAreaElement).value.length]]))}></textarea>
        <p id="count-${id}" class="hint">${msg(str`${max - used} of ${max} characters left`, { id: 'fac_answer_text_count' })}</p>
      </div>
      <sl-button type="submit" variant="primary" size="small" ?disabled=${this.busy}>${msg('Send my answer', { id: 'fac_answer_send' })}</sl-button>
    </form>`;
  }
}

customElements.define('sk-answer-form', SkAnswerForm);
