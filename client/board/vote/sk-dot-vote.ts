/**
 * `<sk-dot-vote>`: dot voting on the board, beside it. While a round is open on this board, a
 * participant sees only their own dots and how many are left, and adds or takes back dots on
 * each candidate element (keyboard and screen reader friendly; the same dots show as badges on
 * the canvas). Once the facilitator closes the round, everyone sees the anonymous results, as
 * badges on the board too until they hide them (each person for themselves; remembered in this
 * browser per round).
 * Nothing shows when there is no round for this board.
 *
 * Properties: `session` (BoardSession), `boardId`. Context: the workshop (client/net/workshop-context.ts): the live connection.
 * Events: `sk-vote-badges` (detail: elementId → dots, or null), `sk-show-element` ({ id }),
 * `sk-to-charter` ({ id }: send this result to the charter).
 * Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { BoardElement } from '../../../shared/board/schema.js';
import type { VoteRoundView } from '../../../shared/realtime/index.js';
import type { BoardSession } from '../board-session.js';
import { kindName } from '../canvas/texts.js';
import { WorkshopStateController } from '../../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../../net/workshop-socket.js';
import { emitter } from '../../ui/events.js';
import { commandErrorText } from '../../ui/texts.js';
import type { VoteBadges } from '../canvas/vote-badges.js';
import { dotVoteStyles } from './sk-dot-vote.styles.js';
import { candidates, countDots, currentRound, resultRows } from './vote-model.js';
import { WorkshopConsumer } from '../../net/workshop-context.js';
import { shownText } from '../../../shared/board/kinds.js';
import { onDocChange } from '../../../shared/sync/doc-change.js';

/** The dots per element for the canvas (null: no round), and which result to show on the board. */
export interface SkDotVoteEvents {
  'sk-vote-badges': VoteBadges | null;
  'sk-show-element': { id: string };
  /** A result (a winner, most often) goes to the charter as a principle or more (issue #17). */
  'sk-to-charter': { id: string };
}

const HIDDEN_KEY = 'samskap.vote.hiddenResults';

function readHidden(): ReadonlySet<string> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set(); // storage off or garbled: every result shows, as before
  }
}

function writeHidden(ids: ReadonlySet<string>): void {
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...ids].slice(-50)));
  } catch {
    // Storage off (private mode): the choice holds until the page reloads.
  }
}

export class SkDotVote extends LitElement {
  static override styles = dotVoteStyles;
  static override properties = { session: { attribute: false }, boardId: { type: String }, busy: { state: true }, error: { state: true }, hiddenResults: { state: true } };
  declare session: BoardSession | null;
  declare boardId: string;
  declare busy: boolean;
  declare error: string;
  /** Rounds whose results I took off the board (this browser remembers). */
  declare hiddenResults: ReadonlySet<string>;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private readonly live = new WorkshopStateController(this, () => this.socket);
  private offDoc: (() => void) | null = null;
  private lastBadges = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.boardId = '';
    this.busy = false;
    this.error = '';
    this.hiddenResults = readHidden();
  }

  private toggleBadges(roundId: string): void {
    const next = new Set(this.hiddenResults);
    if (next.has(roundId)) next.delete(roundId);
    else next.add(roundId);
    this.hiddenResults = next;
    writeHidden(next);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.observe();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observe();
  }

  override disconnectedCallback(): void {
    this.offDoc?.();
    this.offDoc = null;
    super.disconnectedCallback();
  }

  /** The candidates' texts change as people type: re-render while a round is shown. */
  private observe(): void {
    this.offDoc?.();
    const doc = this.session?.conn.doc;
    if (!doc) return;
    const fn = () => {
      if (currentRound(this.live.state, this.boardId)) this.requestUpdate();
    };
    this.offDoc = onDocChange(doc, fn);
  }

  private async vote(round: VoteRoundView, elementId: string, add: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const r = await socket.command(add ? 'vote.cast' : 'vote.retract', { roundId: round.roundId, elementId });
      socket.store.setMyVotes(r.roundId, r.mine);
    } catch (err) {
      this.error = commandErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  private readonly emit = emitter<SkDotVoteEvents>(this);

  protected override updated(): void {
    const round = currentRound(this.live.state, this.boardId);
    const badges =
      round && !(round.status === 'closed' && this.hiddenResults.has(round.roundId))
        ? round.status === 'open'
          ? countDots(round.mine)
          : new Map((round.results ?? []).map((r) => [r.elementId, r.votes]))
        : null;
    const key = badges ? JSON.stringify([...badges]) : '';
    if (key === this.lastBadges) return;
    this.lastBadges = key;
    this.emit('sk-vote-badges', badges);
  }

  override render() {
    const round = currentRound(this.live.state, this.boardId);
    const s = this.session;
    if (!round || !s) return nothing;
    const elements = s.board.list();
    const name = (e: BoardElement | undefined, id: string) => (e ? `${kindName(e.kind)}: ${shownText(e).trim() || msg('empty', { id: 'canvas_empty' })}` : msg(str`Removed element ${id.slice(0, 6)}`, { id: 'fac_vote_removed' }));
    const byId = new Map(elements.map((e) => [e.id, e]));
    return html`<section aria-labelledby="vote-heading">
      <h2 id="vote-heading">${round.status === 'open' ? msg('Dot vote', { id: 'fac_vote_heading' }) : msg('Dot vote results', { id: 'fac_vote_results' })}</h2>
      ${round.status === 'open' ? this.renderOpen(round, elements, name) : this.renderResults(round, byId, name)}
    </section>`;
  }

  private renderOpen(round: VoteRoundView, elements: BoardElement[], name: (e: BoardElement | undefined, id: string) => string) {
    const canVote = this.session?.me.role !== 'observer';
    const left = round.votesPerPerson - round.mine.length;
    const mine = countDots(round.mine);
    const list = candidates(elements, round.elementIds);
    return html`
      ${canVote
        ? html`<p class="budget" role="status">${msg(str`You have ${left} of ${round.votesPerPerson} votes left.`, { id: 'fac_vote_left' })}</p>`
        : html`<p>${msg('A dot vote is running. You can watch; results show when it closes.', { id: 'fac_vote_watch' })}</p>`}
      <p class="alert" role="alert">${this.error}</p>
      ${list.length === 0 ? html`<p>${msg('Nothing on the board to vote on yet.', { id: 'fac_vote_nothing' })}</p>` : nothing}
      <ul class="candidates">
        ${list.map((e) => {
          const n = mine.get(e.id) ?? 0;
          const label = name(e, e.id);
          return html`<li data-element=${e.id}>
            <span class="what">${label}</span>
            ${canVote
              ? html`<span class="dots" aria-hidden="true">${'●'.repeat(n)}${n === 0 ? '–' : ''}</span><span class="visually-hidden">${msg(str`${n} of your votes`, { id: 'fac_vote_mine' })}</span>
                  <span class="buttons">
                    <button type="button" ?disabled=${this.busy || left <= 0} aria-label=${msg(str`Add a vote to ${label}`, { id: 'fac_vote_add' })} @click=${() => this.vote(round, e.id, true)}>+</button>
                    <button type="button" ?disabled=${this.busy || n === 0} aria-label=${msg(str`Take a vote back from ${label}`, { id: 'fac_vote_remove' })} @click=${() => this.vote(round, e.id, false)}>−</button>
                  </span>`
              : nothing}
          </li>`;
        })}
      </ul>
    `;
  }

  private renderResults(round: VoteRoundView, byId: Map<string, BoardElement>, name: (e: BoardElement | undefined, id: string) => string) {
    const rows = resultRows(round.results ?? []);
    return html`
      <p>${msg(str`Voters: ${round.voters ?? 0}`, { id: 'fac_vote_voters' })}</p>
      ${rows.length === 0
        ? html`<p>${msg('No votes were cast.', { id: 'fac_vote_none' })}</p>`
        : html`<ol class="results">
            ${rows.map(
              (r) => html`<li data-element=${r.elementId}>
                <button type="button" class="link" @click=${() => this.emit('sk-show-element', { id: r.elementId })}>${name(byId.get(r.elementId), r.elementId)}</button>
                <span class="count">${msg(str`Votes: ${r.votes}`, { id: 'fac_vote_count' })}</span>
                ${this.session?.readOnly || !byId.get(r.elementId)?.text.trim()
                  ? nothing
                  : html`<button type="button" class="link" @click=${() => this.emit('sk-to-charter', { id: r.elementId })}>
                      ${msg(str`Send «${byId.get(r.elementId)!.text.split('\n')[0]!.slice(0, 60)}» to the charter…`, { id: 'vote_to_charter' })}
                    </button>`}
              </li>`,
            )}
          </ol>`}
      ${rows.length
        ? html`<button type="button" class="toggle" @click=${() => this.toggleBadges(round.roundId)}>
            ${this.hiddenResults.has(round.roundId) ? msg('Show the results on the board', { id: 'vote_show_results' }) : msg('Hide the results on the board', { id: 'vote_hide_results' })}
          </button>`
        : nothing}
    `;
  }
}

customElements.define('sk-dot-vote', SkDotVote);
