/**
 * `<sk-funding>`: who funds what: sources (who, amount, share in percent) in an editable table
 * with the totals below; a total share other than 100 % is pointed out. Add, edit in place,
 * delete after confirming.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import { formatLocales } from '../../ui/i18n.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { lastChangeLine } from '../charter-texts.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { parseAmount, totals } from './funding-model.js';
import { governanceStyles } from './governance.styles.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { term } from '../../ui/vocabulary.js';

export class SkFunding extends LitElement {
  static override styles = [sharedStyles, charterStyles, governanceStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#fund-who'));

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const f = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (f.elements.namedItem(n) as HTMLInputElement).value;
    const who = val('who').trim();
    if (!s || s.readOnly || !who) return;
    const share = parseAmount(val('share'));
    s.charter.addFunding({ who, amount: parseAmount(val('amount')), share: share === null ? null : Math.min(100, share) }, s.origin);
    f.reset();
    this.renderRoot.querySelector<HTMLElement>('#fund-who')?.focus();
  }

  private patch(id: string, field: 'who' | 'amount' | 'share', raw: string): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    if (field === 'who') {
      if (raw.trim()) s.charter.updateFunding(id, { who: raw.trim() }, s.origin);
      return;
    }
    const n = parseAmount(raw);
    s.charter.updateFunding(id, { [field]: field === 'share' && n !== null ? Math.min(100, n) : n }, s.origin);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const rows = s.charter.funding();
    const t = totals(rows);
    const fmt = new Intl.NumberFormat(formatLocales(), { maximumFractionDigits: 2 });
    const ro = s.readOnly;
    return html`
      <h3 id="funding-heading">${term('funding')}</h3>
      <div class="table-wrap">
        <table aria-labelledby="funding-heading">
          <thead>
            <tr>
              <th scope="col">${term('who')}</th>
              <th scope="col" class="num">${term('amount')}</th>
              <th scope="col" class="num">${term('share')}</th>
              ${ro ? nothing : html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>`}
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0 ? html`<tr><td colspan=${ro ? 3 : 4} class="empty">${msg('No funding sources yet.', { id: 'charter_funding_empty' })}</td></tr>` : nothing}
            ${rows.map((r) =>
              ro
                ? html`<tr><th scope="row">${r.who}${lastChangeLine(s.edits.last(`funding/${r.id}`))}</th><td class="num">${r.amount === null ? '—' : fmt.format(r.amount)}</td><td class="num">${r.share === null ? '—' : fmt.format(r.share)}</td></tr>`
                : html`<tr>
                    <th scope="row"><input class="cell" aria-label=${msg(str`Who: ${r.who}`, { id: 'charter_fund_who_of' })} .value=${live(r.who)} maxlength=${CharterLimits.nameMax} @change=${(e: Event) => this.patch(r.id, 'who', (e.target as HTMLInputElement).value)} />${lastChangeLine(s.edits.last(`funding/${r.id}`))}</th>
                    <td class="num"><input class="cell" inputmode="decimal" aria-label=${msg(str`Amount from ${r.who}`, { id: 'charter_fund_amount_of' })} .value=${live(r.amount === null ? '' : String(r.amount))} @change=${(e: Event) => this.patch(r.id, 'amount', (e.target as HTMLInputElement).value)} /></td>
                    <td class="num"><input class="cell" inputmode="decimal" aria-label=${msg(str`Share from ${r.who} (%)`, { id: 'charter_fund_share_of' })} .value=${live(r.share === null ? '' : String(r.share))} @change=${(e: Event) => this.patch(r.id, 'share', (e.target as HTMLInputElement).value)} /></td>
                    <td class="actions">
                      <button type="button" class="small danger" aria-label=${msg(str`Delete ${r.who}`, { id: 'charter_delete_named' })} @click=${(e: Event) => this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the funding from ${r.who}?`, { id: 'charter_fund_delete_title' }), '', () => void s.remove('funding', r.id))}>${msg('Delete', { id: 'charter_delete' })}</button>
                    </td>
                  </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${term('total')}</th>
              <td class="num">${fmt.format(t.amount)}</td>
              <td class="num">${fmt.format(t.share)}${rows.length && Math.abs(t.share - 100) > 0.01 ? html` <span class="warn">(${msg('not 100 %', { id: 'charter_fund_not_100' })})</span>` : nothing}</td>
              ${ro ? nothing : html`<td></td>`}
            </tr>
          </tfoot>
        </table>
      </div>
      ${ro
        ? nothing
        : html`<form class="inline-form" @submit=${this.add}>
            <div class="field"><label for="fund-who">${term('who')}</label><input id="fund-who" name="who" class="cell" required maxlength=${CharterLimits.nameMax} /></div>
            <div class="field"><label for="fund-amount">${term('amount')}</label><input id="fund-amount" name="amount" class="cell" inputmode="decimal" /></div>
            <div class="field"><label for="fund-share">${term('share')}</label><input id="fund-share" name="share" class="cell" inputmode="decimal" /></div>
            <button type="submit" class="primary">${msg('Add funding source', { id: 'charter_fund_add' })}</button>
          </form>`}
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-funding', SkFunding);
