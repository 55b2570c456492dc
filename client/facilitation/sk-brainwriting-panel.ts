/**
 * `<sk-brainwriting-panel>`: the facilitator's brainwriting rounds (issue #16). Opens a round on
 * the board (a prompt, optional, and whether it is anonymous); while it runs, shows how many notes
 * how many people have written (never who, or what: the facilitator sees no one's notes either);
 * reveals it, which writes the notes onto the board in a new frame.
 *
 * Properties: `boardId` (() => the board on screen, or null: then the first board).
 * Context: the workshop (client/net/workshop-context.ts): the workshop and its live connection.
 * Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { RealtimeLimits } from '../../shared/limits.js';
import type { BrainwritingRoundView } from '../../shared/realtime/index.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { commandErrorText } from '../ui/texts.js';
import { brainwritingTitle } from './facilitation-texts.js';
import { panelStyles } from './panel.styles.js';

export class SkBrainwritingPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];
  static override properties = { boardId: { attribute: false }, error: { state: true }, done: { state: true }, busy: { state: true } };
  /** The board on screen (() => its id, or null off the board): the notes are revealed onto it. */
  declare boardId: () => string | null;
  declare error: string;
  declare done: string;
  declare busy: boolean;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private readonly live = new WorkshopStateController(this, () => this.ws.socket);

  constructor() {
    super();
    this.boardId = () => null;
    updateWhenLocaleChanges(this);
    this.error = '';
    this.done = '';
    this.busy = false;
  }

  private async run(fn: (s: WorkshopSocket) => Promise<unknown>, done: string): Promise<void> {
    const socket = this.ws.socket;
    if (!socket || this.busy) return;
    this.error = '';
    this.done = '';
    this.busy = true;
    try {
      await fn(socket);
      this.done = done;
    } catch (err) {
      this.error = commandErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  private open(e: SubmitEvent): void {
    e.preventDefault();
    const boards = this.ws.workshop?.boards ?? [];
    const board = boards.find((b) => b.id === this.boardId()) ?? boards[0];
    if (!board) return;
    const form = e.currentTarget as HTMLFormElement;
    const promptInput = form.querySelector<HTMLInputElement>('#bw-prompt')!;
    const prompt = promptInput.value.trim();
    const anonymous = form.querySelector<HTMLInputElement>('#bw-anonymous')!.checked;
    void this.run(async (s) => {
      await s.command('brainwriting.open', { boardId: board.id, anonymous, ...(prompt ? { prompt } : {}) });
      form.reset();
    }, msg('Brainwriting opened: everyone can write notes now.', { id: 'fac_bw_opened' }));
  }

  private reveal(r: BrainwritingRoundView): void {
    void this.run((s) => s.command('brainwriting.reveal', { roundId: r.roundId }), msg('Notes revealed: they are on the board now.', { id: 'fac_bw_revealed' }));
  }

  override render() {
    const st = this.live.state;
    if (!st) return nothing;
    const rounds = [...st.brainwriting].reverse();
    return html`<section aria-labelledby="bw-h">
      <h2 id="bw-h">${msg('Brainwriting', { id: 'fac_bw_title' })}</h2>
      <p class="hint">${msg('Everyone writes notes for themselves; nobody, you included, sees another’s notes until you reveal them onto the board. In an anonymous round, no one’s name is kept with their notes.', { id: 'fac_bw_hint' })}</p>
      <p class="alert" role="alert">${this.error}</p>
      <p class="visually-hidden" role="status">${this.done}</p>
      <form class="row" @submit=${this.open}>
        <label for="bw-prompt">${msg('Prompt (optional)', { id: 'fac_bw_prompt' })}</label>
        <input id="bw-prompt" maxlength=${RealtimeLimits.promptMax} />
        <label class="check"><input id="bw-anonymous" type="checkbox" /> ${msg('Anonymous', { id: 'fac_bw_anonymous' })}</label>
        <button type="submit" class="small primary" ?disabled=${this.busy}>${msg('Open brainwriting', { id: 'fac_bw_open' })}</button>
      </form>
      <ol class="rounds">
        ${rounds.map((r) => {
          const title = brainwritingTitle(r.prompt);
          return html`<li>
            <span>${title}${r.anonymous ? html` (${msg('anonymous', { id: 'fac_bw_anonymous_short' })})` : nothing} — <span class="muted">${this.status(r)}</span></span>
            ${r.status === 'revealed'
              ? nothing
              : html`<button type="button" class="small primary" ?disabled=${this.busy} aria-label=${msg(str`Reveal on the board: ${title}`, { id: 'fac_bw_reveal_named' })} @click=${() => this.reveal(r)}>
                  ${msg('Reveal on the board', { id: 'fac_bw_reveal' })}
                </button>`}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private status(r: BrainwritingRoundView): string {
    if (r.status === 'revealed') return msg(str`revealed, ${r.notes} notes`, { id: 'fac_bw_status_revealed' });
    return msg(str`${r.notes} notes from ${r.writers} people so far`, { id: 'fac_bw_status_open' });
  }
}

customElements.define('sk-brainwriting-panel', SkBrainwritingPanel);
