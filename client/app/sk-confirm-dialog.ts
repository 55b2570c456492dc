/**
 * `<sk-confirm-dialog>`: a modal confirmation on the native `<dialog>` (`showModal()`), so focus
 * is trapped and Escape cancels. Opening focuses the input (when `requireText` is set) or the
 * cancel button (the safe choice); closing returns focus to the opener.
 *
 * Properties: `heading`, `confirmLabel`, `busyLabel`, `busy`, `error` (shown as an alert),
 * `requireText` (when set, the user must type it before confirming), `requireLabel`.
 * Methods: `show(opener)`, `close()`.
 * Events: `sk-confirm` (the user confirmed; the host does the work, then calls `close()` or sets
 * `error`), `sk-close` (the dialog closed, confirmed or not).
 * Slots: default (the explanation). Parts: `dialog`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { sharedStyles } from './shared.styles.js';
import { dialogStyles } from './sk-confirm-dialog.styles.js';

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

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  async show(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    this.typed = '';
    this.mismatch = false;
    this.error = '';
    await this.updateComplete;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>(this.requireText !== null ? 'input' : '.cancel')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  private onClose(): void {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new CustomEvent('sk-close', { bubbles: true, composed: true }));
  }

  private onCancel(e: Event): void {
    // Escape while the request runs would hide its outcome; wait for it.
    if (this.busy) e.preventDefault();
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
    this.dispatchEvent(new CustomEvent('sk-confirm', { bubbles: true, composed: true }));
  }

  override render() {
    const needsText = this.requireText !== null;
    return html`
      <dialog part="dialog" aria-labelledby="heading" @close=${this.onClose} @cancel=${this.onCancel}>
        <form novalidate @submit=${this.confirm}>
          <h2 id="heading">${this.heading}</h2>
          <div class="body"><slot></slot></div>
          ${needsText
            ? html`<div class="field">
                <label for="confirm-text">${this.requireLabel}</label>
                <input id="confirm-text" autocomplete="off" .value=${live(this.typed)} aria-invalid=${this.mismatch ? 'true' : 'false'} aria-describedby=${this.mismatch ? 'confirm-error' : nothing} @input=${(e: InputEvent) => (this.typed = (e.target as HTMLInputElement).value)} />
                <p class="error" id="confirm-error">${this.mismatch ? msg('The text does not match. Type it exactly as shown.', { id: 'dialog_err_mismatch' }) : ''}</p>
              </div>`
            : nothing}
          <div class="alert" role="alert">${this.error}</div>
          <div class="actions">
            <button class="danger solid" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? this.busyLabel : this.confirmLabel}</button>
            <button class="cancel" type="button" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel', { id: 'dialog_cancel' })}</button>
          </div>
        </form>
      </dialog>
    `;
  }
}

customElements.define('sk-confirm-dialog', SkConfirmDialog);
