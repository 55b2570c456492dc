/**
 * `<sk-reentry-link>`: "Open on another device": makes my personal re-entry link
 * (`POST …/members/:memberId/reentry`) and shows it once, with a copy button (falling back to
 * selecting the link when the clipboard is unavailable). Making a link revokes the one before; the
 * server keeps only its hash, so it cannot be shown again after a reload: make a new one.
 *
 * Properties: `workshopId`, `memberId` (me).
 * Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { api } from '../net/api.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';

export class SkReentryLink extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h3 {
        margin: 0.25rem 0 0.5rem;
      }
      .link-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.3rem 0 0.5rem;
      }
      .link-row input {
        flex: 1 1 14rem;
        max-width: none;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-size: 0.9rem;
      }
      .status {
        margin: 0.5rem 0 0;
        color: var(--sk-success);
        font-weight: 600;
      }
      .status:empty {
        margin: 0;
      }
    `,
  ];
  static override properties = {
    workshopId: { type: String },
    memberId: { type: String },
    link: { state: true },
    busy: { state: true },
    alert: { state: true },
    status: { state: true },
  };
  declare workshopId: string;
  declare memberId: string;
  declare link: string;
  declare busy: boolean;
  declare alert: string;
  declare status: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.workshopId = '';
    this.memberId = '';
    this.link = '';
    this.busy = false;
    this.alert = '';
    this.status = '';
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#reentry-link');
  }

  private async make(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    this.status = '';
    try {
      this.link = await api.renewReentry(this.workshopId, this.memberId);
      this.status = msg('Your link is ready. Any link you made before no longer works.', { id: 'me_link_made' });
      await this.updateComplete;
      this.input?.focus();
    } catch (err) {
      this.alert = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private async copy(): Promise<void> {
    this.status = '';
    try {
      await navigator.clipboard.writeText(this.link);
      this.status = msg('Link copied.', { id: 'inv_status_copied' });
    } catch {
      this.input?.focus();
      this.input?.select();
      this.status = msg('Could not copy by itself. The link is selected: copy it with Ctrl+C (⌘+C on a Mac).', { id: 'inv_status_copy_failed' });
    }
  }

  override render() {
    return html`
      <h3 id="reentry-heading">${msg('Open on another device', { id: 'me_link_heading' })}</h3>
      <p class="hint">${msg('A personal link opens this workshop on another device (a phone, another computer) as you, with your name and everything you did. Keep it to yourself: whoever has it can act as you.', { id: 'me_link_intro' })}</p>
      ${this.link
        ? html`<label for="reentry-link">${msg('Your personal link', { id: 'me_link_label' })}</label>
            <div class="link-row">
              <input id="reentry-link" readonly .value=${this.link} aria-describedby="reentry-hint" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <sl-button @click=${this.copy}>${msg('Copy link', { id: 'inv_copy' })}</sl-button>
            </div>
            <p class="hint" id="reentry-hint">${msg('It is shown only now. It stops working when you make a new one, or after 30 days without use.', { id: 'me_link_hint' })}</p>`
        : nothing}
      <div class="alert" role="alert">${this.alert}</div>
      <sl-button size="small" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.make}>
        ${this.link ? msg('Make a new link', { id: 'me_link_renew' }) : msg('Make a link for another device', { id: 'me_link_make' })}
      </sl-button>
      <p class="status" role="status">${this.status}</p>
    `;
  }
}

customElements.define('sk-reentry-link', SkReentryLink);
