/**
 * `<sk-rounds-panel>`: the facilitator's rounds: questions with private answers (maturity, a
 * paradox axis, or a free-text question with its prompt) to open, close and reveal, with how many
 * have answered, and once revealed to compare with the charter and apply (`<sk-apply-dialog>`;
 * not text answers, which are listed instead); brainwriting (`<sk-brainwriting-panel>`); and dot votes on the
 * board to open (votes per person; on every note and shape, on what is selected on the board, or
 * on one frame's) and close, with how many voted.
 *
 * Properties: `voteScopes` (() => the board's selection and frames, or null off the board).
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
import './sk-brainwriting-panel.js';
import type { SkApplyDialog } from './sk-apply-dialog.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

/** What a dot vote can be limited to (the board page says, client/board/vote/vote-model.ts). */
export interface VoteScopes {
  boardId: string;
  selection: string[];
  frames: Array<{ name: string; ids: string[] }>;
}

export class SkRoundsPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];
  static override properties = { voteScopes: { attribute: false }, error: { state: true }, done: { state: true }, kind: { state: true } };
  /** The question kind chosen (a text question asks for its prompt). */
  declare kind: string;
  declare voteScopes: () => VoteScopes | null;
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
    this.voteScopes = () => null;
    this.error = '';
    this.done = '';
    this.kind = 'maturity';
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
    const promptInput = this.renderRoot.querySelector<HTMLInputElement>('#question-prompt');
    const prompt = promptInput?.value.trim() ?? '';
    if (v === 'text' && !prompt) {
      this.error = msg('Write the question to ask.', { id: 'fac_q_prompt_empty' });
      promptInput?.focus();
      return;
    }
    const payload = v === 'text' ? ({ kind: 'text', prompt } as const) : axis ? ({ kind: 'paradox', axis } as const) : ({ kind: 'maturity' } as const);
    void this.run(async (s) => {
      await s.command('question.open', payload);
      if (promptInput) promptInput.value = '';
    }, msg('Question opened.', { id: 'fac_q_opened' }));
  }

  private openVote(e: SubmitEvent): void {
    e.preventDefault();
    // The board on screen (else the first): each board has its own rounds.
    const board = this.workshop?.boards.find((b) => b.id === this.voteScopes()?.boardId) ?? this.workshop?.boards[0];
    const n = Math.round(Number(this.renderRoot.querySelector<HTMLInputElement>('#votes')?.value));
    if (!board) return;
    if (!Number.isFinite(n) || n < 1 || n > RealtimeLimits.votesPerPersonMax) {
      this.error = msg(str`Votes per person: a whole number from 1 to ${RealtimeLimits.votesPerPersonMax}.`, { id: 'fac_votes_invalid' });
      return;
    }
    const scope = this.renderRoot.querySelector<HTMLSelectElement>('#vote-scope')?.value ?? 'board';
    const scopes = this.voteScopes();
    const elementIds = scope === 'selection' ? scopes?.selection : scope.startsWith('frame:') ? scopes?.frames[Number(scope.slice(6))]?.ids : undefined;
    if (scope !== 'board' && !elementIds?.length) {
      this.error =
        scope === 'selection'
          ? msg('Nothing to vote on is selected: select notes or shapes (or a frame) on the board first.', { id: 'fac_vote_scope_empty' })
          : msg('That frame has no notes or shapes now. Choose again.', { id: 'fac_vote_scope_gone' });
      this.requestUpdate();
      return;
    }
    if (elementIds && elementIds.length > RealtimeLimits.elementIdsMax) {
      this.error = msg(str`A dot vote can name at most ${RealtimeLimits.elementIdsMax} elements; vote on the whole board instead.`, { id: 'fac_vote_scope_many' });
      return;
    }
    const payload = { boardId: board.id, votesPerPerson: n, ...(elementIds ? { elementIds } : {}) };
    void this.run((s) => s.command('vote.open', payload), msg('Dot vote opened on the board.', { id: 'fac_vote_opened' }));
  }

  /** The choice of what to vote on; the selection and the frames as they are when it is opened. */
  private renderScope() {
    const scopes = this.voteScopes();
    const refresh = () => this.requestUpdate();
    return html`<label for="vote-scope">${msg('Vote on', { id: 'fac_vote_scope' })}</label>
      <select id="vote-scope" @focus=${refresh} @pointerdown=${refresh}>
        <option value="board">${msg('Every note and shape on the board', { id: 'fac_vote_scope_board' })}</option>
        ${scopes
          ? html`<option value="selection">${msg(str`What is selected on the board (${scopes.selection.length})`, { id: 'fac_vote_scope_selection' })}</option>
              ${scopes.frames.map((f, i) => html`<option value="frame:${i}">${msg(str`Frame: ${f.name || '–'} (${f.ids.length})`, { id: 'fac_vote_scope_frame' })}</option>`)}`
          : nothing}
      </select>`;
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
          <select id="question-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value)}>
            <option value="maturity">${msg('Maturity: which generation are you?', { id: 'fac_q_maturity' })}</option>
            ${PARADOX_AXES.map((a) => html`<option value=${a}>${msg(str`Paradox: ${axisNames(a).name}`, { id: 'fac_q_paradox' })}</option>`)}
            <option value="text">${msg('A question answered in free text', { id: 'fac_q_kind_text' })}</option>
          </select>
          ${this.kind === 'text'
            ? html`<label for="question-prompt">${msg('What to ask', { id: 'fac_q_prompt' })}</label>
                <input id="question-prompt" maxlength=${RealtimeLimits.promptMax} />`
            : nothing}
          <button type="submit" class="small primary">${msg('Open question', { id: 'fac_q_open' })}</button>
        </form>
        <ol class="rounds">
          ${[...st.questions].reverse().map((q) => {
            const title = questionTitle(q);
            return html`<li>
              <span>${title} — <span class="muted">${this.questionStatus(q)}</span></span>
              <span class="row">
                ${q.status === 'open' ? html`<button type="button" class="small" aria-label=${msg(str`Close: ${title}`, { id: 'fac_q_close_named' })} @click=${() => this.run((s) => s.command('question.close', { questionId: q.questionId }))}>${msg('Close', { id: 'fac_close' })}</button>` : nothing}
                ${q.status === 'revealed' && q.kind === 'text'
                  ? nothing
                  : q.status !== 'revealed'
                  ? html`<button type="button" class="small primary" aria-label=${msg(str`Reveal the answers: ${title}`, { id: 'fac_q_reveal_named' })} @click=${() => this.run((s) => s.command('answer.reveal', { questionId: q.questionId }), msg('Answers revealed.', { id: 'fac_q_revealed' }))}>${msg('Reveal', { id: 'fac_reveal' })}</button>`
                  : html`<button type="button" class="small primary" aria-label=${msg(str`Compare and apply to the charter: ${title}`, { id: 'fac_q_apply_named' })} @click=${(e: Event) => void this.renderRoot.querySelector<SkApplyDialog>('sk-apply-dialog')?.show(e.currentTarget as HTMLElement, q)}>${msg('Compare and apply…', { id: 'fac_q_apply' })}</button>`}
              </span>
              ${q.status === 'revealed' && q.kind === 'text' ? this.renderTextAnswers(q) : nothing}
            </li>`;
          })}
        </ol>
      </section>
      <sk-brainwriting-panel .boardId=${() => this.voteScopes()?.boardId ?? null}></sk-brainwriting-panel>
      <sk-apply-dialog @sk-applied=${() => (this.done = msg('Answers applied to the charter.', { id: 'fac_q_applied' }))}></sk-apply-dialog>
      <section aria-labelledby="votes-h">
        <h2 id="votes-h">${msg('Dot vote', { id: 'fac_vote_heading' })}</h2>
        ${openVote
          ? html`<p>${msg(str`A dot vote is open: ${openVote.votesPerPerson} votes per person.`, { id: 'fac_vote_running' })}</p>
              <button type="button" class="small primary" @click=${() => this.run((s) => s.command('vote.close', { roundId: openVote.roundId }), msg('Dot vote closed; the results are on the board.', { id: 'fac_vote_closed' }))}>${msg('Close the vote and show results', { id: 'fac_vote_close' })}</button>`
          : html`<form class="row" @submit=${this.openVote}>
              ${this.renderScope()}
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

  /** A revealed text question's answers, behind a disclosure (who, for which organisation, what). */
  private renderTextAnswers(q: QuestionView) {
    const members = new Map(this.ws.members.map((m) => [m.id, m.displayName]));
    const orgs = new Map((this.workshop?.organisations ?? []).map((o) => [o.id, o.name]));
    const answers = (q.answers ?? []).flatMap((a) => (typeof a.value === 'string' ? [{ ...a, value: a.value }] : []));
    return html`<details class="answers">
      <summary>${msg(str`Show the ${answers.length} answers`, { id: 'fac_q_text_show' })}</summary>
      <ul>
        ${answers.map((a) => html`<li><strong>${msg(str`${members.get(a.memberId) ?? '–'} (${orgs.get(a.organisationId) ?? '–'}):`, { id: 'fac_answer_text_who' })}</strong> ${a.value}</li>`)}
      </ul>
    </details>`;
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
