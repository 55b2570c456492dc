/**
 * `<sk-relation-dialog>`: adds or edits a relation between two actors (from, kind, to, note).
 *
 * Properties: `actors` (Actor[]). Methods: `show(relation | null, opener, from?)`, `close()`.
 * Events: `sk-save` (detail: RelationForm, with `id` when editing); the host writes, then closes.
 * Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { RELATION_KINDS, type Actor, type Relation, type RelationKind } from '../../../shared/charter/schema.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { charterDialogStyles } from '../charter-dialog.styles.js';
import { relationKindName } from '../charter-texts.js';
import { FormDialog } from '../form-dialog.js';
import { term } from '../../ui/vocabulary.js';

export interface RelationForm {
  id: string | null;
  from: string;
  to: string;
  kind: RelationKind;
  note: string;
}
export interface SkRelationDialogEvents {
  'sk-save': RelationForm;
}

export class SkRelationDialog extends FormDialog {
  static override styles = [sharedStyles, charterDialogStyles];
  static override properties = { actors: { attribute: false }, relation: { state: true }, from: { state: true }, error: { state: true } };
  declare actors: Actor[];
  declare relation: Relation | null;
  declare from: string;
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actors = [];
    this.relation = null;
    this.from = '';
    this.error = '';
  }

  async show(relation: Relation | null, opener: HTMLElement | null, from = ''): Promise<void> {
    this.relation = relation;
    this.from = relation?.from ?? from;
    this.error = '';
    this.requestUpdate();
    await this.open(opener);
  }

  private readonly emit = emitter<SkRelationDialogEvents>(this);

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const from = this.value('rel-from');
    const to = this.value('rel-to');
    const ids = new Set(this.actors.map((a) => a.id));
    if (!ids.has(from) || !ids.has(to) || from === to) {
      this.error = msg('Choose two different actors.', { id: 'charter_rel_invalid' });
      return;
    }
    const raw = this.value('rel-kind');
    const kind = (RELATION_KINDS as readonly string[]).includes(raw) ? (raw as RelationKind) : 'collaborates_with';
    this.emit('sk-save', { id: this.relation?.id ?? null, from, to, kind, note: this.value('rel-note') });
  }

  override render() {
    const r = this.relation;
    const label = r ? msg('Edit relation', { id: 'charter_rel_edit_title' }) : msg('New relation', { id: 'charter_rel_new_title' });
    const options = this.actors.map((a) => html`<sl-option value=${a.id}>${a.name}</sl-option>`);
    return html`<sl-dialog label=${label} @sl-initial-focus=${this.onInitialFocus} @sl-request-close=${this.onRequestClose} @sl-hide=${this.onHide}>
      <form novalidate @submit=${this.submit}>
        <sl-select id="rel-from" label=${term('fromActor')} .value=${live(this.from)} hoist>${options}</sl-select>
        <sl-select id="rel-kind" label=${term('relation')} .value=${live(r?.kind ?? 'collaborates_with')} hoist>
          ${RELATION_KINDS.map((k) => html`<sl-option value=${k}>${relationKindName(k)}</sl-option>`)}
        </sl-select>
        <sl-select id="rel-to" label=${term('toActor')} .value=${live(r?.to ?? '')} hoist>${options}</sl-select>
        <sl-textarea id="rel-note" label=${term('note')} .value=${live(r?.note ?? '')} rows="2"></sl-textarea>
        <p class="error" role="alert">${this.error}</p>
      </form>
      <div class="actions" slot="footer">
        <sl-button variant="primary" @click=${() => this.renderRoot.querySelector('form')?.requestSubmit()}>${msg('Save', { id: 'charter_save' })}</sl-button>
        <sl-button @click=${this.close}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-relation-dialog', SkRelationDialog);
