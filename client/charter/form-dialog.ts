/**
 * `FormDialog`: the part every charter form dialog shares. Opens an `<sl-dialog>` (focus is
 * trapped, Escape cancels), focuses the first field, returns focus to the opener when it closes,
 * and reads Shoelace fields by id. Subclasses render the fields and handle `submit`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { LitElement } from 'lit';
import { showDialog } from '../ui/show-dialog.js';

export abstract class FormDialog extends LitElement {
  private opener: HTMLElement | null = null;

  protected get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  protected async open(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    await this.updateComplete;
    await showDialog(this.dialog);
  }

  close(): void {
    void this.dialog?.hide();
  }

  /** The value of a field (`sl-input`, `sl-select`, `sl-textarea`, native input) by id. */
  protected value(id: string): string {
    const el = this.renderRoot.querySelector<HTMLElement & { value: unknown }>(`#${id}`);
    const v = el?.value;
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : '';
  }

  /** Shoelace would focus the panel; the first field is where the user starts. */
  protected onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('[autofocus], sl-input, sl-select, sl-textarea')?.focus();
  }

  protected onRequestClose(e: CustomEvent<{ source: string }>): void {
    if (e.target === this.dialog && e.detail.source === 'overlay') e.preventDefault();
  }

  protected onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    });
  }
}
