/**
 * `<sk-escalation>`: the escalation path, an ordered list of steps (label, optionally the body
 * that handles it). Steps move up and down with buttons, so the order is set by keyboard as well
 * as by mouse; a polite status says where a step went. Add, edit in place, delete after confirming.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CharterLimits, type EscalationStep, type GovernanceBody } from '../../../shared/charter/schema.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import { moveStep, replaceEscalationStep } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { governanceStyles } from './governance.styles.js';
import { term } from '../../ui/vocabulary.js';

export class SkEscalation extends LitElement {
  static override styles = [sharedStyles, charterStyles, governanceStyles];
  static override properties = { session: { attribute: false }, editing: { state: true }, announcement: { state: true } };
  declare session: CharterSession | null;
  declare editing: string | null;
  declare announcement: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#step-label'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.editing = null;
    this.announcement = '';
  }

  private async move(step: EscalationStep, dir: -1 | 1, ids: string[]): Promise<void> {
    const s = this.session;
    if (!s || s.readOnly || !moveStep(s.charter, 'escalation', ids, step.id, dir, s.origin)) return;
    const at = s.charter.escalation().findIndex((x) => x.id === step.id) + 1;
    this.announcement = msg(str`${step.label} moved to step ${at} of ${ids.length}.`, { id: 'charter_step_moved' });
    this.requestUpdate();
    await this.updateComplete;
    // The list item moved in the DOM, which drops focus: put it back on the same button, or on
    // the other one when this end of the list is reached.
    const li = this.renderRoot.querySelector(`[data-step="${step.id}"]`);
    const same = li?.querySelector<HTMLButtonElement>(dir < 0 ? '.up' : '.down');
    (same && !same.disabled ? same : li?.querySelector<HTMLButtonElement>(dir < 0 ? '.down' : '.up'))?.focus();
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const label = (form.elements.namedItem('label') as HTMLInputElement).value.trim();
    const body = (form.elements.namedItem('body') as HTMLSelectElement).value || null;
    if (!s || s.readOnly || !label) return;
    s.charter.addEscalationStep(label, body, s.origin);
    form.reset();
    this.announcement = msg(str`Step added: ${label}.`, { id: 'charter_step_added' });
  }

  private async save(e: SubmitEvent, step: EscalationStep): Promise<void> {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const label = (form.elements.namedItem('label') as HTMLInputElement).value.trim();
    const body = (form.elements.namedItem('body') as HTMLSelectElement).value || null;
    if (!s || s.readOnly || !label) return;
    const id = label === step.label && body === step.bodyId ? step.id : replaceEscalationStep(s.charter, step.id, label, body, s.origin);
    this.editing = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-step="${id}"] .edit`)?.focus();
  }

  private bodySelect(bodies: GovernanceBody[], selected: string | null, id: string) {
    return html`<select id=${id} name="body" class="cell">
      <option value="">${msg('No body', { id: 'charter_no_body' })}</option>
      ${bodies.map((b) => html`<option value=${b.id} ?selected=${b.id === selected}>${b.name}</option>`)}
    </select>`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const steps = s.charter.escalation();
    const bodies = s.charter.bodies();
    const ids = steps.map((x) => x.id);
    const bodyName = (id: string | null) => bodies.find((b) => b.id === id)?.name ?? '';
    return html`
      <h3 id="escalation-heading">${term('escalation')}</h3>
      <p class="hint">${msg('Where a disagreement goes when it is not settled, in order.', { id: 'charter_escalation_hint' })}</p>
      ${steps.length === 0 ? html`<p class="empty">${msg('No steps yet.', { id: 'charter_steps_empty' })}</p>` : nothing}
      <ol class="steps" aria-labelledby="escalation-heading">
        ${repeat(
          steps,
          (x) => x.id,
          (x, i) => html`<li data-step=${x.id}>
            ${this.editing === x.id
              ? html`<form class="inline-form" @submit=${(e: SubmitEvent) => this.save(e, x)}>
                  <div class="field"><label for="edit-label">${msg('Step', { id: 'charter_step_label' })}</label><input id="edit-label" name="label" class="cell" .value=${x.label} maxlength=${CharterLimits.nameMax} required /></div>
                  <div class="field"><label for="edit-body">${msg('Body', { id: 'charter_step_body' })}</label>${this.bodySelect(bodies, x.bodyId, 'edit-body')}</div>
                  <button type="submit" class="primary small">${msg('Save', { id: 'charter_save' })}</button>
                  <button type="button" class="small" @click=${() => (this.editing = null)}>${msg('Cancel', { id: 'dialog_cancel' })}</button>
                </form>`
              : html`<div class="step-row">
                  <span><strong>${x.label}</strong>${x.bodyId ? html` <span class="step-body">(${bodyName(x.bodyId)})</span>` : nothing}</span>
                  ${s.readOnly
                    ? nothing
                    : html`<span class="row-actions">
                        <button type="button" class="small up" ?disabled=${i === 0} aria-label=${msg(str`Move ${x.label} up`, { id: 'charter_move_up_named' })} @click=${() => this.move(x, -1, ids)}>${msg('Up', { id: 'charter_move_up' })}</button>
                        <button type="button" class="small down" ?disabled=${i === steps.length - 1} aria-label=${msg(str`Move ${x.label} down`, { id: 'charter_move_down_named' })} @click=${() => this.move(x, 1, ids)}>${msg('Down', { id: 'charter_move_down' })}</button>
                        <button type="button" class="small edit" aria-label=${msg(str`Edit ${x.label}`, { id: 'charter_edit_named' })} @click=${() => (this.editing = x.id)}>${msg('Edit', { id: 'charter_edit' })}</button>
                        <button
                          type="button"
                          class="small danger"
                          aria-label=${msg(str`Delete ${x.label}`, { id: 'charter_delete_named' })}
                          @click=${(e: Event) => this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the step ${x.label}?`, { id: 'charter_step_delete_title' }), '', () => void s.remove('escalation', x.id))}
                        >
                          ${msg('Delete', { id: 'charter_delete' })}
                        </button>
                      </span>`}
                </div>`}
          </li>`,
        )}
      </ol>
      ${s.readOnly
        ? nothing
        : html`<form class="inline-form" @submit=${this.add}>
            <div class="field"><label for="step-label">${msg('New step', { id: 'charter_step_new' })}</label><input id="step-label" name="label" class="cell" maxlength=${CharterLimits.nameMax} required /></div>
            <div class="field"><label for="step-body">${msg('Body', { id: 'charter_step_body' })}</label>${this.bodySelect(bodies, null, 'step-body')}</div>
            <button type="submit" class="primary">${msg('Add step', { id: 'charter_step_add' })}</button>
          </form>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-escalation', SkEscalation);
