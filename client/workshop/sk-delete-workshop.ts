/**
 * `<sk-delete-workshop>`: a facilitator deletes the workshop with everything in it, for every
 * member (GDPR). The confirmation asks to type the workshop's title; afterwards the app goes to
 * the start page with a notice.
 *
 * Properties: `workshopId`, `workshopTitle`.
 * Events: none (navigates through the router). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import { api } from '../net/api.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-confirm-dialog.js';
import type { SkConfirmDialog } from '../ui/sk-confirm-dialog.js';
import { errorText } from '../ui/texts.js';
import { deleteStyles } from './sk-delete-workshop.styles.js';

export class SkDeleteWorkshop extends LitElement {
  static override styles = [sharedStyles, deleteStyles];
  static override properties = {
    workshopId: { type: String },
    workshopTitle: { type: String },
    busy: { state: true },
    error: { state: true },
  };
  declare workshopId: string;
  declare workshopTitle: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.workshopId = '';
    this.workshopTitle = '';
    this.busy = false;
    this.error = '';
  }

  private get dialog(): SkConfirmDialog | null {
    return this.renderRoot.querySelector('sk-confirm-dialog');
  }

  private open(e: Event): void {
    this.error = '';
    void this.dialog?.show(e.currentTarget as HTMLElement);
  }

  private async confirm(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await api.deleteWorkshop(this.workshopId);
      this.busy = false;
      this.dialog?.close();
      navigate('/', { replace: true, notice: 'workshop-deleted' });
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <section class="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading">${msg('Delete the workshop', { id: 'del_heading' })}</h2>
        <p>${msg('Deleting removes the workshop and everything in it for all members: organisations, members, invite links and all content. It cannot be undone.', { id: 'del_text' })}</p>
        <sl-button variant="danger" outline @click=${this.open}>${msg('Delete workshop…', { id: 'del_open' })}</sl-button>
      </section>
      <sk-confirm-dialog
        .heading=${msg('Delete the workshop for good?', { id: 'del_dialog_heading' })}
        .confirmLabel=${msg('Delete for good', { id: 'del_confirm' })}
        .busyLabel=${msg('Deleting…', { id: 'del_busy' })}
        .busy=${this.busy}
        .error=${this.error}
        .requireText=${this.workshopTitle}
        .requireLabel=${msg('Type the title of the workshop to confirm', { id: 'del_require_label' })}
        @sk-confirm=${this.confirm}
      >
        <p>${msg('Everything in this workshop will be deleted for all members. To confirm, type its title:', { id: 'del_dialog_text' })}</p>
        <p class="title-to-type"><strong>${this.workshopTitle}</strong></p>
      </sk-confirm-dialog>
    `;
  }
}

customElements.define('sk-delete-workshop', SkDeleteWorkshop);
