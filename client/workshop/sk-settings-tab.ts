/**
 * `<sk-settings-tab>`: the workshop's settings tab (`/w/<id>/settings`). You (`<sk-about-me>`: name,
 * role, another device, signing out), the organisations, the members (`<sk-member-list>`) and, for
 * facilitators, the workshop's settings, invites and deleting the workshop.
 *
 * Properties: `workshop` (WorkshopDto), `members` (MemberDto[]), `membersBusy`.
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

export class SkSettingsTab extends LitElement {
  static override styles = [sharedStyles, workshopStyles];
  static override properties = {
    workshop: { attribute: false },
    members: { attribute: false },
    membersBusy: { type: Boolean },
  };
  declare workshop: WorkshopDto | null;
  declare members: MemberDto[];
  declare membersBusy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.workshop = null;
    this.members = [];
    this.membersBusy = false;
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const facilitator = w.me.role === 'facilitator';
    const created = new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'long' }).format(new Date(w.createdAt));
    return html`
      <p class="lead">${msg('Created', { id: 'ws_created' })} <time datetime=${w.createdAt}>${created}</time></p>
      <sk-about-me .workshop=${w}></sk-about-me>
      <sk-member-list .workshop=${w} .members=${this.members} .busy=${this.membersBusy}></sk-member-list>
      <sk-members .workshop=${w} .members=${this.members} @sk-member-changed=${() => this.dispatchEvent(new CustomEvent('sk-members-refresh', { bubbles: true, composed: true }))}></sk-members>
      <section class="card" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">${msg('Organisations', { id: 'ws_orgs_heading' })}</h2>
        ${w.organisations.length === 0
          ? html`<p>${msg('No organisations yet.', { id: 'ws_orgs_empty' })}</p>`
          : html`<ul class="orgs">${w.organisations.map((o) => html`<li>${o.name}</li>`)}</ul>`}
      </section>
      ${facilitator
        ? html`<sk-workshop-settings .workshop=${w}></sk-workshop-settings>
            <sk-invite-panel .workshopId=${w.id} .organisations=${w.organisations} .members=${this.members}></sk-invite-panel>
            <sk-delete-workshop .workshopId=${w.id} .workshopTitle=${w.title}></sk-delete-workshop>`
        : nothing}
    `;
  }
}

customElements.define('sk-settings-tab', SkSettingsTab);
