/**
 * `<sk-governance-view>`: the governance model section: bodies, escalation path, funding and
 * the who-decides-what matrix, each its own component on the same charter session.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { sharedStyles } from '../../ui/shared.styles.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import './sk-bodies.js';
import './sk-decision-matrix.js';
import './sk-escalation.js';
import './sk-funding.js';
import { term } from '../../ui/vocabulary.js';

export class SkGovernanceView extends LitElement {
  static override styles = [sharedStyles, charterStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    return html`
      <h2>${term('governance')}</h2>
      <p class="lead">${msg('Who decides what, in which body and by which rule; how disagreements escalate; who pays.', { id: 'charter_governance_lead' })}</p>
      <section><sk-bodies .session=${s}></sk-bodies></section>
      <section><sk-escalation .session=${s}></sk-escalation></section>
      <section><sk-funding .session=${s}></sk-funding></section>
      <section><sk-decision-matrix .session=${s}></sk-decision-matrix></section>
    `;
  }
}

customElements.define('sk-governance-view', SkGovernanceView);
