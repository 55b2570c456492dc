/**
 * `<sk-brainwriting-form>`: while a brainwriting round runs (issue #16), a form to write notes
 * privately, the member's own notes (each can be taken back until the reveal), and how many notes
 * everyone has written so far (a count only: nobody sees another's notes until the facilitator
 * reveals them onto the board). Observers are told a round is running. A round revealed while
 * the page is open leaves a short notice, until dismissed.
 *
 * Context: the workshop (client/net/workshop-context.ts): the workshop and its live connection.
 * Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { RealtimeLimits } from '../../shared/limits.js';
import type { BrainwritingNote, BrainwritingRoundView } from '../../shared/realtime/index.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { WorkshopStateController } from '../net/workshop-state-controller.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { commandErrorText } from '../ui/texts.js';
import { brainwritingTitle } from './facilitation-texts.js';
import { answerFormStyles } from './sk-answer-form.styles.js';

export class SkBrainwritingForm extends LitElement {
  static override styles = [sharedStyles, answerFormStyles];
  static override properties = { error: { state: true }, busy: { state: true }, revealed: { state: true }, said: { state: true } };
  declare error: string;
  declare busy: boolean;
  /** Rounds seen open here and since revealed, until dismissed. */
  declare revealed: ReadonlyArray<BrainwritingRoundView>;
  /** What the last action did, for screen readers. */
  declare said: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private readonly live = new WorkshopStateController(this, () => this.ws.socket);
  private readonly seenOpen = new Set<string>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.error = '';
    this.busy = false;
    this.revealed = [];
    this.said = '';
  }

  protected override willUpdate(): void {
    for (const r of this.live.state?.brainwriting ?? []) {
      if (r.status === 'open') this.seenOpen.add(r.roundId);
      else if (r.status === 'revealed' && this.seenOpen.delete(r.roundId)) this.revealed = [...this.revealed, r];
    }
  }

  private async send(fn: () => Promise<void>, said: string): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      await fn();
      this.said = said;
      return true;
    } catch (err) {
      this.error = commandErrorText(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async add(e: SubmitEvent, r: BrainwritingRoundView): Promise<void> {
    e.preventDefault();
    const socket = this.ws.socket;
    const input = (e.currentTarget as HTMLFormElement).querySelector('textarea')!;
    const text = input.value.trim();
    if (!socket) return;
    if (!text) {
      this.error = msg('Write a note first.', { id: 'fac_bw_empty' });
      input.focus();
      return;
    }
    const ok = await this.send(async () => socket.store.setMyNotes(await socket.command('brainwriting.add', { roundId: r.roundId, text })), msg('Note added.', { id: 'fac_bw_added' }));
    if (ok) input.value = '';
    input.focus();
  }

  private async takeBack(r: BrainwritingRoundView, n: BrainwritingNote): Promise<void> {
    const socket = this.ws.socket;
    if (!socket) return;
    await this.send(async () => socket.store.setMyNotes(await socket.command('brainwriting.remove', { roundId: r.roundId, noteId: n.noteId })), msg('Note taken back.', { id: 'fac_bw_removed' }));
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#bw-text-${r.roundId}`)?.focus();
  }

  override render() {
    const w = this.ws.workshop;
    const st = this.live.state;
    if (!w || !st) return nothing;
    const open = st.brainwriting.filter((r) => r.status === 'open');
    const canWrite = w.me.role !== 'observer';
    return html`${this.revealed.map(
      (r) => html`<p class="revealed" role="status">
        ${msg(str`Notes revealed on the board: ${brainwritingTitle(r.prompt)}`, { id: 'fac_bw_notice' })}
        <button type="button" @click=${() => (this.revealed = this.revealed.filter((x) => x !== r))}>${msg('Dismiss', { id: 'fac_answer_dismiss' })}</button>
      </p>`,
    )}
    ${open.map((r) => {
      const title = brainwritingTitle(r.prompt);
      return html`<section class="question" aria-labelledby="bw-${r.roundId}">
        <h2 id="bw-${r.roundId}">${title}</h2>
        <p class="hint">
          ${msg(str`${r.notes} notes from ${r.writers} people so far.`, { id: 'fac_bw_progress' })}
          ${r.anonymous
            ? msg('Your notes stay private until the facilitator reveals them, and go onto the board without your name.', { id: 'fac_bw_private_anonymous' })
            : msg('Your notes stay private until the facilitator reveals them, and go onto the board with your name.', { id: 'fac_bw_private' })}
        </p>
        ${canWrite ? this.renderWrite(r) : html`<p>${msg('Participants are writing notes.', { id: 'fac_bw_watch' })}</p>`}
        <p class="alert" role="alert">${this.error}</p>
      </section>`;
    })}
    <p class="visually-hidden" role="status">${this.said}</p>`;
  }

  private renderWrite(r: BrainwritingRoundView) {
    const id = r.roundId;
    return html`<form @submit=${(e: SubmitEvent) => this.add(e, r)}>
        <div class="field">
          <label for="bw-text-${id}">${msg('Your note', { id: 'fac_bw_note' })}</label>
          <textarea id="bw-text-${id}" name="text" rows="2" maxlength=${RealtimeLimits.brainwritingNoteMax}></textarea>
        </div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Add note', { id: 'fac_bw_add' })}</button>
      </form>
      ${r.mine.length
        ? html`<h3>${msg(str`Your notes (${r.mine.length})`, { id: 'fac_bw_mine' })}</h3>
            <ul class="mine-notes">
              ${r.mine.map(
                (n) => html`<li>
                  <span>${n.text}</span>
                  <button type="button" ?disabled=${this.busy} aria-label=${msg(str`Take back: ${n.text}`, { id: 'fac_bw_remove_named' })} @click=${() => this.takeBack(r, n)}>${msg('Take back', { id: 'fac_bw_remove' })}</button>
                </li>`,
              )}
            </ul>`
        : nothing}`;
  }
}

customElements.define('sk-brainwriting-form', SkBrainwritingForm);
