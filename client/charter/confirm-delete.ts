/**
 * `ConfirmDelete`: "are you sure?" before removing anything from the charter, on the shared
 * `<sk-confirm-dialog>`. `ask(opener, heading, text, run)` opens it; confirming runs `run` and
 * closes. When the opener went away with what it deleted, focus goes to `fallback()`.
 */
import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import '../app/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../app/sk-confirm-dialog.js';

export class ConfirmDelete {
  private pending: { heading: string; text: string; run: () => void; opener: HTMLElement | null } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => HTMLElement | null,
  ) {}

  private get dialog(): SkConfirmDialog | null {
    return this.host.shadowRoot?.querySelector('sk-confirm-dialog') ?? null;
  }

  async ask(opener: HTMLElement | null, heading: string, text: string, run: () => void): Promise<void> {
    this.pending = { heading, text, run, opener };
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.dialog?.show(opener);
  }

  private readonly onConfirm = () => {
    this.pending?.run();
    this.dialog?.close();
  };

  private readonly onClose = () => {
    const opener = this.pending?.opener;
    this.pending = null;
    if (opener && !opener.isConnected) queueMicrotask(() => this.fallback()?.focus());
  };

  render(): TemplateResult {
    const p = this.pending;
    return html`<sk-confirm-dialog
      heading=${p?.heading ?? ''}
      confirmLabel=${msg('Delete', { id: 'charter_delete' })}
      busyLabel=${msg('Deleting…', { id: 'charter_deleting' })}
      @sk-confirm=${this.onConfirm}
      @sk-close=${this.onClose}
      >${p?.text ?? ''}</sk-confirm-dialog
    >`;
  }
}
