/**
 * `<sk-connect-dialog>`: the outline's "Connect to…" (issue #16): a modal Shoelace `<sl-dialog>`
 * listing the elements an element may be connected to as one radio group (↑/↓ choose, focus
 * starts on the first), a Connect button (Enter on a choice connects too) and Cancel; Escape
 * cancels. Focus returns to the opener when it closes. It writes nothing itself: the outline
 * connects on `sk-connect` and says what happened.
 *
 * Properties: `source` (the element to connect from), `targets` (what it may connect to).
 * Methods: `show(source, targets, opener)`.
 * Events: `sk-connect` `{ from, to }` (the user chose), `sk-close` `{ connected }` (it closed;
 * false when cancelled). Slots: none. Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import type { BoardElement } from '../../../shared/board/schema.js';
import { emitter } from '../../ui/events.js';
import { loadDialog } from '../../ui/lazy-shoelace.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { dialogStyles } from '../../ui/sk-confirm-dialog.styles.js';
import { elementName } from './outline-texts.js';
import { showDialog } from '../../ui/show-dialog.js';

export interface SkConnectDialogEvents {
  'sk-connect': { from: string; to: string };
  'sk-close': { connected: boolean };
}

export class SkConnectDialog extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        max-height: 50vh;
        overflow-y: auto;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
        font-weight: 600;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        padding: 0.3rem 0.25rem;
      }
      input {
        width: 1.1rem;
        height: 1.1rem;
        margin: 0;
      }
    `,
  ];
  static override properties = { source: { attribute: false }, targets: { attribute: false }, chosen: { state: true } };
  declare source: BoardElement | null;
  declare targets: BoardElement[];
  declare chosen: string | null;
  private opener: HTMLElement | null = null;
  private connected = false;
  private readonly emit = emitter<SkConnectDialogEvents>(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.source = null;
    this.targets = [];
    this.chosen = null;
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  async show(source: BoardElement, targets: BoardElement[], opener: HTMLElement | null): Promise<void> {
    this.source = source;
    this.targets = targets;
    this.chosen = targets[0]?.id ?? null;
    this.opener = opener;
    this.connected = false;
    try {
      await loadDialog();
    } catch (err) {
      // Offline before the dialog's code arrived: the canvas's C still connects.
      return console.warn('The connect dialog could not be loaded:', err);
    }
    await this.updateComplete;
    await showDialog(this.dialog);
  }

  /** Focus starts on the chosen element of the list (Shoelace would focus the panel). */
  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    // Once Shoelace has released its focus trap (right after `sl-hide`), as in sk-confirm-dialog.
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
      this.emit('sk-close', { connected: this.connected });
    });
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (!this.source || !this.chosen) return;
    this.connected = true;
    this.emit('sk-connect', { from: this.source.id, to: this.chosen });
    void this.dialog?.hide();
  }

  /** Enter on a choice connects, as on the Connect button. */
  private onKeyDown(e: KeyboardEvent): void {
    const t = e.composedPath()[0];
    if (e.key === 'Enter' && t instanceof HTMLInputElement && t.type === 'radio') this.submit(e);
  }

  override render() {
    const name = this.source ? elementName(this.source) : '';
    return html`<form novalidate @submit=${this.submit} @keydown=${this.onKeyDown}>
      <sl-dialog part="dialog" label=${msg(str`Connect ${name} to`, { id: 'outline_connect_heading' })} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide}>
        <fieldset>
          <legend>${msg('The element the arrow points to', { id: 'outline_connect_legend' })}</legend>
          ${this.targets.map(
            (t) => html`<label>
              <input type="radio" name="target" .value=${t.id} .checked=${t.id === this.chosen} @change=${() => (this.chosen = t.id)} />
              <span>${elementName(t)}</span>
            </label>`,
          )}
        </fieldset>
        <div class="actions" slot="footer">
          <sl-button variant="primary" type="submit" ?disabled=${!this.chosen}>${msg('Connect', { id: 'outline_connect_submit' })}</sl-button>
          <sl-button @click=${() => this.dialog?.hide()}>${msg('Cancel', { id: 'outline_cancel' })}</sl-button>
        </div>
      </sl-dialog>
    </form>`;
  }
}

customElements.define('sk-connect-dialog', SkConnectDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sk-connect-dialog': SkConnectDialog;
  }
}
