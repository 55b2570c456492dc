/**
 * `<sk-bodies>`: the governance bodies, one card each (mandate, members, chair, rule, rhythm),
 * with add, edit and delete (after confirming).
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { SkEvent } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import { saveBody } from '../charter-edits.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { bodyRuleName, lastChangeLine } from '../charter-texts.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { governanceStyles } from './governance.styles.js';
import './sk-body-dialog.js';
import type { SkBodyDialog, SkBodyDialogEvents } from './sk-body-dialog.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { term } from '../../ui/vocabulary.js';

export class SkBodies extends LitElement {
  static override styles = [sharedStyles, charterStyles, governanceStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#add-body'));

  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private get dialog(): SkBodyDialog | null {
    return this.renderRoot.querySelector('sk-body-dialog');
  }

  private readonly onSave = (e: SkEvent<SkBodyDialogEvents, 'sk-save'>) => {
    const s = this.session;
    if (!s || s.readOnly) return;
    saveBody(s.charter, e.detail, s.origin);
    this.dialog?.close();
  };

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const bodies = s.charter.bodies();
    return html`
      <div class="head">
        <h3 id="bodies-heading">${term('bodies')}</h3>
        ${s.readOnly ? nothing : html`<sl-button id="add-body" @click=${(e: Event) => this.dialog?.show(null, e.currentTarget as HTMLElement)}>${msg('Add body', { id: 'charter_body_add' })}</sl-button>`}
      </div>
      ${bodies.length === 0 ? html`<p class="empty">${msg('No bodies yet: add a steering group, a working group…', { id: 'charter_bodies_empty' })}</p>` : nothing}
      <ul class="cards" aria-labelledby="bodies-heading">
        ${bodies.map(
          (b) => html`<li class="body-card">
            <h4>${b.name}</h4>
            ${lastChangeLine(s.edits.last(`bodies/${b.id}`))}
            ${b.mandate ? html`<p class="mandate">${b.mandate}</p>` : nothing}
            <dl>
              <dt>${term('memberOrganisations')}</dt>
              <dd>${b.members.map((m) => s.orgName(m)).filter((n) => n).join(', ') || '—'}</dd>
              <dt>${term('chair')}</dt>
              <dd>${b.chair || '—'}</dd>
              <dt>${term('decisionRule')}</dt>
              <dd>${bodyRuleName(b.rule)}</dd>
              <dt>${term('rhythm')}</dt>
              <dd>${b.rhythm || '—'}</dd>
            </dl>
            ${s.readOnly
              ? nothing
              : html`<div class="row-actions">
                  <button type="button" aria-label=${msg(str`Edit ${b.name}`, { id: 'charter_edit_named' })} @click=${(e: Event) => this.dialog?.show(b, e.currentTarget as HTMLElement)}>${msg('Edit', { id: 'charter_edit' })}</button>
                  <button
                    type="button"
                    class="danger"
                    aria-label=${msg(str`Delete ${b.name}`, { id: 'charter_delete_named' })}
                    @click=${(e: Event) =>
                      this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the body ${b.name}?`, { id: 'charter_body_delete_title' }), msg('Escalation steps and decisions that name it lose that link.', { id: 'charter_body_delete_text' }), () =>
                        void s.remove('bodies', b.id),
                      )}
                  >
                    ${msg('Delete', { id: 'charter_delete' })}
                  </button>
                </div>`}
          </li>`,
        )}
      </ul>
      <sk-body-dialog .organisations=${s.organisations} @sk-save=${this.onSave}></sk-body-dialog>
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-bodies', SkBodies);
