/**
 * `<sk-vision-history>`: how much of its cap (`SYNC_MAX_DOC_BYTES`) the vision's history takes,
 * deleted text included, and when it was last compacted. Facilitators can compact it, behind a
 * confirmation that says what goes (deleted text, and with it part of older "since your last
 * visit" views) and what stays (the text, every milestone). Shown under "The journey".
 *
 * Properties: `session`. Events: none. Parts: none.
 */
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { api } from '../net/api.js';
import type { VisionHistoryDto } from '../../shared/vision/api.js';
import { formatLocales } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { formatWhen } from './texts.js';
import type { VisionSession } from './vision-session.js';

/** "1.2 MB", "340 kB" in the person's language. */
export function formatBytes(bytes: number): string {
  const mb = bytes >= 1_000_000;
  const value = mb ? bytes / 1_000_000 : Math.max(bytes, 1) / 1000;
  return new Intl.NumberFormat(formatLocales(), { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export class SkVisionHistory extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h3 {
        font-size: 0.98rem;
        margin-top: 1rem;
      }
      meter {
        display: block;
        width: 100%;
        height: 1rem;
      }
      p {
        font-size: 0.92rem;
        margin: 0.3rem 0;
      }
      .full {
        font-weight: 600;
      }
    `,
  ];
  static override properties = {
    session: { attribute: false },
    history: { state: true },
    busy: { state: true },
    status: { state: true },
    error: { state: true },
  };
  declare session: VisionSession | null;
  declare history: VisionHistoryDto | null;
  declare busy: boolean;
  declare status: string;
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.history = null;
    this.busy = false;
    this.status = '';
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session) void this.fetch();
  }

  private async fetch(): Promise<void> {
    try {
      this.history = await api.visionHistory(this.session!.workshopId);
      this.error = '';
    } catch (error) {
      this.error = errorText(error);
    }
  }

  private get dialog(): SkConfirmDialog | null {
    return this.renderRoot.querySelector('sk-confirm-dialog');
  }

  private async compact(): Promise<void> {
    const s = this.session;
    const dialog = this.dialog;
    if (!s || !dialog) return;
    dialog.busy = true;
    try {
      const done = await api.compactVision(s.workshopId);
      this.status = msg(str`History compacted: ${formatBytes(done.bytesBefore)} → ${formatBytes(done.bytesAfter)}. The milestones still show the vision as it was.`, {
        id: 'vision_history_compacted',
      });
      await this.fetch();
      dialog.close();
    } catch (error) {
      dialog.error = errorText(error);
    } finally {
      dialog.busy = false;
    }
  }

  override render() {
    const h = this.history;
    const s = this.session;
    if (!s) return nothing;
    const share = h ? Math.min(100, Math.round((h.storedBytes / h.maxBytes) * 100)) : 0;
    return html`
      <h3 id="history-heading">${msg('History', { id: 'vision_history' })}</h3>
      ${h
        ? html`<p id="history-size">
              ${msg(str`The vision's history takes ${formatBytes(h.storedBytes)} of ${formatBytes(h.maxBytes)} (${share} %), deleted text included.`, { id: 'vision_history_size' })}
            </p>
            <meter min="0" max=${h.maxBytes} value=${h.storedBytes} low=${h.maxBytes * 0.7} high=${h.maxBytes * 0.9} optimum="0" aria-labelledby="history-heading" aria-describedby="history-size"></meter>
            ${share >= 90 ? html`<p class="full">${msg('Nearly full: changes will be refused once it is full. A facilitator can compact the history.', { id: 'vision_history_nearly_full' })}</p>` : nothing}
            ${h.compactedAt ? html`<p class="hint">${msg(str`Last compacted ${formatWhen(h.compactedAt)}.`, { id: 'vision_history_last' })}</p>` : nothing}`
        : nothing}
      <div class="alert" role="alert">${this.error}</div>
      <p class="status" role="status">${this.status}</p>
      ${s.facilitator
        ? html`<button type="button" ?disabled=${!h} @click=${(e: Event) => void this.dialog?.show(e.currentTarget as HTMLElement)}>
              ${msg('Compact the history…', { id: 'vision_history_compact' })}
            </button>
            <sk-confirm-dialog
              .heading=${msg('Compact the vision’s history?', { id: 'vision_history_confirm_heading' })}
              .confirmLabel=${msg('Compact', { id: 'vision_history_confirm' })}
              .busyLabel=${msg('Compacting…', { id: 'vision_history_busy' })}
              @sk-confirm=${this.compact}
            >
              <p>${msg('Deleted text leaves the server’s history for good. The text as it is now and every milestone stay exactly as they are.', { id: 'vision_history_confirm_keeps' })}</p>
              <p>${msg('“Since your last visit” may no longer show text that was removed before now. This cannot be undone.', { id: 'vision_history_confirm_loses' })}</p>
            </sk-confirm-dialog>`
        : nothing}
    `;
  }
}

customElements.define('sk-vision-history', SkVisionHistory);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-history': SkVisionHistory;
  }
}
