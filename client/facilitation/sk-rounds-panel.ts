/**
 * `<sk-rounds-panel>`: the facilitator's rounds: questions with private answers (maturity, or a
 * paradox axis) to open, close and reveal, with how many have answered, and once revealed to
 * compare with the charter and apply (`<sk-apply-dialog>`); and dot votes on the
 * board to open (votes per person) and close, with how many voted.
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop and its live connection.
 * Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { PARADOX_AXES, type ParadoxAxis } from '../../shared/charter/schema.js';
import type { QuestionView } from '../../shared/realtime/index.js';
import { RealtimeLimits } from '../../shared/limits.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { axisNames } from '../ui/vocabulary.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { commandErrorText } from '../ui/texts.js';
import { questionTitle } from './facilitation-texts.js';
import { panelStyles } from './panel.styles.js';
import './sk-apply-dialog.js';
import type { SkApplyDialog } from './sk-apply-dialog.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

export class SkRoundsPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];
  static override properties = { error: { state: true }, done: { state: true } };
  declare error: string;
  declare done: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private readonly live = new WorkshopStateController(this, () => this.socket);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.error = '';
    this.done = '';
  }

  private async run(fn: (s: WorkshopSocket) => Promise<unknown>, done = ''): Promise<void> {
    this.error = '';
    this.done = '';
    if (!this.socket) return;
    try {
      await fn(this.socket);
      this.done = done;
    } catch (err) {
      this.error = commandErrorText(err);
    }
  }

  private openQuestion(e: SubmitEvent): void {
    e.preventDefault();
    const v = this.renderRoot.querySelector<HTMLSelectElement>('#question-kind')?.value ?? 'maturity';
    const axis = (PARADOX_AXES as readonly string[]).includes(v) ? (v as ParadoxAxis) : null;
    void this.run((s) => s.command('question.open', axis ? { kind: 'paradox', axis } : { kind: 'maturity' }), msg('Question opened.', { id: 'fac_q_opened' }));
  }

  private openVote(e: SubmitEvent): void {
    e.preventDefault();
    const board = this.workshop?.boards[0];
    const n = Math.round(Number(this.renderRoot.querySelector<HTMLInputElement>('#votes')?.value));
    if (!board) return;
    if (!Number.isFinite(n) || n < 1 || n > RealtimeLimits.votesPerPersonMax) {
      this.error = msg(str`Votes per person: a whole number from 1 to ${RealtimeLimits.votesPerPersonMax}.`, { id: 'fac_votes_invalid' });
      return;
    }
    void this.run((s) => s.command('vote.open', { boardId: board.id, votesPerPerson: n }), msg('Dot vote opened on the board.', { id: 'fac_vote_opened' }));
  }

  override render() {
    const st = this.live.state;
    if (!st) return nothing;
    const openVote = st.rounds.find((r) => r.status === 'open');
    return html`
      <p class="alert" role="alert">${this.error}</p>
      <p class="visually-hidden" role="status">${this.done}</p>
      <section aria-labelledby="questions-h">
        <h2 id="questions-h">${msg('Questions with private answers', { id: 'fac_questions' })}</h2>
        <p class="hint">${msg('Everyone answers for themselves; nobody sees another’s answer until you reveal them. Revealing writes nothing into the charter: compare the answers with it, then apply them.', { id: 'fac_questions_hint' })}</p>
        <form class="row" @submit=${this.openQuestion}>
          <label for="question-kind">${msg('Question', { id: 'fac_question' })}</label>
          <select id="question-kind">
            <option value="maturity">${msg('Maturity: which generation are you?', { id: 'fac_q_maturity' })}</option>
            ${PARADOX_AXES.map((a) => html`<option value=${a}>${msg(str`Paradox: ${axisNames(a).name}`, { id: 'fac_q_paradox' })}</option>`)}
          </select>
          <button type="submit" class="small primary">${msg('Open question', { id: 'fac_q_open' })}</button>
        </form>
        <ol class="rounds">
          ${[...st.questions].reverse().map((q) => {
            const title = questionTitle(q);
            return html`<li>
              <span>${title} — <span class="muted">${this.questionStatus(q)}</span></span>
              <span class="row">
                ${q.status === 'open' ? html`<button type="button" class="small" aria-label=${msg(str`Close: ${title}`, { id: 'fac_q_close_named' })} @click=${() => this.run((s) => s.command('question.close', { questionId: q.questionId }))}>${msg('Close', { id: 'fac_close' })}</button>` : nothing}
                ${q.status !== 'revealed'
                  ? html`<button type="button" class="small primary" aria-label=${msg(str`Reveal the answers: ${title}`, { id: 'fac_q_reveal_named' })} @click=${() => this.run((s) => s.command('answer.reveal', { questionId: q.questionId }), msg('Answers revealed.', { id: 'fac_q_revealed' }))}>${msg('Reveal', { id: 'fac_reveal' })}</button>`
                  : html`<button type="button" class="small primary" aria-label=${msg(str`Compare and apply to the charter: ${title}`, { id: 'fac_q_apply_named' })} @click=${(e: Event) => void this.renderRoot.querySelector<SkApplyDialog>('sk-apply-dialog')?.show(e.currentTarget as HTMLElement, q)}>${msg('Compare and apply…', { id: 'fac_q_apply' })}</button>`}
              </span>
            </li>`;
          })}
        </ol>
      </section>
      <sk-apply-dialog @sk-applied=${() => (this.done = msg('Answers applied to the charter.', { id: 'fac_q_applied' }))}></sk-apply-dialog>
      <section aria-labelledby="votes-h">
        <h2 id="votes-h">${msg('Dot vote', { id: 'fac_vote_heading' })}</h2>
        ${openVote
          ? html`<p>${msg(str`A dot vote is open: ${openVote.votesPerPerson} votes per person.`, { id: 'fac_vote_running' })}</p>
              <button type="button" class="small primary" @click=${() => this.run((s) => s.command('vote.close', { roundId: openVote.roundId }), msg('Dot vote closed; the results are on the board.', { id: 'fac_vote_closed' }))}>${msg('Close the vote and show results', { id: 'fac_vote_close' })}</button>`
          : html`<form class="row" @submit=${this.openVote}>
              <label for="votes">${msg('Votes per person', { id: 'fac_votes_per_person' })}</label>
              <input id="votes" class="short" inputmode="numeric" value="3" />
              <button type="submit" class="small primary">${msg('Open a dot vote on the board', { id: 'fac_vote_open' })}</button>
            </form>`}
        ${st.rounds.filter((r) => r.status === 'closed').length
          ? html`<ul class="rounds">
              ${st.rounds
                .filter((r) => r.status === 'closed')
                .map((r) => html`<li>${msg(str`Closed vote: ${r.voters ?? 0} people, ${(r.results ?? []).reduce((n, x) => n + x.votes, 0)} votes`, { id: 'fac_vote_summary' })}</li>`)}
            </ul>`
          : nothing}
      </section>
    `;
  }

  private questionStatus(q: QuestionView): string {
    switch (q.status) {
      case 'open':
        return msg(str`open, ${q.answered} answered`, { id: 'fac_q_status_open' });
      case 'closed':
        return msg(str`closed, ${q.answered} answered`, { id: 'fac_q_status_closed' });
      case 'revealed':
        return msg('revealed', { id: 'fac_q_status_revealed' });
    }
  }
}

customElements.define('sk-rounds-panel', SkRoundsPanel);
