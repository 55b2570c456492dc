/**
 * `<sk-benefits-view>`: the benefits map (gevinstkart), one line per benefit: what is gained, who
 * pays, who gains, when, and an amount in kroner where it can be counted, with the total of those
 * below. Amounts are typed as people write them ("1 500 000 kr", "1,5 mill": shared/charter/amount.ts,
 * as in the funding table) and shown with separators and currency; one that cannot be read is refused with a message and the typed text kept. One form
 * under the table adds a line, or edits the line whose Edit was pressed; deleting asks first.
 * Lines imported from a board link back to their note.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatAmount, parseAmount, type AmountRefusal } from '../../../shared/charter/amount.js';
import { MF, type BenefitLine } from '../../../shared/charter/charter-methods.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { appLocale, formatLocales } from '../../ui/i18n.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { term } from '../../ui/vocabulary.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { lastChangeLine } from '../charter-texts.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { writeItemText } from './method-edits.js';
import { methodsStyles } from './methods.styles.js';
import { fromBoard } from './source-link.js';

function refusal(r: AmountRefusal): string {
  if (r === 'negative') return msg('An amount cannot be negative: write who pays under “Who pays”.', { id: 'charter_amount_negative' });
  if (r === 'too_large') return msg('That amount is too large to be a budget figure.', { id: 'charter_amount_too_large' });
  return msg('Write the amount in kroner, for example 1 500 000 kr or 1,5 mill.', { id: 'charter_amount_unreadable' });
}

export class SkBenefitsView extends LitElement {
  static override styles = [sharedStyles, charterStyles, methodsStyles];
  static override properties = { session: { attribute: false }, editing: { state: true }, amountError: { state: true }, announcement: { state: true } };
  declare session: CharterSession | null;
  /** The line the form edits; null: the form adds one. */
  declare editing: string | null;
  declare amountError: string;
  declare announcement: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);
  private readonly confirm = new ConfirmDelete(this, () => this.field('benefit-what'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.editing = null;
    this.amountError = '';
    this.announcement = '';
  }

  private field<T extends HTMLElement = HTMLInputElement>(id: string): T | null {
    return this.renderRoot.querySelector<T>(`#${id}`);
  }

  private async edit(line: BenefitLine): Promise<void> {
    this.editing = line.id;
    this.amountError = '';
    await this.updateComplete;
    this.field<HTMLTextAreaElement>('benefit-what')?.focus();
  }

  private async cancel(): Promise<void> {
    const id = this.editing;
    this.editing = null;
    this.amountError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLFormElement>('form.method-form')?.reset();
    this.renderRoot.querySelector<HTMLElement>(`[data-line="${id}"] .edit`)?.focus();
  }

  private askDelete(e: Event, s: CharterSession, l: BenefitLine): void {
    void this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the benefit ${l.what}?`, { id: 'charter_benefit_delete_title' }), '', () => void s.remove('benefits', l.id));
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    if (!s || s.readOnly) return;
    const amount = parseAmount(val('amount'), appLocale());
    if (!amount.ok) {
      this.amountError = refusal(amount.reason);
      this.field('benefit-amount')?.focus();
      return;
    }
    this.amountError = '';
    const what = val('what').trim();
    if (!what) return this.field<HTMLTextAreaElement>('benefit-what')?.focus();
    const line = { payer: val('payer').trim(), gainer: val('gainer').trim(), when: val('when').trim() };
    const id = this.editing;
    if (id === null) {
      s.charter.addBenefit({ what, ...line, amount: amount.value }, s.origin);
      form.reset();
      this.announcement = msg(str`Line added: ${what}.`, { id: 'charter_benefit_added' });
      this.field<HTMLTextAreaElement>('benefit-what')?.focus();
      return;
    }
    s.charter.doc.transact(() => {
      writeItemText(s.charter, 'benefits', id, MF.what, what, s.origin);
      s.charter.updateItem('benefits', id, { [MF.payer]: line.payer, [MF.gainer]: line.gainer, [MF.when]: line.when, [MF.amount]: amount.value }, s.origin);
    }, s.origin);
    this.announcement = msg(str`Line saved: ${what}.`, { id: 'charter_benefit_saved' });
    await this.cancel();
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const lines = s.charter.benefits();
    const ro = s.readOnly;
    const lang = appLocale();
    const kroner = (n: number) => formatAmount(n, lang, formatLocales());
    const counted = lines.filter((l) => l.amount !== null);
    const total = counted.reduce((n, l) => n + l.amount!, 0);
    return html`
      <h2 id="benefits-heading">${term('benefitsMap')}</h2>
      <p class="lead">${msg('What the partnership gains, who pays for it and who gains from it, when, and how much where it can be counted.', { id: 'charter_benefits_lead' })}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="benefits-heading">
        <table class="stack" aria-labelledby="benefits-heading">
          <thead>
            <tr>
              <th scope="col">${term('benefit')}</th>
              <th scope="col">${term('payer')}</th>
              <th scope="col">${term('gainer')}</th>
              <th scope="col">${term('when')}</th>
              <th scope="col" class="num">${term('amount')}</th>
              ${ro ? nothing : html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>`}
            </tr>
          </thead>
          <tbody>
            ${lines.length === 0 ? html`<tr><td colspan=${ro ? 5 : 6} class="empty">${msg('No benefits yet.', { id: 'charter_benefits_empty' })}</td></tr>` : nothing}
            ${repeat(
              lines,
              (l) => l.id,
              (l) => html`<tr data-line=${l.id}>
                <th scope="row" class="text">${l.what}${fromBoard(s.workshopId, l.source, l.what)}${lastChangeLine(s.edits.last(`benefits/${l.id}`))}</th>
                <td data-label=${term('payer')}>${l.payer}</td>
                <td data-label=${term('gainer')}>${l.gainer}</td>
                <td data-label=${term('when')}>${l.when}</td>
                <td data-label=${term('amount')} class="num amount">${l.amount === null ? '—' : kroner(l.amount)}</td>
                ${ro
                  ? nothing
                  : html`<td class="actions" data-label=""><div class="row-actions">
                      <button type="button" class="small edit" aria-label=${msg(str`Edit ${l.what}`, { id: 'charter_edit_named' })} @click=${() => this.edit(l)}>
                        ${msg('Edit', { id: 'charter_edit' })}
                      </button>
                      <button
                        type="button"
                        class="small danger"
                        aria-label=${msg(str`Delete ${l.what}`, { id: 'charter_delete_named' })}
                        @click=${(e: Event) => this.askDelete(e, s, l)}
                      >
                        ${msg('Delete', { id: 'charter_delete' })}
                      </button>
                    </div></td>`}
              </tr>`,
            )}
          </tbody>
          ${counted.length
            ? html`<tfoot>
                <tr>
                  <th scope="row" colspan="4">${term('total')}</th>
                  <td class="num total">${kroner(total)}</td>
                  ${ro ? nothing : html`<td></td>`}
                </tr>
              </tfoot>`
            : nothing}
        </table>
      </div>
      ${counted.length < lines.length
        ? html`<p class="hint">${msg(str`${lines.length - counted.length} of ${lines.length} lines cannot be counted in kroner and are not in the total.`, { id: 'charter_benefits_uncounted' })}</p>`
        : nothing}
      ${ro ? nothing : this.renderForm(lines.find((l) => l.id === this.editing) ?? null)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.confirm.render()}
    `;
  }

  private renderForm(line: BenefitLine | null) {
    // As the table shows it; the reader takes it back as it is.
    const amount = line && line.amount !== null ? formatAmount(line.amount, appLocale(), formatLocales()) : '';
    return html`<form class="method-form" novalidate @submit=${this.submit}>
      <h3>${line ? msg('Edit the line', { id: 'charter_benefit_edit_heading' }) : msg('Add a line', { id: 'charter_benefit_add_heading' })}</h3>
      <div class="field">
        <label for="benefit-what">${term('benefit')}</label>
        <textarea id="benefit-what" name="what" required maxlength=${CharterLimits.textMax} .value=${line?.what ?? ''}></textarea>
      </div>
      <div class="inline-form">
        ${(['payer', 'gainer', 'when'] as const).map(
          (f) => html`<div class="field">
            <label for="benefit-${f}">${term(f)}</label><input id="benefit-${f}" name=${f} class="cell" maxlength=${CharterLimits.nameMax} .value=${line?.[f] ?? ''} />
          </div>`,
        )}
      </div>
      <div class="field">
        <label for="benefit-amount">${term('amount')}</label>
        <span class="hint" id="benefit-amount-hint">${msg('In kroner, for example 1 500 000 kr. Leave it empty where the benefit cannot be counted.', { id: 'charter_amount_hint' })}</span>
        <input
          id="benefit-amount"
          name="amount"
          class="cell amount"
          inputmode="decimal"
          autocomplete="off"
          .value=${amount}
          aria-invalid=${this.amountError ? 'true' : 'false'}
          aria-describedby="benefit-amount-hint benefit-amount-error"
          @input=${() => (this.amountError = '')}
        />
        <p class="error" id="benefit-amount-error" role="alert">${this.amountError}</p>
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">${line ? msg('Save', { id: 'charter_save' }) : msg('Add line', { id: 'charter_benefit_add' })}</button>
        ${line ? html`<button type="button" @click=${this.cancel}>${msg('Cancel', { id: 'dialog_cancel' })}</button>` : nothing}
      </div>
    </form>`;
  }
}

customElements.define('sk-benefits-view', SkBenefitsView);
