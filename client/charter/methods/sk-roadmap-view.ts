/**
 * `<sk-roadmap-view>`: the roadmap, now / next / later: three lists side by side (one under the
 * other on a narrow screen), each item with its text and owner. Buttons move an item up and down
 * within its horizon and to the horizon before or after, so the order is set by keyboard as well
 * as by mouse; focus follows the item and a polite status says where it went. Edit in place,
 * delete after confirming, add with the form below. Items imported from a board link back to it.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MF, ROADMAP_HORIZONS, type RoadmapHorizon, type RoadmapItem } from '../../../shared/charter/charter-methods.js';
import { CF, CharterLimits } from '../../../shared/charter/schema.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { term } from '../../ui/vocabulary.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { horizonName, lastChangeLine } from '../charter-texts.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { horizonBeside, inHorizon, moveToHorizon, moveWithin, writeItemText } from './method-edits.js';
import { methodsStyles } from './methods.styles.js';
import { fromBoard } from './source-link.js';

/** The buttons of an item, by what they do (focus goes back to the same one after a move). */
type Move = 'up' | 'down' | 'earlier' | 'later';

export class SkRoadmapView extends LitElement {
  static override styles = [sharedStyles, charterStyles, methodsStyles];
  static override properties = { session: { attribute: false }, editing: { state: true }, announcement: { state: true } };
  declare session: CharterSession | null;
  declare editing: string | null;
  declare announcement: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#roadmap-text'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.editing = null;
    this.announcement = '';
  }

  private async move(item: RoadmapItem, how: Move): Promise<void> {
    const s = this.session;
    if (!s || s.readOnly) return;
    const items = s.charter.roadmap();
    if (how === 'up' || how === 'down') {
      if (!moveWithin(s.charter, items, item, how === 'up' ? -1 : 1, s.origin)) return;
    } else {
      const to = horizonBeside(item.horizon, how === 'earlier' ? -1 : 1);
      if (!to) return;
      moveToHorizon(s.charter, items, item, to, s.origin);
    }
    const now = s.charter.roadmap();
    const moved = now.find((x) => x.id === item.id);
    if (!moved) return;
    const list = inHorizon(now, moved.horizon);
    const at = list.findIndex((x) => x.id === item.id) + 1;
    this.announcement = msg(str`${item.text} moved to ${horizonName(moved.horizon)}, place ${at} of ${list.length}.`, { id: 'charter_roadmap_moved' });
    this.requestUpdate();
    await this.updateComplete;
    // The item moved in the DOM (perhaps to another list), which drops focus: put it back on the
    // same button, or on the opposite one where this end is reached.
    const li = this.renderRoot.querySelector(`[data-item="${item.id}"]`);
    const opposite: Record<Move, Move> = { up: 'down', down: 'up', earlier: 'later', later: 'earlier' };
    const same = li?.querySelector<HTMLButtonElement>(`.${how}`);
    (same && !same.disabled ? same : li?.querySelector<HTMLButtonElement>(`.${opposite[how]}`))?.focus();
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    const text = val('text').trim();
    const horizon = (ROADMAP_HORIZONS as readonly string[]).includes(val('horizon')) ? (val('horizon') as RoadmapHorizon) : 'now';
    if (!s || s.readOnly || !text) return;
    s.charter.addRoadmapItem({ text, horizon, owner: val('owner').trim() }, s.origin);
    form.reset();
    (form.elements.namedItem('horizon') as HTMLSelectElement).value = horizon;
    this.announcement = msg(str`Added to ${horizonName(horizon)}: ${text}.`, { id: 'charter_roadmap_added' });
  }

  private async save(e: SubmitEvent, item: RoadmapItem): Promise<void> {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    const text = val('text').trim();
    if (!s || s.readOnly || !text) return;
    s.charter.doc.transact(() => {
      writeItemText(s.charter, 'roadmap', item.id, CF.text, text, s.origin);
      s.charter.updateItem('roadmap', item.id, { [MF.owner]: val('owner').trim() }, s.origin);
    }, s.origin);
    await this.stopEditing(item.id);
  }

  private async stopEditing(id: string): Promise<void> {
    this.editing = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-item="${id}"] .edit`)?.focus();
  }

  private async startEditing(id: string): Promise<void> {
    this.editing = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-text')?.focus();
  }

  private moveLabel(x: RoadmapItem, to: RoadmapHorizon): string {
    return msg(str`Move ${x.text} to ${horizonName(to)}`, { id: 'charter_roadmap_move_to' });
  }

  private askDelete(e: Event, s: CharterSession, x: RoadmapItem): void {
    void this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete ${x.text} from the roadmap?`, { id: 'charter_roadmap_delete_title' }), '', () => void s.remove('roadmap', x.id));
  }

  private renderItem(s: CharterSession, x: RoadmapItem, i: number, count: number) {
    if (this.editing === x.id) {
      return html`<form class="inline-form" @submit=${(e: SubmitEvent) => this.save(e, x)}>
        <div class="field"><label for="edit-text">${term('initiative')}</label><input id="edit-text" name="text" class="cell" .value=${x.text} maxlength=${CharterLimits.textMax} required /></div>
        <div class="field"><label for="edit-owner">${term('owner')}</label><input id="edit-owner" name="owner" class="cell" .value=${x.owner} maxlength=${CharterLimits.nameMax} /></div>
        <button type="submit" class="primary small">${msg('Save', { id: 'charter_save' })}</button>
        <button type="button" class="small" @click=${() => this.stopEditing(x.id)}>${msg('Cancel', { id: 'dialog_cancel' })}</button>
      </form>`;
    }
    const earlier = horizonBeside(x.horizon, -1);
    const later = horizonBeside(x.horizon, 1);
    return html`<p class="item-text">${x.text}${fromBoard(s.workshopId, x.source, x.text)}</p>
      <p class="item-owner">${term('owner')}: ${x.owner || '—'}${lastChangeLine(s.edits.last(`roadmap/${x.id}`))}</p>
      ${s.readOnly
        ? nothing
        : html`<div class="row-actions">
            <button type="button" class="small up" ?disabled=${i === 0} aria-label=${msg(str`Move ${x.text} up`, { id: 'charter_move_up_named' })} @click=${() => this.move(x, 'up')}>
              ${msg('Up', { id: 'charter_move_up' })}
            </button>
            <button type="button" class="small down" ?disabled=${i === count - 1} aria-label=${msg(str`Move ${x.text} down`, { id: 'charter_move_down_named' })} @click=${() => this.move(x, 'down')}>
              ${msg('Down', { id: 'charter_move_down' })}
            </button>
            ${earlier
              ? html`<button type="button" class="small earlier" aria-label=${this.moveLabel(x, earlier)} @click=${() => this.move(x, 'earlier')}>
                  <span aria-hidden="true">←</span> ${horizonName(earlier)}
                </button>`
              : nothing}
            ${later
              ? html`<button type="button" class="small later" aria-label=${this.moveLabel(x, later)} @click=${() => this.move(x, 'later')}>
                  ${horizonName(later)} <span aria-hidden="true">→</span>
                </button>`
              : nothing}
            <button type="button" class="small edit" aria-label=${msg(str`Edit ${x.text}`, { id: 'charter_edit_named' })} @click=${() => this.startEditing(x.id)}>
              ${msg('Edit', { id: 'charter_edit' })}
            </button>
            <button
              type="button"
              class="small danger"
              aria-label=${msg(str`Delete ${x.text}`, { id: 'charter_delete_named' })}
              @click=${(e: Event) => this.askDelete(e, s, x)}
            >
              ${msg('Delete', { id: 'charter_delete' })}
            </button>
          </div>`}`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const items = s.charter.roadmap();
    return html`
      <h2>${term('roadmap')}</h2>
      <p class="lead">${msg('What the partnership does now, what comes next and what comes later, and who owns each step.', { id: 'charter_roadmap_lead' })}</p>
      <div class="horizons">
        ${ROADMAP_HORIZONS.map((h) => {
          const list = inHorizon(items, h);
          return html`<section class="horizon" data-horizon=${h} aria-labelledby="horizon-${h}">
            <h3 id="horizon-${h}">${horizonName(h)} <span class="count">(${list.length})</span></h3>
            ${list.length === 0
              ? html`<p class="empty">${msg('Nothing here yet.', { id: 'charter_roadmap_empty' })}</p>`
              : html`<ol aria-labelledby="horizon-${h}">
                  ${repeat(
                    list,
                    (x) => x.id,
                    (x, i) => html`<li data-item=${x.id}>${this.renderItem(s, x, i, list.length)}</li>`,
                  )}
                </ol>`}
          </section>`;
        })}
      </div>
      ${s.readOnly
        ? nothing
        : html`<form class="inline-form method-form" @submit=${this.add}>
            <div class="field"><label for="roadmap-text">${term('initiative')}</label><input id="roadmap-text" name="text" class="cell" maxlength=${CharterLimits.textMax} required /></div>
            <div class="field"><label for="roadmap-owner">${term('owner')}</label><input id="roadmap-owner" name="owner" class="cell" maxlength=${CharterLimits.nameMax} /></div>
            <div class="field">
              <label for="roadmap-horizon">${term('horizon')}</label>
              <select id="roadmap-horizon" name="horizon" class="cell">
                ${ROADMAP_HORIZONS.map((h) => html`<option value=${h}>${horizonName(h)}</option>`)}
              </select>
            </div>
            <button type="submit" class="primary">${msg('Add to the roadmap', { id: 'charter_roadmap_add' })}</button>
          </form>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-roadmap-view', SkRoadmapView);
