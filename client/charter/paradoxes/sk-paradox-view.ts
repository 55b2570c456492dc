/**
 * `<sk-paradox-view>`: the four paradoxes as tensions. For each axis, the report's sentence, the
 * two poles, a marker per organisation where it stands today (0–100), its note on hover or focus,
 * and a star where the partnership wants to be; below each axis a table where anyone who may
 * write moves each organisation's marker (a slider) and writes its note, with each one's gap to
 * the partnership's target, and a row for the target itself (any member may set it).
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/range/range.js';
import '@shoelace-style/shoelace/dist/components/tooltip/tooltip.js';
import type SlRange from '@shoelace-style/shoelace/dist/components/range/range.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { PARADOX_AXES, type ParadoxAxis, type ParadoxPosition, type ParadoxTarget } from '../../../shared/charter/schema.js';
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

  private writeTarget(axis: ParadoxAxis, position: number | null, note: string): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    s.charter.setParadoxTarget(axis, position, note, s.origin);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const all = s.charter.paradoxes();
    const targets = new Map(s.charter.paradoxTargets().map((t) => [t.axis, t]));
    return html`
      <h2>${term('paradoxes')}</h2>
      <p class="lead">
        ${msg(
          'Each organisation places itself between two poles where it stands today; the partnership agrees where it wants to be. See the spread and the gap, and talk about them.',
          { id: 'charter_paradoxes_lead' },
        )}
      </p>
      ${s.organisations.length === 0 ? html`<p class="empty">${msg('This workshop has no organisations yet.', { id: 'charter_no_orgs' })}</p>` : nothing}
      ${PARADOX_AXES.map((axis) => this.renderAxis(s, axis, new Map(all.filter((p) => p.axis === axis).map((p) => [p.organisationId, p])), targets.get(axis) ?? null))}
    `;
  }

  private renderAxis(s: CharterSession, axis: ParadoxAxis, at: Map<string, ParadoxPosition>, target: ParadoxTarget | null) {
    const n = axisNames(axis);
    const id = `axis-${axis}`;
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${n.name}</h3>
      <p class="report">${n.report}</p>
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
          ${target
            ? html`<sl-tooltip content=${target.note || msg('Where the partnership wants to be', { id: 'charter_target_marker' })}>
                <span class="target" tabindex="0" style="left:${target.position}%"
                  ><span aria-hidden="true">★</span><span class="visually-hidden"
                    >${msg(str`The partnership wants to be at ${target.position} / 100`, { id: 'charter_target_at' })}${target.note ? `. ${target.note}` : ''}</span
                  ></span
                >
              </sl-tooltip>`
            : nothing}
        </div>
        <span class="pole high">${n.high}</span>
      </div>
      ${s.readOnly ? this.renderGaps(s, at, target, n.low, n.high) : this.renderTable(s, axis, at, target, n.low, n.high)}
    </section>`;
  }

  /** How far an organisation is from the partnership's target, and towards which pole it must move. */
  private gap(p: ParadoxPosition | undefined, target: ParadoxTarget | null, low: string, high: string) {
    if (!p || !target) return '—';
    const d = target.position - p.position;
    if (d === 0) return msg('At the target', { id: 'charter_gap_none' });
    return msg(str`${Math.abs(d)} towards ${d > 0 ? high : low}`, { id: 'charter_gap' });
  }

  /** For a reader: each organisation's gap to the target, when the partnership has set one. */
  private renderGaps(s: CharterSession, at: Map<string, ParadoxPosition>, target: ParadoxTarget | null, low: string, high: string) {
    if (!target) return nothing;
    return html`<ul class="gaps">
      ${s.organisations.filter((o) => at.has(o.id)).map((o) => html`<li>${o.name}: ${this.gap(at.get(o.id), target, low, high)}</li>`)}
    </ul>`;
  }

  private renderTable(s: CharterSession, axis: ParadoxAxis, at: Map<string, ParadoxPosition>, target: ParadoxTarget | null, low: string, high: string) {
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${term('organisation')}</th>
            <th scope="col">${msg(str`Position (0 = ${low}, 100 = ${high})`, { id: 'charter_axis_position_col' })}</th>
            <th scope="col">${term('gapToTarget')}</th>
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
                <td>${this.gap(p, target, low, high)}</td>
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
              <td>${this.gap(p, target, low, high)}</td>
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
          <tr class="target-row">
            <th scope="row">★ ${term('partnershipTarget')}</th>
            <td class="slider">
              ${target
                ? html`<sl-range
                    label=${msg('Where the partnership wants to be', { id: 'charter_target_marker' })}
                    min="0"
                    max="100"
                    step="5"
                    .value=${live(target.position)}
                    @sl-change=${(e: Event) => this.writeTarget(axis, (e.target as SlRange).value, target.note)}
                  ></sl-range>`
                : html`<button class="set-target" @click=${() => this.writeTarget(axis, 50, '')}>${msg('Set a target', { id: 'charter_target_set' })}</button>`}
            </td>
            <td>${target ? html`<button class="set-target" @click=${() => this.writeTarget(axis, null, '')}>${msg('Clear the target', { id: 'charter_target_clear' })}</button>` : nothing}</td>
            <td>
              <input
                class="cell"
                aria-label=${msg('Note on the target', { id: 'charter_target_note' })}
                ?disabled=${!target}
                .value=${live(target?.note ?? '')}
                @change=${(e: Event) => target && this.writeTarget(axis, target.position, (e.target as HTMLInputElement).value)}
              />
            </td>
          </tr>
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('sk-paradox-view', SkParadoxView);
