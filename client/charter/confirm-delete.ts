/**
 * `ConfirmDelete`: "are you sure?" before removing anything from the charter, on the shared
 * `<sk-confirm-dialog>`. `ask(opener, heading, text, run)` opens it; confirming runs `run` and
 * closes. When the opener went away with what it deleted, focus goes to `fallback()`.
 * Render `render()` in the host's template.
 */
import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';

export class ConfirmDelete {
  private pending: { heading: string; text: string; run: () => void; opener: HTMLElement | null } | null = null;
  /** Settles when the dialog's closing animation is over: opening it again mid-way breaks Shoelace's dialog. */
  private hidden: Promise<void> = Promise.resolve();
  private settleHidden: () => void = () => {};

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
    await this.hidden;
    await this.dialog?.show(opener);
  }

  private readonly onConfirm = () => {
    this.pending?.run();
    this.dialog?.close();
  };

  /** `pending` stays: a late close event of the previous question must not blank a new one. */
  private readonly onClose = () => {
    const opener = this.pending?.opener;
    if (opener && !opener.isConnected) queueMicrotask(() => this.fallback()?.focus());
  };

  private readonly onHide = () => {
    this.hidden = new Promise((resolve) => (this.settleHidden = resolve));
  };
  private readonly onAfterHide = () => this.settleHidden();

  render(): TemplateResult {
    const p = this.pending;
    return html`<sk-confirm-dialog
      .heading=${p?.heading ?? ''}
      .confirmLabel=${msg('Delete', { id: 'charter_delete' })}
      .busyLabel=${msg('Deleting…', { id: 'charter_deleting' })}
      @sk-confirm=${this.onConfirm}
      @sk-close=${this.onClose}
      @sl-hide=${this.onHide}
      @sl-after-hide=${this.onAfterHide}
      >${p?.text ?? ''}</sk-confirm-dialog
    >`;
  }
}
