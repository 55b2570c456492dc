/**
 * `<sk-actor-dialog>`: adds or edits an actor (name, kind, the participating organisation it is,
 * role, needs, requirements, gains). Property: `organisations` (the workshop's).
 *
 * Methods: `show(actor | null, opener)`, `close()`.
 * Events: `sk-save` (detail: ActorForm, and `id` when editing); the host writes, then closes.
 * Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OrganisationDto } from '../../../shared/api.js';
import { ACTOR_KINDS, CharterLimits, type Actor, type ActorKind } from '../../../shared/charter/schema.js';
import { submitOnEnter } from '../../ui/forms.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { charterDialogStyles } from '../charter-dialog.styles.js';
import { actorKindName } from '../charter-texts.js';
import { FormDialog } from '../form-dialog.js';
import { term } from '../../ui/vocabulary.js';

export interface ActorForm {
  id: string | null;
  name: string;
  kind: ActorKind;
  role: string;
  needs: string;
  requirements: string;
  gains: string;
  organisationId: string | null;
}
export interface SkActorDialogEvents {
  'sk-save': ActorForm;
}

export class SkActorDialog extends FormDialog {
  static override styles = [sharedStyles, charterDialogStyles];
  static override properties = { actor: { state: true }, error: { state: true }, organisations: { attribute: false } };
  declare actor: Actor | null;
  declare organisations: OrganisationDto[];
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actor = null;
    this.error = '';
    this.organisations = [];
  }

  async show(actor: Actor | null, opener: HTMLElement | null): Promise<void> {
    this.actor = actor;
    this.error = '';
    // Render even when nothing changed, so `live()` puts back what was typed and cancelled.
    this.requestUpdate();
    await this.open(opener);
  }

  private readonly emit = emitter<SkActorDialogEvents>(this);

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const name = this.value('actor-name').trim();
    if (!name) {
      this.error = msg('Give the actor a name.', { id: 'charter_actor_name_missing' });
      this.renderRoot.querySelector<HTMLElement>('#actor-name')?.focus();
      return;
    }
    const kind = (ACTOR_KINDS as readonly string[]).includes(this.value('actor-kind')) ? (this.value('actor-kind') as ActorKind) : 'state_agency';
    const detail: ActorForm = {
      id: this.actor?.id ?? null,
      name,
      kind,
      role: this.value('actor-role'),
      needs: this.value('actor-needs'),
      requirements: this.value('actor-requirements'),
      gains: this.value('actor-gains'),
      organisationId: this.organisations.some((o) => o.id === this.value('actor-org')) ? this.value('actor-org') : null,
    };
    this.emit('sk-save', detail);
  }

  override render() {
    const a = this.actor;
    const label = a ? msg('Edit actor', { id: 'charter_actor_edit_title' }) : msg('New actor', { id: 'charter_actor_new_title' });
    return html`<sl-dialog label=${label} @sl-initial-focus=${this.onInitialFocus} @sl-request-close=${this.onRequestClose} @sl-hide=${this.onHide}>
      <form id="actor-form" novalidate @submit=${this.submit} @keydown=${submitOnEnter}>
        <div class="pair">
          <sl-input id="actor-name" label=${term('actorName')} .value=${live(a?.name ?? '')} maxlength=${CharterLimits.nameMax} required></sl-input>
          <sl-select id="actor-kind" label=${term('kind')} .value=${live(a?.kind ?? 'state_agency')} hoist>
            ${ACTOR_KINDS.map((k) => html`<sl-option value=${k}>${actorKindName(k)}</sl-option>`)}
          </sl-select>
        </div>
        <sl-select id="actor-org" label=${msg('At the table as', { id: 'charter_actor_org' })} .value=${live(a?.organisationId ?? 'none')} hoist>
          <sl-option value="none">${msg('Not at the table', { id: 'charter_actor_org_none' })}</sl-option>
          ${this.organisations.map((o) => html`<sl-option value=${o.id}>${o.name}</sl-option>`)}
        </sl-select>
        <p class="error" role="alert">${this.error}</p>
        <sl-textarea id="actor-role" label=${term('role')} .value=${live(a?.role ?? '')} rows="2" maxlength=${CharterLimits.textMax}></sl-textarea>
        <sl-textarea id="actor-needs" label=${term('needs')} .value=${live(a?.needs ?? '')} rows="2" maxlength=${CharterLimits.textMax}></sl-textarea>
        <sl-textarea id="actor-requirements" label=${term('requirements')} .value=${live(a?.requirements ?? '')} rows="2" maxlength=${CharterLimits.textMax}></sl-textarea>
        <sl-textarea id="actor-gains" label=${term('gains')} .value=${live(a?.gains ?? '')} rows="2" maxlength=${CharterLimits.textMax}></sl-textarea>
      </form>
      <div class="actions" slot="footer">
        <sl-button variant="primary" @click=${() => this.renderRoot.querySelector('form')?.requestSubmit()}>${msg('Save', { id: 'charter_save' })}</sl-button>
        <sl-button @click=${this.close}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-actor-dialog', SkActorDialog);
