/**
 * `<sk-paradox-view>`: the four paradoxes. For each axis, the two poles and a marker per
 * organisation at its position (0–100), its note on hover or focus; below each axis a table where
 * anyone who may write moves each organisation's marker (a slider) and writes its note.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/range/range.js';
import '@shoelace-style/shoelace/dist/components/tooltip/tooltip.js';
import type SlRange from '@shoelace-style/shoelace/dist/components/range/range.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { PARADOX_AXES, type ParadoxAxis, type ParadoxPosition } from '../../../shared/charter/schema.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { axisNames, term } from '../../ui/vocabulary.js';
import { lastChangeLine } from '../charter-texts.js';
import { paradoxStyles } from './sk-paradox-view.styles.js';
import { LastEditsWatcher } from '../../net/last-edits.js';

export class SkParadoxView extends LitElement {
  static override styles = [sharedStyles, charterStyles, paradoxStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private write(axis: ParadoxAxis, orgId: string, position: number, note: string): void {
    const s = this.session;
    if (!s || !s.mayAssess(orgId)) return;
    s.charter.setParadox(axis, orgId, Math.round(position), note, s.origin);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const all = s.charter.paradoxes();
    return html`
      <h2>${term('paradoxes')}</h2>
      <p class="lead">${msg('Each organisation places itself between two poles. The point is to see the spread and talk about it.', { id: 'charter_paradoxes_lead' })}</p>
      ${s.organisations.length === 0 ? html`<p class="empty">${msg('This workshop has no organisations yet.', { id: 'charter_no_orgs' })}</p>` : nothing}
      ${PARADOX_AXES.map((axis) => this.renderAxis(s, axis, new Map(all.filter((p) => p.axis === axis).map((p) => [p.organisationId, p]))))}
    `;
  }

  private renderAxis(s: CharterSession, axis: ParadoxAxis, at: Map<string, ParadoxPosition>) {
    const n = axisNames(axis);
    const id = `axis-${axis}`;
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${n.name}</h3>
      <div class="axis">
        <span class="pole low">${n.low}</span>
        <div class="track">
          <ul class="markers" aria-label=${msg(str`Positions on ${n.name}`, { id: 'charter_axis_positions' })}>
            ${s.organisations
              .filter((o) => at.has(o.id))
              .map((o, i) => {
                const p = at.get(o.id)!;
                const c = s.colorOf(o.id);
                const tip = p.note ? `${o.name}: ${p.note}` : o.name;
                // Labels near an end grow inwards, so they stay over the track.
                const side = p.position < 15 ? 'start' : p.position > 85 ? 'end' : 'mid';
                return html`<li class="marker ${side}" style="left:${p.position}%;--org:${c.strong};--org-soft:${c.soft};--row:${i % 3}">
                  <sl-tooltip content=${tip}>
                    <span class="dot" tabindex="0"><span class="label">${o.name}</span><span class="visually-hidden">: ${p.position} / 100${p.note ? `. ${p.note}` : ''}</span></span>
                  </sl-tooltip>
                </li>`;
              })}
          </ul>
        </div>
        <span class="pole high">${n.high}</span>
      </div>
      ${s.readOnly ? nothing : this.renderTable(s, axis, at, n.low, n.high)}
    </section>`;
  }

  private renderTable(s: CharterSession, axis: ParadoxAxis, at: Map<string, ParadoxPosition>, low: string, high: string) {
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${term('organisation')}</th>
            <th scope="col">${msg(str`Position (0 = ${low}, 100 = ${high})`, { id: 'charter_axis_position_col' })}</th>
            <th scope="col">${term('note')}</th>
          </tr>
        </thead>
        <tbody>
          ${s.organisations.map((o) => {
            const p = at.get(o.id);
            const changed = lastChangeLine(s.edits.last(`paradoxes/${axis}/${o.id}`));
            // Another organisation's position: shown, changed only by it and the facilitators.
            if (!s.mayAssess(o.id))
              return html`<tr>
                <th scope="row">${o.name}${p ? nothing : html`<span class="unplaced"> (${msg('not placed', { id: 'charter_unplaced' })})</span>`}${changed}</th>
                <td>${p ? `${p.position} / 100` : '—'}</td>
                <td class="text">${p?.note ?? ''}</td>
              </tr>`;
            return html`<tr>
              <th scope="row">${o.name}${p ? nothing : html`<span class="unplaced"> (${msg('not placed', { id: 'charter_unplaced' })})</span>`}${changed}</th>
              <td class="slider">
                <sl-range
                  label=${msg(str`Position of ${o.name}`, { id: 'charter_position_of' })}
                  min="0"
                  max="100"
                  step="5"
                  .value=${live(p?.position ?? 50)}
                  @sl-change=${(e: Event) => this.write(axis, o.id, (e.target as SlRange).value, p?.note ?? '')}
                ></sl-range>
              </td>
              <td>
                <input
                  class="cell"
                  aria-label=${msg(str`Note for ${o.name}`, { id: 'charter_note_of' })}
                  .value=${live(p?.note ?? '')}
                  @change=${(e: Event) => this.write(axis, o.id, p?.position ?? 50, (e.target as HTMLInputElement).value)}
                />
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('sk-paradox-view', SkParadoxView);
