/**
 * `<sk-connection-status>`: the state of a room's connection in words, for everyone (a polite
 * live region): connecting, synced, offline with N unsent changes, or closed for good (with the
 * reason: the workshop deleted, or refused). A refused update (4414, 4422) shows only for a moment:
 * the room opens afresh, and `sk-refused-notice` says what was refused.
 *
 * Properties: `conn` (RoomConnection). Events: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { CloseCode } from '../../shared/errors.js';
import { isRefusal } from '../net/refusal.js';
import type { ConnectionStatus, RoomConnection } from '../net/room-connection.js';

export class SkConnectionStatus extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-size: 0.9rem;
      color: var(--sk-muted, #4b5563);
    }
    .dot {
      width: 0.65rem;
      height: 0.65rem;
      border-radius: 50%;
      background: #9ca3af;
      flex: none;
    }
    .synced {
      background: #047857;
    }
    .offline,
    .closed {
      background: #b91c1c;
    }
    .connecting {
      background: #b45309;
    }
  `;
  static override properties = { conn: { attribute: false }, status: { state: true } };
  declare conn: RoomConnection | null;
  declare status: ConnectionStatus | null;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.conn = null;
    this.status = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('conn')) return;
    this.unsubscribe?.();
    this.status = this.conn?.status() ?? null;
    this.unsubscribe = this.conn?.onStatus((s) => (this.status = s)) ?? null;
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    super.disconnectedCallback();
  }

  override render() {
    const s = this.status;
    if (!s) return html``;
    return html`<span class="dot ${s.state}" aria-hidden="true"></span><span role="status">${this.text(s)}</span>`;
  }

  private text(s: ConnectionStatus): string {
    switch (s.state) {
      case 'connecting':
        return msg('Connecting…', { id: 'board_conn_connecting' });
      case 'synced':
        return msg('Saved and up to date', { id: 'board_conn_synced' });
      case 'offline':
        return s.unsent === 0
          ? msg('Offline: reconnecting', { id: 'board_conn_offline' })
          : msg(str`Offline: ${s.unsent} changes will be sent when you are back`, { id: 'board_conn_offline_unsent' });
      case 'closed':
        if (isRefusal(s.closeCode ?? 0)) return msg('The server refused a change. If this part does not open again, reload the page.', { id: 'board_conn_update_refused' });
        return s.closeCode === CloseCode.workshopDeleted
          ? msg('This workshop has been deleted.', { id: 'board_conn_deleted' })
          : msg('The server refused the connection. Reload the page or open your invite link again.', { id: 'board_conn_refused' });
    }
  }
}

customElements.define('sk-connection-status', SkConnectionStatus);
