/**
 * `<sk-live-bar>`: the live workshop under the tabs, for everyone: the current phase, the timer
 * (counting down from server time, so late joiners see the same), raised hands, a button to raise
 * or lower my hand, and for facilitators the button that shows or hides their tools (the workshop
 * page puts them beside the board, never over it).
 * A polite live region announces changes of phase and timer (started, paused, one minute left,
 * time is up), never every second; the clock itself is a `timer` role, which is silent. When the
 * facilitator summons everyone to the board while I am on another tab, a notice links there.
 *
 * Properties: `boardView` (() => view | null, for summon), `onBoard` (boolean), `toolsOpen` (boolean: the tools are shown). Context: the workshop (client/net/workshop-context.ts): the
 * workshop, its live connection, its members.
 * Events: `sk-tools-toggle` ({open}: show or hide the facilitator tools; their code has loaded). Slots: none. Parts: `bar`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { emitter } from '../ui/events.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { formatClock, remainingMs } from '../net/workshop-state.js';
import { commandErrorText } from '../ui/texts.js';
import { timerAnnouncement } from './live-announcements.js';
import type { BoardView } from './sk-facilitator-panel.js';
import { liveBarStyles } from './sk-live-bar.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

export interface SkLiveBarEvents {
  'sk-tools-toggle': { open: boolean };
}

export class SkLiveBar extends LitElement {
  static override styles = [sharedStyles, liveBarStyles];
  static override properties = {
    boardView: { attribute: false },
    onBoard: { type: Boolean },
    toolsOpen: { type: Boolean },
    announcement: { state: true },
    error: { state: true },
    summoned: { state: true },
  };
  declare boardView: () => BoardView | null;
  declare onBoard: boolean;
  declare toolsOpen: boolean;
  declare announcement: string;
  declare error: string;
  declare summoned: boolean;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this, (next, old) => {
    if (next?.socket !== old?.socket) this.listen();
  });
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }
  private offSummon: (() => void) | null = null;
  private readonly live = new WorkshopStateController(this, () => this.socket);
  private tick = 0;
  private seen: { phase: string | null; remaining: number; running: boolean } | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.boardView = () => null;
    this.onBoard = false;
    this.toolsOpen = false;
    this.announcement = '';
    this.error = '';
    this.summoned = false;
  }

  protected override willUpdate(): void {
    if (this.onBoard) this.summoned = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.listen();
  }

  override disconnectedCallback(): void {
    clearInterval(this.tick);
    this.tick = 0;
    this.offSummon?.();
    this.offSummon = null;
    super.disconnectedCallback();
  }

  /** The board page follows a summon itself; elsewhere I am only told. */
  private listen(): void {
    this.offSummon?.();
    this.offSummon =
      this.socket?.onSummon((e) => {
        if (!this.onBoard && e.by !== this.workshop?.me.id) this.summoned = true;
      }) ?? null;
  }

  private remaining(): number {
    const s = this.live.state;
    return s ? remainingMs(s.timer, this.live.timerReceivedAt, Date.now()) : 0;
  }

  protected override updated(): void {
    const s = this.live.state;
    const running = !!s?.timer.running && this.remaining() > 0;
    // The clock redraws every second only while it runs.
    if (running && !this.tick) this.tick = window.setInterval(() => this.requestUpdate(), 1000);
    if (!running && this.tick) {
      clearInterval(this.tick);
      this.tick = 0;
    }
    if (!s) return;
    const now = { phase: s.phase, remaining: this.remaining(), running: s.timer.running };
    const before = this.seen;
    this.seen = now;
    if (!before) return;
    const said: string[] = [];
    if (now.phase !== before.phase && now.phase) said.push(msg(str`Phase: ${now.phase}`, { id: 'fac_announce_phase' }));
    const t = timerAnnouncement(before, now);
    if (t) said.push(this.timerText(t, now.remaining));
    if (said.length) this.announcement = said.join('. ');
  }

  private timerText(kind: NonNullable<ReturnType<typeof timerAnnouncement>>, remaining: number): string {
    switch (kind) {
      case 'started':
        return msg(str`Timer started: ${formatClock(remaining)}`, { id: 'fac_announce_started' });
      case 'paused':
        return msg(str`Timer paused at ${formatClock(remaining)}`, { id: 'fac_announce_paused' });
      case 'reset':
        return msg('Timer reset', { id: 'fac_announce_reset' });
      case 'minute':
        return msg('One minute left', { id: 'fac_announce_minute' });
      case 'ended':
        return msg('Time is up', { id: 'fac_announce_ended' });
    }
  }

  private async toggleHand(raised: boolean): Promise<void> {
    this.error = '';
    try {
      if (raised) await this.socket?.command('hand.lower', {});
      else await this.socket?.command('hand.raise', {});
    } catch (err) {
      this.error = commandErrorText(err);
    }
  }

  private readonly emit = emitter<SkLiveBarEvents>(this);

  private async toggleTools(): Promise<void> {
    if (this.toolsOpen) {
      this.emit('sk-tools-toggle', { open: false });
      return;
    }
    try {
      await import('./sk-facilitator-panel.js');
    } catch {
      this.error = msg('The facilitator tools could not be loaded. Check the connection and try again.', { id: 'fac_tools_unloaded' });
      return;
    }
    this.error = '';
    this.emit('sk-tools-toggle', { open: true });
  }

  /** Focus back on the button that shows the tools (they were closed from inside). */
  focusTools(): void {
    this.renderRoot.querySelector<HTMLElement>('.tools-toggle')?.focus();
  }

  private handNames(ids: string[]): string {
    const me = this.workshop?.me.id;
    return ids.map((id) => (id === me ? msg('you', { id: 'board_people_you' }) : this.name(id))).join(', ');
  }

  private name(id: string): string {
    return this.members.find((m) => m.id === id)?.displayName ?? msg('someone', { id: 'charter_someone' });
  }

  override render() {
    const w = this.workshop;
    const s = this.live.state;
    if (!w) return nothing;
    const me = w.me;
    const raised = !!s?.hands.some((h) => h.memberId === me.id);
    const remaining = this.remaining();
    const timerShown = !!s && (s.timer.running || s.timer.pausedRemainingMs !== null || s.timer.durationMs > 0);
    return html`
      <div class="bar" part="bar">
        <span class="phase">
          <span class="label">${msg('Phase', { id: 'fac_phase' })}:</span>
          <strong>${s?.phase ?? msg('not set', { id: 'fac_phase_none' })}</strong>
        </span>
        ${timerShown
          ? html`<span class="timer ${s!.timer.running ? 'running' : 'paused'} ${remaining <= 60_000 ? 'low' : ''}">
              <span class="label">${msg('Timer', { id: 'fac_timer' })}:</span>
              <span role="timer" aria-label=${msg('Time left', { id: 'fac_time_left' })}>${formatClock(remaining)}</span>
              ${s!.timer.running ? nothing : html`<span class="paused-tag">(${remaining === 0 ? msg('ended', { id: 'fac_timer_ended' }) : msg('paused', { id: 'fac_timer_paused' })})</span>`}
            </span>`
          : nothing}
        ${s && s.hands.length
          ? html`<span class="hands">✋ ${msg(str`Hands up: ${this.handNames(s.hands.map((h) => h.memberId))}`, { id: 'fac_hands' })}</span>`
          : nothing}
        <span class="spacer"></span>
        ${this.live.link === 'online' ? nothing : html`<span class="link">${this.live.link === 'refused' ? msg('Live updates refused: reload the page', { id: 'fac_link_refused' }) : msg('Live updates: connecting…', { id: 'fac_link_connecting' })}</span>`}
        ${me.role !== 'observer'
          ? html`<sl-button size="small" ?disabled=${!s} @click=${() => this.toggleHand(raised)}>${raised ? msg('Lower my hand', { id: 'fac_hand_lower' }) : msg('Raise my hand', { id: 'fac_hand_raise' })}</sl-button>`
          : nothing}
        ${me.role === 'facilitator'
          ? html`<sl-button size="small" class="tools-toggle" variant=${this.toolsOpen ? 'default' : 'primary'} aria-expanded=${this.toolsOpen ? 'true' : 'false'} @click=${() => this.toggleTools()}
              >${this.toolsOpen ? msg('Hide facilitator tools', { id: 'fac_tools_hide' }) : msg('Facilitator tools', { id: 'fac_tools' })}</sl-button
            >`
          : nothing}
      </div>
      <p class="alert" role="alert">${this.error}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.summoned
        ? html`<p class="summon" role="status">
            ${msg('The facilitator asks everyone to look at the board.', { id: 'fac_summon_elsewhere' })}
            <a href="/w/${w.id}">${msg('Go to the board', { id: 'fac_summon_go' })}</a>
            <button type="button" class="small" @click=${() => (this.summoned = false)}>${msg('Not now', { id: 'fac_summon_dismiss' })}</button>
          </p>`
        : nothing}
    `;
  }
}

customElements.define('sk-live-bar', SkLiveBar);
