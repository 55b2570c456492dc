/**
 * `<sk-funding>`: who funds what: sources (who, the participating organisation it comes from if
 * any, amount in kroner, share in percent) in an editable table with the totals below; a total
 * share other than 100 % is pointed out. Add, edit in place, delete after confirming.
 *
 * Amounts are read as people type them ("1 500 000 kr", "1,5 mill", "kr 1 500 000,-":
 * shared/charter/amount.ts). A figure that cannot be read is not saved and not dropped: the
 * field keeps what was typed, marked invalid, with a message saying why (issue #17).
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatAmount, formatShare, parseAmount, parseShare, type AmountRefusal } from '../../../shared/charter/amount.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import { appLocale, formatLocales } from '../../ui/i18n.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { lastChangeLine } from '../charter-texts.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { totals } from './funding-model.js';
import { governanceStyles } from './governance.styles.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { term } from '../../ui/vocabulary.js';

type Figure = 'amount' | 'share';

function refusal(field: Figure, reason: AmountRefusal, typed: string): string {
  if (field === 'share') {
    return reason === 'too_large'
      ? msg(str`“${typed}” was not saved: a share is at most 100 %.`, { id: 'charter_fund_share_over' })
      : msg(str`“${typed}” was not saved: write the share as a number from 0 to 100, for example 40 or 12.5.`, { id: 'charter_fund_share_refused' });
  }
  if (reason === 'negative') return msg(str`“${typed}” was not saved: an amount cannot be negative.`, { id: 'charter_fund_amount_negative' });
  if (reason === 'too_large') return msg(str`“${typed}” was not saved: that is more than an amount here can be.`, { id: 'charter_fund_amount_too_large' });
  return msg(str`“${typed}” was not saved: write the amount in kroner, for example 1,500,000 or 1.5 million.`, { id: 'charter_fund_amount_refused' });
}

export class SkFunding extends LitElement {
  static override styles = [sharedStyles, charterStyles, governanceStyles];
  static override properties = { session: { attribute: false }, refused: { state: true } };
  declare session: CharterSession | null;
  /** `<rowId or "new">/<field>` → what was typed and why it was not saved. */
  declare refused: Map<string, { typed: string; message: string }>;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#fund-who'));

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.refused = new Map();
  }

  /** The figure typed into `key`'s field, or undefined when it was refused (and said so). */
  private read(key: string, field: Figure, raw: string): number | null | undefined {
    const r = (field === 'amount' ? parseAmount : parseShare)(raw, appLocale());
    const next = new Map(this.refused);
    if (r.ok) next.delete(`${key}/${field}`);
    else next.set(`${key}/${field}`, { typed: raw, message: refusal(field, r.reason, raw.trim()) });
    this.refused = next;
    return r.ok ? r.value : undefined;
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const f = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (f.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement).value;
    const who = val('who').trim();
    if (!s || s.readOnly || !who) return;
    const amount = this.read('new', 'amount', val('amount'));
    const share = this.read('new', 'share', val('share'));
    if (amount === undefined || share === undefined) {
      f.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    s.charter.addFunding({ who, amount, share, organisationId: val('organisation') || null }, s.origin);
    f.reset();
    this.renderRoot.querySelector<HTMLElement>('#fund-who')?.focus();
  }

  private patch(id: string, field: 'who' | 'organisation' | Figure, raw: string): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    if (field === 'who') {
      if (raw.trim()) s.charter.updateFunding(id, { who: raw.trim() }, s.origin);
      return;
    }
    if (field === 'organisation') return s.charter.updateFunding(id, { organisationId: raw || null }, s.origin);
    const n = this.read(id, field, raw);
    if (n !== undefined) s.charter.updateFunding(id, { [field]: n }, s.origin);
  }

  /**
   * A figure's input in a row: what was typed while refused, else the stored value. The add
   * form's inputs (`key` "new") are not bound: they keep what is typed until it is added.
   */
  private figure(key: string, field: Figure, stored: number | null, label: string) {
    const refused = this.refused.get(`${key}/${field}`);
    const errorId = `fund-${key}-${field}-error`;
    const error = refused ? html`<p class="error" role="alert" id=${errorId}>${refused.message}</p>` : nothing;
    if (key === 'new') {
      return html`<input id=${`fund-${field}`} name=${field} class="cell" inputmode="decimal" aria-invalid=${refused ? 'true' : 'false'} aria-describedby=${refused ? errorId : nothing} />${error}`;
    }
    return html`<input
        class="cell"
        inputmode="decimal"
        aria-label=${label}
        aria-invalid=${refused ? 'true' : 'false'}
        aria-describedby=${refused ? errorId : nothing}
        .value=${live(refused?.typed ?? (stored === null ? '' : String(stored)))}
        @change=${(e: Event) => this.patch(key, field, (e.target as HTMLInputElement).value)}
      />${error}`;
  }

  private organisationSelect(s: CharterSession, value: string | null, label: string | null, onChange: ((e: Event) => void) | null) {
    return html`<select id=${label ? nothing : 'fund-organisation'} name="organisation" class="cell" aria-label=${label ?? nothing} @change=${onChange}>
      <option value="" ?selected=${!value}>${msg('None named', { id: 'charter_fund_org_none' })}</option>
      ${s.organisations.map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${o.name}</option>`)}
    </select>`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const rows = s.charter.funding();
    const t = totals(rows);
    const lang = appLocale();
    const amount = (v: number) => formatAmount(v, lang, formatLocales());
    const share = (v: number) => formatShare(v, lang, formatLocales());
    const orgName = (id: string | null) => s.organisations.find((o) => o.id === id)?.name ?? '—';
    const ro = s.readOnly;
    return html`
      <h3 id="funding-heading">${term('funding')}</h3>
      <div class="table-wrap">
        <table aria-labelledby="funding-heading">
          <thead>
            <tr>
              <th scope="col">${term('who')}</th>
              <th scope="col">${term('organisation')}</th>
              <th scope="col" class="num">${term('amount')}</th>
              <th scope="col" class="num">${term('share')}</th>
              ${ro ? nothing : html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>`}
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0 ? html`<tr><td colspan=${ro ? 4 : 5} class="empty">${msg('No funding sources yet.', { id: 'charter_funding_empty' })}</td></tr>` : nothing}
            ${rows.map((r) =>
              ro
                ? html`<tr><th scope="row">${r.who}${lastChangeLine(s.edits.last(`funding/${r.id}`))}</th><td>${orgName(r.organisationId)}</td><td class="num">${r.amount === null ? '—' : amount(r.amount)}</td><td class="num">${r.share === null ? '—' : share(r.share)}</td></tr>`
                : html`<tr>
                    <th scope="row"><input class="cell" aria-label=${msg(str`Who: ${r.who}`, { id: 'charter_fund_who_of' })} .value=${live(r.who)} maxlength=${CharterLimits.nameMax} @change=${(e: Event) => this.patch(r.id, 'who', (e.target as HTMLInputElement).value)} />${lastChangeLine(s.edits.last(`funding/${r.id}`))}</th>
                    <td>${this.organisationSelect(s, r.organisationId, msg(str`Organisation of the funding from ${r.who}`, { id: 'charter_fund_org_of' }), (e: Event) => this.patch(r.id, 'organisation', (e.target as HTMLSelectElement).value))}</td>
                    <td class="num">${this.figure(r.id, 'amount', r.amount, msg(str`Amount from ${r.who}`, { id: 'charter_fund_amount_of' }))}</td>
                    <td class="num">${this.figure(r.id, 'share', r.share, msg(str`Share from ${r.who} (%)`, { id: 'charter_fund_share_of' }))}</td>
                    <td class="actions">
                      <button type="button" class="small danger" aria-label=${msg(str`Delete ${r.who}`, { id: 'charter_delete_named' })} @click=${(e: Event) => this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the funding from ${r.who}?`, { id: 'charter_fund_delete_title' }), '', () => void s.remove('funding', r.id))}>${msg('Delete', { id: 'charter_delete' })}</button>
                    </td>
                  </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${term('total')}</th>
              <td></td>
              <td class="num">${amount(t.amount)}</td>
              <td class="num">${share(t.share)}${rows.length && Math.abs(t.share - 100) > 0.01 ? html` <span class="warn">(${msg('not 100 %', { id: 'charter_fund_not_100' })})</span>` : nothing}</td>
              ${ro ? nothing : html`<td></td>`}
            </tr>
          </tfoot>
        </table>
      </div>
      ${ro
        ? nothing
        : html`<form class="inline-form" @submit=${this.add}>
            <div class="field"><label for="fund-who">${term('who')}</label><input id="fund-who" name="who" class="cell" required maxlength=${CharterLimits.nameMax} /></div>
            <div class="field"><label for="fund-organisation">${term('organisation')}</label>${this.organisationSelect(s, null, null, null)}</div>
            <div class="field"><label for="fund-amount">${term('amount')}</label>${this.figure('new', 'amount', null, '')}</div>
            <div class="field"><label for="fund-share">${term('share')}</label>${this.figure('new', 'share', null, '')}</div>
            <button type="submit" class="primary">${msg('Add funding source', { id: 'charter_fund_add' })}</button>
          </form>`}
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-funding', SkFunding);
