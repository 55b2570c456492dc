/**
 * `<sk-vision-link-dialog>`: adds, changes or removes a link (Ctrl+K). Only http, https and
 * mailto targets are accepted; a bare `www.…` or `example.no` gets `https://`. Modal on
 * `<sl-dialog>`: focus starts in the address field and returns to the editor when it closes.
 *
 * Methods: `show(current: string | null)`.
 * Events: `sk-link-save` (detail: `{ href }`), `sk-link-remove`, `sk-close`.
 * Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { submitOnEnter } from '../ui/forms.js';
import { emitter } from '../ui/events.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { dialogStyles } from '../ui/sk-confirm-dialog.styles.js';
import { normaliseHref } from './link-href.js';
import { showDialog } from '../ui/show-dialog.js';

export interface SkVisionLinkDialogEvents {
  'sk-link-save': { href: string };
  'sk-link-remove': null;
  /** The dialog closed; `saved` when a link was saved or removed. */
  'sk-close': { saved: boolean };
}

export class SkVisionLinkDialog extends LitElement {
  static override styles = [sharedStyles, dialogStyles];
  static override properties = { value: { state: true }, current: { state: true }, invalid: { state: true } };
  declare value: string;
  declare current: string | null;
  declare invalid: boolean;
  private saved = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.value = '';
    this.current = null;
    this.invalid = false;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  async show(current: string | null): Promise<void> {
    this.current = current;
    this.value = current ?? '';
    this.invalid = false;
    this.saved = false;
    await this.updateComplete;
    await showDialog(this.dialog);
  }

  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector('input')?.focus();
  }

  private readonly emit = emitter<SkVisionLinkDialogEvents>(this);

  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => this.emit('sk-close', { saved: this.saved }));
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const href = normaliseHref(this.value);
    this.invalid = href === null;
    if (!href) {
      await this.updateComplete;
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    this.saved = true;
    this.emit('sk-link-save', { href });
    void this.dialog?.hide();
  }

  private removeLink(): void {
    this.saved = true;
    this.emit('sk-link-remove');
    void this.dialog?.hide();
  }

  override render() {
    return html`<form novalidate @submit=${this.submit} @keydown=${submitOnEnter}>
      <sl-dialog part="dialog" label=${this.current ? msg('Edit link', { id: 'vision_link_edit' }) : msg('Add link', { id: 'vision_link_add' })} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide}>
        <div class="field">
          <label for="href">${msg('Address (https://…, or an e-mail address)', { id: 'vision_link_label' })}</label>
          <input id="href" type="url" inputmode="url" autocomplete="url" .value=${live(this.value)} aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby="href-error"
            @input=${(e: InputEvent) => (this.value = (e.target as HTMLInputElement).value)} />
          <p class="error" id="href-error">${this.invalid ? msg('Write a web address (http or https) or an e-mail address.', { id: 'vision_link_invalid' }) : ''}</p>
        </div>
        <div class="actions" slot="footer">
          <sl-button variant="primary" type="submit">${msg('Save link', { id: 'vision_link_save' })}</sl-button>
          ${this.current ? html`<sl-button @click=${this.removeLink}>${msg('Remove link', { id: 'vision_link_remove' })}</sl-button>` : nothing}
          <sl-button @click=${() => this.dialog?.hide()}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
        </div>
      </sl-dialog>
    </form>`;
  }
}

customElements.define('sk-vision-link-dialog', SkVisionLinkDialog);
