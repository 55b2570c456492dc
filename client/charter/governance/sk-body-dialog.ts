/**
 * `<sk-body-dialog>`: adds or edits a governance body (name, mandate, member organisations,
 * chair, decision rule, meeting rhythm).
 *
 * Properties: `organisations`. Methods: `show(body | null, opener)`, `close()`.
 * Events: `sk-save` (detail: BodyForm, with `id` when editing). Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OrganisationDto } from '../../../shared/api.js';
import { BODY_RULES, CharterLimits, type BodyRule, type GovernanceBody } from '../../../shared/charter/schema.js';
import { submitOnEnter } from '../../ui/forms.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { charterDialogStyles } from '../charter-dialog.styles.js';
import { bodyRuleName } from '../charter-texts.js';
import { FormDialog } from '../form-dialog.js';
import { term } from '../../ui/vocabulary.js';

export interface BodyForm {
  id: string | null;
  name: string;
  mandate: string;
  members: string[];
  chair: string;
  rule: BodyRule;
  rhythm: string;
}
export interface SkBodyDialogEvents {
  'sk-save': BodyForm;
}

export class SkBodyDialog extends FormDialog {
  static override styles = [sharedStyles, charterDialogStyles];
  static override properties = { organisations: { attribute: false }, body: { state: true }, error: { state: true } };
  declare organisations: OrganisationDto[];
  declare body: GovernanceBody | null;
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.organisations = [];
    this.body = null;
    this.error = '';
  }

  async show(body: GovernanceBody | null, opener: HTMLElement | null): Promise<void> {
    this.body = body;
    this.error = '';
    this.requestUpdate();
    await this.open(opener);
  }

  private readonly emit = emitter<SkBodyDialogEvents>(this);

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const name = this.value('body-name').trim();
    if (!name) {
      this.error = msg('Give the body a name.', { id: 'charter_body_name_missing' });
      this.renderRoot.querySelector<HTMLElement>('#body-name')?.focus();
      return;
    }
    const members = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="member"]:checked')].map((i) => i.value);
    const raw = this.value('body-rule');
    const rule = (BODY_RULES as readonly string[]).includes(raw) ? (raw as BodyRule) : 'consensus';
    const detail: BodyForm = { id: this.body?.id ?? null, name, mandate: this.value('body-mandate'), members, chair: this.value('body-chair').trim(), rule, rhythm: this.value('body-rhythm').trim() };
    this.emit('sk-save', detail);
  }

  override render() {
    const b = this.body;
    const label = b ? msg('Edit body', { id: 'charter_body_edit_title' }) : msg('New governance body', { id: 'charter_body_new_title' });
    return html`<sl-dialog label=${label} @sl-initial-focus=${this.onInitialFocus} @sl-request-close=${this.onRequestClose} @sl-hide=${this.onHide}>
      <form novalidate @submit=${this.submit} @keydown=${submitOnEnter}>
        <sl-input id="body-name" label=${term('actorName')} .value=${live(b?.name ?? '')} maxlength=${CharterLimits.nameMax} required></sl-input>
        <p class="error" role="alert">${this.error}</p>
        <sl-textarea id="body-mandate" label=${term('mandate')} .value=${live(b?.mandate ?? '')} rows="3"></sl-textarea>
        <fieldset>
          <legend>${term('memberOrganisations')}</legend>
          ${this.organisations.map((o) => html`<label><input type="checkbox" name="member" value=${o.id} .checked=${live(b?.members.includes(o.id) ?? false)} />${o.name}</label>`)}
        </fieldset>
        <div class="pair">
          <sl-input id="body-chair" label=${term('chair')} .value=${live(b?.chair ?? '')} maxlength=${CharterLimits.nameMax}></sl-input>
          <sl-input id="body-rhythm" label=${term('rhythm')} .value=${live(b?.rhythm ?? '')} maxlength=${CharterLimits.nameMax}></sl-input>
        </div>
        <sl-select id="body-rule" label=${term('decisionRule')} .value=${live(b?.rule ?? 'consensus')} hoist>
          ${BODY_RULES.map((r) => html`<sl-option value=${r}>${bodyRuleName(r)}</sl-option>`)}
        </sl-select>
      </form>
      <div class="actions" slot="footer">
        <sl-button variant="primary" @click=${() => this.renderRoot.querySelector('form')?.requestSubmit()}>${msg('Save', { id: 'charter_save' })}</sl-button>
        <sl-button @click=${this.close}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-body-dialog', SkBodyDialog);
