/**
 * `<sk-maturity-view>`: the maturity staircase. Four steps (generations 1–4), each organisation
 * placed on its step in its colour, its justification on hover or focus (and in the chip's
 * accessible description); below, a table where anyone who may write sets each organisation's
 * generation and justification. Answers revealed in a workshop land here too (the server writes
 * them into the charter).
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/tooltip/tooltip.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { GENERATIONS, type Generation, type MaturityEntry } from '../../../shared/charter/schema.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { generationText, term } from '../../ui/vocabulary.js';
import { lastChangeLine } from '../charter-texts.js';
import { maturityStyles } from './sk-maturity-view.styles.js';
import { LastEditsWatcher } from '../../net/last-edits.js';

export class SkMaturityView extends LitElement {
  static override styles = [sharedStyles, charterStyles, maturityStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private setGeneration(orgId: string, raw: string, current: MaturityEntry | undefined): void {
    const s = this.session;
    if (!s || !s.mayAssess(orgId)) return;
    const g = Number(raw);
    if ((GENERATIONS as readonly number[]).includes(g)) s.charter.setMaturity(orgId, g as Generation, current?.justification ?? '', s.origin);
    else void s.remove('maturity', orgId);
  }

  private setJustification(orgId: string, text: string, current: MaturityEntry | undefined): void {
    const s = this.session;
    if (!s || !s.mayAssess(orgId) || !current) return;
    s.charter.setMaturity(orgId, current.generation, text, s.origin);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const entries = new Map(s.charter.maturity().map((m) => [m.organisationId, m]));
    const orgs = s.organisations;
    return html`
      <section aria-labelledby="maturity-heading">
        <h2 id="maturity-heading">${term('maturity')}</h2>
        <p class="lead">${msg('Where each organisation stands today, from digital support for its own work (1) to seamless services together with others (4).', { id: 'charter_maturity_lead' })}</p>
        ${orgs.length === 0 ? html`<p class="empty">${msg('This workshop has no organisations yet.', { id: 'charter_no_orgs' })}</p>` : nothing}
        <ol class="stairs" aria-label=${msg('Staircase', { id: 'charter_staircase' })}>
          ${GENERATIONS.map((g) => {
            const here = orgs.filter((o) => entries.get(o.id)?.generation === g);
            return html`<li class="step step-${g}">
              <div class="tread">
                ${here.length === 0
                  ? html`<span class="visually-hidden">${msg('No organisation here', { id: 'charter_step_empty' })}</span>`
                  : html`<ul class="orgs">
                      ${here.map((o) => {
                        const c = s.colorOf(o.id);
                        const why = entries.get(o.id)?.justification || msg('No justification given.', { id: 'charter_no_justification' });
                        return html`<li>
                          <sl-tooltip content=${why}>
                            <span class="chip" tabindex="0" style="--org:${c.strong};--org-soft:${c.soft}"
                              ><span class="swatch" aria-hidden="true"></span>${o.name}<span class="visually-hidden">: ${why}</span></span
                            >
                          </sl-tooltip>
                        </li>`;
                      })}
                    </ul>`}
              </div>
              <div class="riser"><span class="gen">${msg(str`Generation ${g}`, { id: 'charter_generation' })}</span><span class="what">${generationText(g)}</span></div>
            </li>`;
          })}
        </ol>
      </section>
      <section aria-labelledby="maturity-table-heading">
        <h3 id="maturity-table-heading">${msg('Each organisation', { id: 'charter_maturity_table' })}</h3>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${term('organisation')}</th>
                <th scope="col">${term('generation')}</th>
                <th scope="col">${term('justification')}</th>
              </tr>
            </thead>
            <tbody>
              ${orgs.map((o) => {
                const e = entries.get(o.id);
                const c = s.colorOf(o.id);
                // Another organisation's self-assessment: shown, changed only by it and the facilitators.
                const changed = lastChangeLine(s.edits.last(`maturity/${o.id}`));
                if (!s.mayAssess(o.id))
                  return html`<tr><th scope="row">${o.name}${changed}</th><td>${e ? msg(str`Generation ${e.generation}`, { id: 'charter_generation' }) : '—'}</td><td class="text">${e?.justification ?? ''}</td></tr>`;
                return html`<tr>
                  <th scope="row"><span class="swatch" style="--org:${c.strong}" aria-hidden="true"></span> ${o.name}${changed}</th>
                  <td>
                    <select class="cell" aria-label=${msg(str`Generation of ${o.name}`, { id: 'charter_generation_of' })} @change=${(ev: Event) => this.setGeneration(o.id, (ev.target as HTMLSelectElement).value, e)}>
                      <option value="" ?selected=${!e}>${msg('Not placed', { id: 'charter_not_placed' })}</option>
                      ${GENERATIONS.map((g) => html`<option value=${g} ?selected=${e?.generation === g}>${g}</option>`)}
                    </select>
                  </td>
                  <td>
                    <textarea
                      class="cell"
                      rows="2"
                      aria-label=${msg(str`Justification for ${o.name}`, { id: 'charter_justification_of' })}
                      ?disabled=${!e}
                      .value=${live(e?.justification ?? '')}
                      @change=${(ev: Event) => this.setJustification(o.id, (ev.target as HTMLTextAreaElement).value, e)}
                    ></textarea>
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }
}

customElements.define('sk-maturity-view', SkMaturityView);
