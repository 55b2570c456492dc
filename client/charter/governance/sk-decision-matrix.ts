/**
 * `<sk-decision-matrix>`: who decides what. Rows are decisions, columns the governance bodies and
 * the organisations; each cell says decides / consulted / informed (or nothing). Every cell is a
 * labelled select, so the matrix is edited by keyboard as by mouse. Add, rename and delete rows.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { CharterLimits, RESPONSIBILITIES, type Responsibility } from '../../../shared/charter/schema.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import { renameDecision } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { responsibilityName } from '../charter-texts.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { governanceStyles } from './governance.styles.js';
import { term } from '../../ui/vocabulary.js';

export class SkDecisionMatrix extends LitElement {
  static override styles = [sharedStyles, charterStyles, governanceStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#decision-label'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const f = e.currentTarget as HTMLFormElement;
    const input = f.elements.namedItem('label') as HTMLInputElement;
    const label = input.value.trim();
    if (!s || s.readOnly || !label) return;
    s.charter.addDecision(label, s.origin);
    f.reset();
    input.focus();
  }

  private async rename(id: string, label: string): Promise<void> {
    const s = this.session;
    if (!s || s.readOnly || !label.trim()) return;
    const focused = this.shadowRoot?.activeElement?.getAttribute('data-rename') === id;
    const next = renameDecision(s.charter, id, label.trim(), s.origin);
    if (!focused) return;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-rename="${next}"]`)?.focus();
  }

  private set(decisionId: string, partyId: string, raw: string): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    const value = (RESPONSIBILITIES as readonly string[]).includes(raw) ? (raw as Responsibility) : null;
    s.charter.setResponsibility(decisionId, partyId, value, s.origin);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const rows = s.charter.decisions();
    const parties = [...s.charter.bodies().map((b) => ({ id: b.id, name: b.name })), ...s.organisations.map((o) => ({ id: o.id, name: o.name }))];
    const ro = s.readOnly;
    return html`
      <h3 id="matrix-heading">${term('whoDecides')}</h3>
      <p class="hint">${msg('For each decision: which body or organisation decides, who is consulted and who is informed.', { id: 'charter_matrix_hint' })}</p>
      ${rows.length === 0 ? html`<p class="empty">${msg('No decisions yet.', { id: 'charter_decisions_empty' })}</p>` : nothing}
      ${rows.length === 0
        ? nothing
        : html`<div class="table-wrap">
            <table aria-labelledby="matrix-heading">
              <thead>
                <tr>
                  <th scope="col">${term('decision')}</th>
                  ${parties.map((p) => html`<th scope="col">${p.name}</th>`)}
                  ${ro ? nothing : html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>`}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (d) => html`<tr>
                    <th scope="row">
                      ${ro
                        ? d.label
                        : html`<input class="cell" data-rename=${d.id} aria-label=${msg(str`Decision: ${d.label}`, { id: 'charter_decision_named' })} .value=${live(d.label)} maxlength=${CharterLimits.nameMax} @change=${(e: Event) => this.rename(d.id, (e.target as HTMLInputElement).value)} />`}
                    </th>
                    ${parties.map((p) => {
                      const v = d.cells[p.id] ?? null;
                      return html`<td>
                        ${ro
                          ? v
                            ? responsibilityName(v)
                            : ''
                          : html`<select class="cell" aria-label=${msg(str`${p.name} for ${d.label}`, { id: 'charter_cell_label' })} @change=${(e: Event) => this.set(d.id, p.id, (e.target as HTMLSelectElement).value)}>
                              <option value="" ?selected=${v === null}>—</option>
                              ${RESPONSIBILITIES.map((r) => html`<option value=${r} ?selected=${v === r}>${responsibilityName(r)}</option>`)}
                            </select>`}
                      </td>`;
                    })}
                    ${ro
                      ? nothing
                      : html`<td class="actions">
                          <button type="button" class="small danger" aria-label=${msg(str`Delete ${d.label}`, { id: 'charter_delete_named' })} @click=${(e: Event) => this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the decision ${d.label}?`, { id: 'charter_decision_delete_title' }), '', () => void s.remove('decisions', d.id))}>${msg('Delete', { id: 'charter_delete' })}</button>
                        </td>`}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      ${ro
        ? nothing
        : html`<form class="inline-form" @submit=${this.add}>
            <div class="field"><label for="decision-label">${msg('New decision', { id: 'charter_decision_new' })}</label><input id="decision-label" name="label" class="cell" required maxlength=${CharterLimits.nameMax} /></div>
            <button type="submit" class="primary">${msg('Add decision', { id: 'charter_decision_add' })}</button>
          </form>`}
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-decision-matrix', SkDecisionMatrix);
