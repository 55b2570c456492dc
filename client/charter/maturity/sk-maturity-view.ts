/**
 * `<sk-maturity-view>`: the maturity staircase (the glossary's one ladder). Four steps
 * (generations 1–4), each organisation placed on the step where it stands today in its colour,
 * its justification on hover or focus (and in the chip's accessible description); an outlined
 * chip marks where it wants to be, a lighter one each other step it also stands on. Below, a
 * table where anyone who may write sets each organisation's step today, its target, its other
 * steps and the justification. Answers revealed in a workshop land here too (the server writes
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

const lead = () =>
  msg(
    'Where each organisation stands today and wants to be: from support for its own work (1) to seamless services with others (4). On several steps? Say how in the justification.',
    { id: 'charter_maturity_lead' },
  );

const asGeneration = (raw: string): Generation | null => {
  const g = Number(raw);
  return raw !== '' && (GENERATIONS as readonly number[]).includes(g) ? (g as Generation) : null;
};

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

  private setGeneration(orgId: string, raw: string): void {
    const s = this.session;
    if (!s || !s.mayAssess(orgId)) return;
    const g = asGeneration(raw);
    if (g) s.charter.updateMaturity(orgId, { generation: g }, s.origin);
    else void s.remove('maturity', orgId);
  }

  private setTarget(orgId: string, raw: string): void {
    const s = this.session;
    if (s?.mayAssess(orgId)) s.charter.updateMaturity(orgId, { target: asGeneration(raw) }, s.origin);
  }

  private setAlsoOn(orgId: string, g: Generation, on: boolean, current: MaturityEntry): void {
    const s = this.session;
    if (s?.mayAssess(orgId)) s.charter.updateMaturity(orgId, { alsoOn: on ? [...current.alsoOn, g] : current.alsoOn.filter((x) => x !== g) }, s.origin);
  }

  private setJustification(orgId: string, text: string): void {
    const s = this.session;
    if (s?.mayAssess(orgId)) s.charter.setMaturityJustification(orgId, text, s.origin);
  }

  /** One organisation's chip on a step: today (filled), where it wants to be (outlined), or another step it also stands on. */
  private chip(s: CharterSession, o: { id: string; name: string }, e: MaturityEntry, how: 'today' | 'target' | 'also') {
    const c = s.colorOf(o.id);
    const why = e.justification || msg('No justification given.', { id: 'charter_no_justification' });
    const label =
      how === 'target'
        ? msg(str`${o.name} wants to be here`, { id: 'charter_maturity_target_chip' })
        : how === 'also'
          ? msg(str`${o.name} also stands here`, { id: 'charter_maturity_also_chip' })
          : o.name;
    return html`<li>
      <sl-tooltip content=${why}>
        <span class="chip ${how}" tabindex="0" style="--org:${c.strong};--org-soft:${c.soft}"
          ><span class="swatch" aria-hidden="true"></span>${how === 'target' ? html`<span aria-hidden="true">→ </span>` : nothing}${label}<span class="visually-hidden"
            >: ${why}</span
          ></span
        >
      </sl-tooltip>
    </li>`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const entries = new Map(s.charter.maturity().map((m) => [m.organisationId, m]));
    const orgs = s.organisations;
    return html`
      <section aria-labelledby="maturity-heading">
        <h2 id="maturity-heading">${term('maturity')}</h2>
        <p class="lead">${lead()}</p>
        ${orgs.length === 0 ? html`<p class="empty">${msg('This workshop has no organisations yet.', { id: 'charter_no_orgs' })}</p>` : nothing}
        <ol class="stairs" aria-label=${msg('Staircase', { id: 'charter_staircase' })}>
          ${GENERATIONS.map((g) => {
            const chips = orgs.flatMap((o) => {
              const e = entries.get(o.id);
              if (!e) return [];
              if (e.generation === g) return [this.chip(s, o, e, 'today')];
              if (e.target === g) return [this.chip(s, o, e, 'target')];
              return e.alsoOn.includes(g) ? [this.chip(s, o, e, 'also')] : [];
            });
            return html`<li class="step step-${g}">
              <div class="tread">
                ${chips.length === 0 ? html`<span class="visually-hidden">${msg('No organisation here', { id: 'charter_step_empty' })}</span>` : html`<ul class="orgs">${chips}</ul>`}
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
                <th scope="col">${term('today')}</th>
                <th scope="col">${term('wantsToBe')}</th>
                <th scope="col">${term('alsoStandsOn')}</th>
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
                  return html`<tr>
                    <th scope="row">${o.name}${changed}</th>
                    <td>${e ? msg(str`Generation ${e.generation}`, { id: 'charter_generation' }) : '—'}</td>
                    <td>${e?.target ? msg(str`Generation ${e.target}`, { id: 'charter_generation' }) : '—'}</td>
                    <td>${e?.alsoOn.length ? e.alsoOn.join(', ') : '—'}</td>
                    <td class="text">${e?.justification ?? ''}</td>
                  </tr>`;
                return html`<tr>
                  <th scope="row"><span class="swatch" style="--org:${c.strong}" aria-hidden="true"></span> ${o.name}${changed}</th>
                  <td>
                    <select
                      class="cell"
                      aria-label=${msg(str`Generation of ${o.name}`, { id: 'charter_generation_of' })}
                      @change=${(ev: Event) => this.setGeneration(o.id, (ev.target as HTMLSelectElement).value)}
                    >
                      <option value="" ?selected=${!e}>${msg('Not placed', { id: 'charter_not_placed' })}</option>
                      ${GENERATIONS.map((g) => html`<option value=${g} ?selected=${e?.generation === g}>${g}</option>`)}
                    </select>
                  </td>
                  <td>
                    <select
                      class="cell"
                      aria-label=${msg(str`Where ${o.name} wants to be`, { id: 'charter_target_of' })}
                      ?disabled=${!e}
                      @change=${(ev: Event) => this.setTarget(o.id, (ev.target as HTMLSelectElement).value)}
                    >
                      <option value="" ?selected=${!e?.target}>${msg('Not set', { id: 'charter_target_none' })}</option>
                      ${GENERATIONS.map((g) => html`<option value=${g} ?selected=${e?.target === g}>${g}</option>`)}
                    </select>
                  </td>
                  <td>
                    <fieldset class="also" ?disabled=${!e}>
                      <legend class="visually-hidden">${msg(str`Other steps ${o.name} also stands on`, { id: 'charter_also_of' })}</legend>
                      ${GENERATIONS.filter((g) => g !== e?.generation).map(
                        (g) =>
                          html`<label
                            ><input
                              type="checkbox"
                              .checked=${live(!!e?.alsoOn.includes(g))}
                              @change=${(ev: Event) => e && this.setAlsoOn(o.id, g, (ev.target as HTMLInputElement).checked, e)}
                            />
                            ${g}</label
                          >`,
                      )}
                    </fieldset>
                  </td>
                  <td>
                    <textarea
                      class="cell"
                      rows="2"
                      aria-label=${msg(str`Justification for ${o.name}`, { id: 'charter_justification_of' })}
                      ?disabled=${!e}
                      .value=${live(e?.justification ?? '')}
                      @change=${(ev: Event) => this.setJustification(o.id, (ev.target as HTMLTextAreaElement).value)}
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
