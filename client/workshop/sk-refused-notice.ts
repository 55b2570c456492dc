/**
 * `<sk-refused-notice>`: tells the person that the server refused a change (sync close 4422 or
 * 4414), in which part and why, and lists the texts the refused change took with it, so nothing
 * is lost silently: one entry per text, and all of them in a read-only field to copy from (and a
 * copy button). The room itself has already opened afresh (client/net/room-connection.ts).
 * The sentence is an alert; focus moves to the notice's heading, and back to the page's heading
 * when it is closed. It listens for refusals itself (the `sk-update-refused` window event).
 *
 * Properties: `maxChars` (the vision's cap, named in its sentence).
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { sharedStyles } from '../ui/shared.styles.js';
import { UPDATE_REFUSED_EVENT, type Refusal } from '../net/refusal.js';
import type { Unconfirmed } from '../net/unconfirmed.js';
import { refusalText, roomPartName } from './refused-texts.js';
import { refusedNoticeStyles } from './sk-refused-notice.styles.js';

interface Entry {
  refusal: Refusal;
  /** Null while the fresh copy is syncing; what the server lacked once it has. */
  lost: Unconfirmed | null;
}

export class SkRefusedNotice extends LitElement {
  static override styles = [sharedStyles, refusedNoticeStyles];
  static override properties = { maxChars: { type: Number }, entries: { state: true }, copied: { state: true } };
  declare maxChars: number;
  declare entries: Entry[];
  declare copied: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.maxChars = 0;
    this.entries = [];
    this.copied = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(UPDATE_REFUSED_EVENT, this.onRefused);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(UPDATE_REFUSED_EVENT, this.onRefused);
    super.disconnectedCallback();
  }

  private readonly onRefused = (e: WindowEventMap[typeof UPDATE_REFUSED_EVENT]) => {
    const refusal = e.detail;
    const entry: Entry = { refusal, lost: null };
    this.entries = [...this.entries, entry];
    this.copied = '';
    const settle = (lost: Unconfirmed) => {
      this.entries = this.entries.map((x) => (x === entry ? { ...x, lost } : x));
    };
    // Could not tell: say so rather than claim nothing was lost.
    refusal.lost.then(settle, () => settle({ texts: [], others: true }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  };

  private get texts(): string[] {
    return this.entries.flatMap((e) => e.lost?.texts ?? []);
  }

  private async copy(): Promise<void> {
    const field = this.renderRoot.querySelector('textarea');
    try {
      await navigator.clipboard.writeText(this.texts.join('\n\n'));
    } catch {
      // No clipboard access: select the field so Ctrl+C copies it.
      field?.select();
      document.execCommand('copy');
    }
    this.copied = msg('Copied. Paste the texts where you want to keep them.', { id: 'refused_copied' });
  }

  private close(): void {
    this.entries = [];
    this.copied = '';
    const root = this.getRootNode() as Document | ShadowRoot;
    root.querySelector<HTMLElement>('h1')?.focus();
  }

  private renderLost() {
    const pending = this.entries.some((e) => e.lost === null);
    const texts = this.texts;
    const others = this.entries.some((e) => e.lost?.others);
    return html`
      ${pending ? html`<p>${msg('Opening the latest saved version and checking what was not saved…', { id: 'refused_checking' })}</p>` : nothing}
      ${!pending && texts.length === 0 && !others ? html`<p>${msg('The latest saved version is open again. Nothing you wrote was lost.', { id: 'refused_nothing_lost' })}</p>` : nothing}
      ${texts.length > 0
        ? html`<p>${msg('The latest saved version is open again. These texts you wrote were not saved; copy them to keep them:', { id: 'refused_texts_intro' })}</p>
            <ul>
              ${texts.map((t) => html`<li>${t}</li>`)}
            </ul>
            <label for="lost">${msg('The texts that were not saved, to copy', { id: 'refused_texts_field' })}</label>
            <textarea id="lost" readonly .value=${texts.join('\n\n')}></textarea>`
        : nothing}
      ${others ? html`<p>${msg('Other changes you made here (such as moves, colours or formatting) were not saved either.', { id: 'refused_others' })}</p>` : nothing}
    `;
  }

  override render() {
    if (this.entries.length === 0) return nothing;
    const parts = [...new Set(this.entries.map((e) => roomPartName(e.refusal.room)))].join(', ');
    const reasons = [...new Set(this.entries.map((e) => refusalText(e.refusal.rule, this.maxChars, e.refusal.room)))];
    return html`<section aria-labelledby="refused-heading">
      <h2 id="refused-heading" tabindex="-1">${msg('Your change was refused', { id: 'refused_heading' })} (${parts})</h2>
      <div role="alert">${reasons.map((r) => html`<p>${r}</p>`)}</div>
      ${this.renderLost()}
      <div class="actions">
        ${this.texts.length > 0 ? html`<sl-button variant="primary" @click=${this.copy}>${msg('Copy the texts', { id: 'refused_copy' })}</sl-button>` : nothing}
        <sl-button @click=${this.close}>${msg('Close this notice', { id: 'refused_close' })}</sl-button>
        <p class="copied" role="status">${this.copied}</p>
      </div>
    </section>`;
  }
}

customElements.define('sk-refused-notice', SkRefusedNotice);

declare global {
  interface HTMLElementTagNameMap {
    'sk-refused-notice': SkRefusedNotice;
  }
}
