/**
 * `<sk-life-event-view>`: the life event the partnership is organised around, as the report
 * recommends: its name, who owns it, its scope, the mandate it rests on and how it is funded.
 * Each field is saved when it is left (the texts as the smallest change, so someone writing
 * elsewhere in them keeps their words), with a polite "saved" and who changed it last. Observers
 * read the same fields as a list.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { MF, type LifeEventGovernance } from '../../../shared/charter/charter-methods.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { term } from '../../ui/vocabulary.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { lastChangeLine } from '../charter-texts.js';
import { charterStyles } from '../charter.styles.js';
import { writeLifeEvent } from './method-edits.js';
import { methodsStyles } from './methods.styles.js';

type Field = keyof LifeEventGovernance;
const FIELDS: readonly Field[] = ['name', 'owner', 'scope', 'mandate', 'funding'];
const LINES: ReadonlySet<Field> = new Set(['name', 'owner']);

export class SkLifeEventView extends LitElement {
  static override styles = [sharedStyles, charterStyles, methodsStyles];
  static override properties = { session: { attribute: false }, announcement: { state: true } };
  declare session: CharterSession | null;
  declare announcement: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.announcement = '';
  }

  private label(f: Field): string {
    return f === 'name' ? term('actorName') : term(f);
  }

  private hint(f: Field): string {
    switch (f) {
      case 'name':
        return msg('For example “Having a seriously ill child”.', { id: 'charter_life_name_hint' });
      case 'owner':
        return msg('Who answers for the life event as a whole.', { id: 'charter_life_owner_hint' });
      case 'scope':
        return msg('Where it starts and ends, and what is left out.', { id: 'charter_life_scope_hint' });
      case 'mandate':
        return msg('What the owner may decide, and who gave that mandate.', { id: 'charter_life_mandate_hint' });
      case 'funding':
        return msg('Who pays for the shared work, and how.', { id: 'charter_life_funding_hint' });
    }
  }

  private save(f: Field, raw: string): void {
    const s = this.session;
    if (!s || s.readOnly) return;
    const value = LINES.has(f) ? raw.trim() : raw;
    if (s.charter.lifeEvent()[f] === value) return;
    writeLifeEvent(s.charter, f, value, s.origin);
    this.announcement = msg(str`${this.label(f)} saved.`, { id: 'charter_life_saved' });
  }

  private changed(f: Field, e: Event): void {
    this.save(f, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const life = s.charter.lifeEvent();
    const changed = (f: Field) => lastChangeLine(s.edits.last(`lifeEvent/${MF[f]}`));
    return html`
      <h2>${term('lifeEvent')}</h2>
      <p class="lead">
        ${msg('The life event the partnership is organised around: who owns it, what it covers, the mandate it rests on and how it is funded.', { id: 'charter_life_lead' })}
      </p>
      ${s.readOnly
        ? html`<dl class="life">
            ${FIELDS.map((f) => html`<dt>${this.label(f)}</dt><dd>${life[f] || '—'}${changed(f)}</dd>`)}
          </dl>`
        : html`<form class="life-form" @submit=${(e: Event) => e.preventDefault()}>
            ${FIELDS.map(
              (f) => html`<div class="field">
                <label for="life-${f}">${this.label(f)}</label>
                <span class="hint" id="life-${f}-hint">${this.hint(f)}</span>
                ${LINES.has(f)
                  ? html`<input id="life-${f}" name=${f} maxlength=${CharterLimits.nameMax} aria-describedby="life-${f}-hint" .value=${life[f]} @change=${(e: Event) => this.changed(f, e)} />`
                  : html`<textarea
                      id="life-${f}"
                      name=${f}
                      maxlength=${CharterLimits.textMax}
                      aria-describedby="life-${f}-hint"
                      .value=${life[f]}
                      @change=${(e: Event) => this.changed(f, e)}
                    ></textarea>`}
                ${changed(f)}
              </div>`,
            )}
          </form>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }
}

customElements.define('sk-life-event-view', SkLifeEventView);
