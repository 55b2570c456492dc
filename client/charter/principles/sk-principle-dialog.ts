/**
 * `<sk-principle-dialog>`: a modal that asks for one text about a principle: the reason to
 * retire it, or the text of an amendment. The slot explains what is at stake (which principle,
 * its status, who adopted it). A required text must not be empty; the host does the work on
 * `sk-submit`, then calls `close()` or sets `error`. Closing returns focus to the opener.
 *
 * Properties: `heading`, `label`, `confirmLabel`, `danger`, `required`, `missingText`,
 * `maxlength`, `busy`, `error`. Methods: `show(opener, value)`, `close()`.
 * Events: `sk-submit` (detail: { text }). Slots: default (the explanation). Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlTextarea from '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { showDialog } from '../../ui/show-dialog.js';

export interface SkPrincipleDialogEvents {
  'sk-submit': { text: string };
}

export class SkPrincipleDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      sl-dialog::part(panel) {
        max-width: min(40rem, 94vw);
      }
      .error {
        color: var(--sk-danger);
        margin: 0.4rem 0 0;
      }
      .error:empty {
        display: none;
      }
      .footer {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
        flex-wrap: wrap;
      }
    `,
  ];
  static override properties = {
    heading: { type: String },
    label: { type: String },
    confirmLabel: { type: String },
    danger: { type: Boolean },
    required: { type: Boolean },
    missingText: { type: String },
    maxlength: { type: Number },
    busy: { type: Boolean },
    error: { type: String },
  };
  declare heading: string;
  declare label: string;
  declare confirmLabel: string;
  declare danger: boolean;
  declare required: boolean;
  declare missingText: string;
  declare maxlength: number;
  declare busy: boolean;
  declare error: string;
  private opener: HTMLElement | null = null;
  private readonly emit = emitter<SkPrincipleDialogEvents>(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.heading = this.label = this.confirmLabel = this.missingText = this.error = '';
    this.danger = this.required = this.busy = false;
    this.maxlength = 2000;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }
  private get area(): SlTextarea | null {
    return this.renderRoot.querySelector('sl-textarea');
  }

  async show(opener: HTMLElement | null, value = ''): Promise<void> {
    this.opener = opener;
    this.error = '';
    this.busy = false;
    await this.updateComplete;
    if (this.area) this.area.value = value;
    await showDialog(this.dialog);
    this.area?.focus();
  }

  close(): void {
    this.busy = false;
    void this.dialog?.hide();
  }

  private submit(e: Event): void {
    e.preventDefault();
    const text = (this.area?.value ?? '').trim();
    if (this.required && !text) {
      this.error = this.missingText;
      this.area?.focus();
      return;
    }
    this.error = '';
    this.busy = true;
    this.emit('sk-submit', { text });
  }

  private readonly afterHide = (e: Event) => {
    // Shoelace's inner components fire their own sl-after-hide (tooltips): only the dialog's counts.
    if (e.target !== this.dialog) return;
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = null;
  };

  override render() {
    return html`<sl-dialog part="dialog" label=${this.heading} @sl-request-close=${(e: Event) => this.busy && e.preventDefault()} @sl-after-hide=${this.afterHide}>
      <slot></slot>
      <form novalidate @submit=${this.submit}>
        <sl-textarea label=${this.label} rows="4" maxlength=${this.maxlength} ?required=${this.required} help-text=${this.required ? msg('Required', { id: 'charter_required' }) : ''}></sl-textarea>
        <p class="error" role="alert">${this.error}</p>
      </form>
      <div class="footer" slot="footer">
        <sl-button @click=${() => this.close()} ?disabled=${this.busy}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
        <sl-button variant=${this.danger ? 'danger' : 'primary'} ?loading=${this.busy} @click=${this.submit}>${this.confirmLabel}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-principle-dialog', SkPrincipleDialog);
