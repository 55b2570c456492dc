/**
 * `<sk-settings-tab>`: the workshop's settings tab (`/w/<id>/settings`). You (`<sk-about-me>`: name,
 * role, another device, signing out), the organisations, the members (`<sk-member-list>`) and, for
 * facilitators, the workshop's settings, invites and deleting the workshop.
 *
 * Context: the workshop (client/net/workshop-context.ts).
 * Events (from its parts, bubbling): `sk-members-refresh`, `sk-workshop-changed`, `sk-me-changed`.
 * Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import { formatLocales } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import './sk-about-me.js';
import './sk-delete-workshop.js';
import './sk-invite-panel.js';
import './sk-member-list.js';
import './sk-members.js';
import './sk-workshop-settings.js';
import { workshopStyles } from './sk-workshop-page.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';

export class SkSettingsTab extends LitElement {
  static override styles = [sharedStyles, workshopStyles];
  static override properties = {
    membersBusy: { type: Boolean },
  };
  declare membersBusy: boolean;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get members(): MemberDto[] {
    return this.ws.members;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.membersBusy = false;
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const facilitator = w.me.role === 'facilitator';
    const created = new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long' }).format(new Date(w.createdAt));
    return html`
      <p class="lead">${msg('Created', { id: 'ws_created' })} <time datetime=${w.createdAt}>${created}</time></p>
      <sk-about-me></sk-about-me>
      <sk-member-list></sk-member-list>
      <sk-members @sk-member-changed=${() => this.dispatchEvent(new CustomEvent('sk-members-refresh', { bubbles: true, composed: true }))}></sk-members>
      <section class="card" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">${msg('Organisations', { id: 'ws_orgs_heading' })}</h2>
        ${w.organisations.length === 0
          ? html`<p>${msg('No organisations yet.', { id: 'ws_orgs_empty' })}</p>`
          : html`<ul class="orgs">${w.organisations.map((o) => html`<li>${o.name}</li>`)}</ul>`}
      </section>
      ${facilitator
        ? html`<sk-workshop-settings></sk-workshop-settings>
            <sk-invite-panel></sk-invite-panel>
            <sk-delete-workshop .workshopId=${w.id} .workshopTitle=${w.title}></sk-delete-workshop>`
        : nothing}
    `;
  }
}

customElements.define('sk-settings-tab', SkSettingsTab);
