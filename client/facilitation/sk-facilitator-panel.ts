/**
 * `<sk-facilitator-panel>`: the facilitator's kit (beside the tab's content, see sk-workshop-page): the agenda with
 * named phases and the current one, the timer (start, pause, resume, reset), summoning everyone
 * to my view of the board, locking the boards, the raised hands, and the rounds (questions with
 * private answers, dot votes) in `<sk-rounds-panel>`. Every button sends one socket command and
 * shows the server's refusal, if any, in words.
 *
 * Properties: `boardView` (() => view | null), `voteScopes` (() => scopes | null, for `<sk-rounds-panel>`), `onBoard`,
 * `shownBoard` (the board on screen, locked alone by its own switch when there are several). Context: the workshop (client/net/workshop-context.ts).
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/switch/switch.js';
import type SlSwitch from '@shoelace-style/shoelace/dist/components/switch/switch.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import { RealtimeLimits } from '../../shared/limits.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { commandErrorText } from '../ui/texts.js';
import { panelStyles } from './panel.styles.js';
import './sk-rounds-panel.js';
import type { VoteScopes } from './sk-rounds-panel.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

export interface BoardView {
  boardId: string;
  x: number;
  y: number;
  zoom: number;
}

export class SkFacilitatorPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];
  static override properties = {
    boardView: { attribute: false },
    voteScopes: { attribute: false },
    shownBoard: { attribute: false },
    onBoard: { type: Boolean },
    error: { state: true },
    done: { state: true },
  };
  declare boardView: () => BoardView | null;
  declare voteScopes: () => VoteScopes | null;
  /** The board on screen (null: none), for locking it alone. */
  declare shownBoard: string | null;
  declare onBoard: boolean;
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
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  private readonly live = new WorkshopStateController(this, () => this.socket);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.boardView = () => null;
    this.voteScopes = () => null;
    this.shownBoard = null;
    this.onBoard = false;
    this.error = '';
    this.done = '';
  }

  /** Runs a command; `done` is said (politely) when it succeeded. */
  private async run(fn: (s: WorkshopSocket) => Promise<unknown>, done = ''): Promise<boolean> {
    this.error = '';
    this.done = '';
    const s = this.socket;
    if (!s) return false;
    try {
      await fn(s);
      this.done = done;
      return true;
    } catch (err) {
      this.error = commandErrorText(err);
      return false;
    }
  }

  private setPhase(phase: string, agenda: string[]): void {
    void this.run((s) => s.command('phase.set', { phase, agenda }), msg(str`Phase set: ${phase}`, { id: 'fac_phase_set' }));
  }

  private addPhase(e: SubmitEvent): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-phase');
    const name = input?.value.trim() ?? '';
    const st = this.live.state;
    if (!name || !st) return;
    const agenda = [...st.agenda.filter((p) => p !== name), name].slice(0, RealtimeLimits.agendaMax);
    void this.run((s) => s.command('phase.set', { phase: st.phase ?? name, agenda }), msg(str`Added to the agenda: ${name}`, { id: 'fac_phase_added' })).then((ok) => {
      // Only what was sent: the next name may already be typed (the broadcast can beat the ack).
      if (ok && input && input.value.trim() === name) input.value = '';
    });
  }

  private startTimer(e: SubmitEvent): void {
    e.preventDefault();
    const minutes = Number((this.renderRoot.querySelector<HTMLInputElement>('#minutes')?.value ?? '').replace(',', '.'));
    if (!Number.isFinite(minutes) || minutes <= 0) {
      this.error = msg('Write the number of minutes, for example 5.', { id: 'fac_minutes_invalid' });
      return;
    }
    const seconds = Math.min(RealtimeLimits.timerMaxSeconds, Math.max(1, Math.round(minutes * 60)));
    void this.run((s) => s.command('timer.start', { seconds }));
  }

  private summon(): void {
    const view = this.boardView();
    if (!view) {
      this.error = msg('Open the board first: everyone is brought to what you see there.', { id: 'fac_summon_no_board' });
      return;
    }
    void this.run((s) => s.command('view.summon', view), msg('Everyone was brought to your view of the board.', { id: 'fac_summon_done' }));
  }

  override render() {
    const w = this.workshop;
    const st = this.live.state;
    if (!w) return nothing;
    if (!st) return html`<p role="status">${msg('Connecting to the live workshop…', { id: 'fac_connecting' })}</p>`;
    const timer = st.timer;
    const lockedAll = w.boards.length > 0 && w.boards.every((b) => st.lockedBoards.includes(b.id));
    // With several boards, the one on screen can be locked alone (each board has its own lock).
    const shown = w.boards.length > 1 && this.onBoard ? (w.boards.find((b) => b.id === this.shownBoard) ?? null) : null;
    return html`
      <p class="alert" role="alert">${this.error}</p>
      <p class="visually-hidden" role="status">${this.done}</p>

      <section aria-labelledby="agenda-h">
        <h2 id="agenda-h">${msg('Agenda', { id: 'fac_agenda' })}</h2>
        ${st.agenda.length === 0 ? html`<p class="hint">${msg('No phases yet. Add the parts of today’s workshop.', { id: 'fac_agenda_empty' })}</p>` : nothing}
        <ol class="agenda">
          ${st.agenda.map(
            (p) => html`<li class=${p === st.phase ? 'current' : ''}>
              <span>${p}${p === st.phase ? html` <strong>(${msg('now', { id: 'fac_phase_now' })})</strong>` : nothing}</span>
              <span class="row">
                ${p === st.phase ? nothing : html`<button type="button" class="small" aria-label=${msg(str`Start phase ${p}`, { id: 'fac_phase_start_named' })} @click=${() => this.setPhase(p, st.agenda)}>${msg('Start', { id: 'fac_phase_start' })}</button>`}
                <button type="button" class="small danger" aria-label=${msg(str`Remove ${p} from the agenda`, { id: 'fac_phase_remove_named' })} @click=${() => this.setPhase(st.phase === p ? (st.agenda.find((x) => x !== p) ?? p) : (st.phase ?? p), st.agenda.filter((x) => x !== p))}>${msg('Remove', { id: 'fac_phase_remove' })}</button>
              </span>
            </li>`,
          )}
        </ol>
        <form class="row" @submit=${this.addPhase}>
          <label for="new-phase">${msg('New phase', { id: 'fac_phase_new' })}</label>
          <input id="new-phase" maxlength=${RealtimeLimits.phaseMax} required />
          <button type="submit" class="small">${msg('Add', { id: 'fac_add' })}</button>
        </form>
      </section>

      <section aria-labelledby="timer-h">
        <h2 id="timer-h">${msg('Timer', { id: 'fac_timer' })}</h2>
        <form class="row" @submit=${this.startTimer}>
          <label for="minutes">${msg('Minutes', { id: 'fac_minutes' })}</label>
          <input id="minutes" inputmode="decimal" value="5" class="short" />
          <button type="submit" class="small primary">${msg('Start timer', { id: 'fac_timer_start' })}</button>
        </form>
        <div class="row">
          ${timer.running
            ? html`<button type="button" class="small" @click=${() => this.run((s) => s.command('timer.pause', {}))}>${msg('Pause', { id: 'fac_timer_pause' })}</button>`
            : timer.pausedRemainingMs
              ? html`<button type="button" class="small" @click=${() => this.run((s) => s.command('timer.resume', {}))}>${msg('Resume', { id: 'fac_timer_resume' })}</button>`
              : nothing}
          <button type="button" class="small" ?disabled=${!timer.running && !timer.pausedRemainingMs && !timer.durationMs} @click=${() => this.run((s) => s.command('timer.reset', {}))}>${msg('Reset', { id: 'fac_timer_reset' })}</button>
        </div>
      </section>

      <section aria-labelledby="board-h">
        <h2 id="board-h">${msg('Board', { id: 'ws_tab_board' })}</h2>
        <div class="row">
          <button type="button" class="small" ?disabled=${!this.onBoard} @click=${this.summon}>${msg('Bring everyone to my view', { id: 'fac_summon' })}</button>
        </div>
        ${this.onBoard ? nothing : html`<p class="hint">${msg('Open the board first: everyone is brought to what you see there.', { id: 'fac_summon_no_board' })}</p>`}
        <sl-switch
          ?checked=${lockedAll}
          @sl-change=${(e: Event) => {
            const locked = (e.target as SlSwitch).checked;
            void this.run((s) => s.command('board.lock', { locked }), locked ? msg('Boards locked for participants.', { id: 'fac_locked' }) : msg('Boards unlocked.', { id: 'fac_unlocked' }));
          }}
          >${msg('Lock the boards (participants can only read)', { id: 'fac_lock' })}</sl-switch
        >
        ${shown
          ? html`<sl-switch
              ?checked=${st.lockedBoards.includes(shown.id)}
              @sl-change=${(e: Event) => {
                const locked = (e.target as SlSwitch).checked;
                void this.run(
                  (s) => s.command('board.lock', { boardId: shown.id, locked }),
                  locked ? msg(str`«${shown.title}» locked for participants.`, { id: 'fac_locked_one' }) : msg(str`«${shown.title}» unlocked.`, { id: 'fac_unlocked_one' }),
                );
              }}
              >${msg(str`Lock only «${shown.title}»`, { id: 'fac_lock_one' })}</sl-switch
            >`
          : nothing}
      </section>

      <section aria-labelledby="hands-h">
        <h2 id="hands-h">${msg('Raised hands', { id: 'fac_hands_heading' })}</h2>
        ${st.hands.length === 0
          ? html`<p class="hint">${msg('No hands up.', { id: 'fac_hands_none' })}</p>`
          : html`<ol class="hands">
              ${[...st.hands]
                .sort((a, b) => (a.at < b.at ? -1 : 1))
                .map((h) => {
                  const name = this.members.find((m) => m.id === h.memberId)?.displayName ?? msg('someone', { id: 'charter_someone' });
                  return html`<li>
                    <span>${name}</span>
                    <button type="button" class="small" aria-label=${msg(str`Lower the hand of ${name}`, { id: 'fac_hand_lower_named' })} @click=${() => this.run((s) => s.command('hand.lower', { memberId: h.memberId }))}>${msg('Lower', { id: 'fac_hand_lower_short' })}</button>
                  </li>`;
                })}
            </ol>`}
      </section>

      <sk-rounds-panel .voteScopes=${this.voteScopes}></sk-rounds-panel>
    `;
  }
}

customElements.define('sk-facilitator-panel', SkFacilitatorPanel);
