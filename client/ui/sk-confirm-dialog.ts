/**
 * `<sk-confirm-dialog>`: a modal confirmation on Shoelace's `<sl-dialog>` (focus is trapped inside,
 * Escape cancels, the heading names the dialog). Opening focuses the input (when `requireText` is
 * set) or the cancel button (the safe choice); closing returns focus to the opener. Clicking the
 * backdrop does not close it, and nothing closes it while `busy`.
 *
 * Properties: `heading`, `confirmLabel`, `busyLabel`, `busy`, `error` (shown as an alert),
 * `requireText` (when set, the user must type it before confirming), `requireLabel`.
 * Methods: `show(opener)`, `close()`. When Shoelace's dialog cannot be loaded (offline before it
 * arrived), `show` asks with the browser's own `confirm` (or `prompt` for `requireText`) instead.
 * Events: `sk-confirm` (the user confirmed; the host does the work, then calls `close()` or sets
 * `error`), `sk-close` (the dialog closed, confirmed or not).
 * Slots: default (the explanation). Parts: `dialog` (the `<sl-dialog>`).
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlButton from '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { submitOnEnter } from './forms.js';
import { loadDialog } from './lazy-shoelace.js';
import { sharedStyles } from './shared.styles.js';
import { dialogStyles } from './sk-confirm-dialog.styles.js';
import { emitter } from './events.js';
import { showDialog } from './show-dialog.js';

type CloseRequest = CustomEvent<{ source: 'close-button' | 'keyboard' | 'overlay' }>;

export interface SkConfirmDialogEvents {
  'sk-confirm': null;
  /** The dialog closed, confirmed or not. */
  'sk-close': null;
}

export class SkConfirmDialog extends LitElement {
  static override styles = [sharedStyles, dialogStyles];
  static override properties = {
    heading: { type: String },
    confirmLabel: { type: String },
    busyLabel: { type: String },
    busy: { type: Boolean },
    error: { type: String },
    requireText: { type: String },
    requireLabel: { type: String },
    typed: { state: true },
    mismatch: { state: true },
  };
  declare heading: string;
  declare confirmLabel: string;
  declare busyLabel: string;
  declare busy: boolean;
  declare error: string;
  declare requireText: string | null;
  declare requireLabel: string;
  declare typed: string;
  declare mismatch: boolean;
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.heading = '';
    this.confirmLabel = '';
    this.busyLabel = '';
    this.busy = false;
    this.error = '';
    this.requireText = null;
    this.requireLabel = '';
    this.typed = '';
    this.mismatch = false;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  private readonly emit = emitter<SkConfirmDialogEvents>(this);

  /** Opens the dialog; settles once it is shown. `opener` gets focus back when it closes. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    this.typed = '';
    this.mismatch = false;
    this.error = '';
    try {
      await loadDialog();
    } catch {
      // Offline before the dialog's code arrived: the browser's own confirmation, so the action works.
      const question = [this.heading, this.textContent?.trim()].filter(Boolean).join('\n\n');
      const ok = this.requireText === null ? window.confirm(question) : window.prompt(`${question}\n\n${this.requireLabel}`)?.trim() === this.requireText.trim();
      if (ok) this.emit('sk-confirm');
      return;
    }
    await this.updateComplete;
    await showDialog(this.dialog);
  }

  close(): void {
    void this.dialog?.hide();
  }

  /** Shoelace would focus the panel; the safe choice (or the field to type in) is better. */
  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    if (this.requireText !== null) this.renderRoot.querySelector('input')?.focus();
    else this.renderRoot.querySelector<SlButton>('.cancel')?.focus();
  }

  private onRequestClose(e: CloseRequest): void {
    if (e.target !== this.dialog) return;
    // Escape while the request runs would hide its outcome; a stray click beside it is no answer.
    if (this.busy || e.detail.source === 'overlay') e.preventDefault();
  }

  /**
   * Focus goes back as soon as closing starts, as with a native dialog, not after the fade-out.
   * The microtask runs once Shoelace has released its focus trap (right after `sl-hide`).
   */
  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
      this.emit('sk-close');
    });
  }

  private async confirm(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.mismatch = this.requireText !== null && this.typed.trim() !== this.requireText.trim();
    if (this.mismatch) {
      await this.updateComplete;
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    this.emit('sk-confirm');
  }

  override render() {
    const needsText = this.requireText !== null;
    return html`
      <form novalidate @submit=${this.confirm} @keydown=${submitOnEnter}>
        <sl-dialog part="dialog" label=${this.heading} @sl-initial-focus=${this.onInitialFocus} @sl-request-close=${this.onRequestClose} @sl-hide=${this.onHide}>
          <div class="body"><slot></slot></div>
          ${needsText
            ? html`<div class="field">
                <label for="confirm-text">${this.requireLabel}</label>
                <input id="confirm-text" autocomplete="off" .value=${live(this.typed)} aria-invalid=${this.mismatch ? 'true' : 'false'} aria-describedby=${this.mismatch ? 'confirm-error' : nothing} @input=${(e: InputEvent) => (this.typed = (e.target as HTMLInputElement).value)} />
                <p class="error" id="confirm-error">${this.mismatch ? msg('The text does not match. Type it exactly as shown.', { id: 'dialog_err_mismatch' }) : ''}</p>
              </div>`
            : nothing}
          <div class="alert" role="alert">${this.error}</div>
          <div class="actions" slot="footer">
            <sl-button variant="danger" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? this.busyLabel : this.confirmLabel}</sl-button>
            <sl-button class="cancel" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
          </div>
        </sl-dialog>
      </form>
    `;
  }
}

customElements.define('sk-confirm-dialog', SkConfirmDialog);
