/**
 * `<sk-charter-page>`: the workshop's charter. Opens the `<id>/charter` room once (y-websocket +
 * IndexedDB) and shows one of its sections, each at its own address (`/w/<id>/charter/<section>`):
 * actors, maturity, paradoxes, governance, the report's methods (benefits map, roadmap, service
 * overlap, life event: ./methods/) and principles. The section links stay in place between
 * sections (focus stays on the link), the connection state is shown beside them.
 *
 * Properties: `section` (CharterSection). Context: the workshop (client/net/workshop-context.ts:
 * the workshop, its live connection for principles, its rooms, this page's visit for "since
 * your last visit").
 * Events: none. Slots: none. Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { WorkshopDto } from '../../shared/api.js';
import { formatRoom } from '../../shared/ids.js';
import type { CharterSection } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import '../ui/sk-connection-status.js';
import type { WorkshopSocket } from '../net/workshop-socket.js';
import './actors/sk-actors-view.js';
import { CharterController } from './charter-controller.js';
import type { RoomConnection } from '../net/room-connection.js';
import { createCharterSession, type CharterSession } from './charter-session.js';
import './governance/sk-governance-view.js';
import './maturity/sk-maturity-view.js';
import './paradoxes/sk-paradox-view.js';
import './sk-charter-since.js';
import './methods/sk-benefits-view.js';
import './methods/sk-life-event-view.js';
import './methods/sk-roadmap-view.js';
import './methods/sk-services-view.js';
import './principles/sk-principles-view.js';
import { charterPageStyles } from './sk-charter-page.styles.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { term } from '../ui/vocabulary.js';

export class SkCharterPage extends LitElement {
  static override styles = [sharedStyles, charterPageStyles];
  static override properties = {
    section: { type: String },
    session: { state: true },
  };
  declare section: CharterSection;
  declare session: CharterSession | null;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this, (next, old) => {
    const w = next?.workshop;
    const was = old?.workshop;
    // Reopen only when the workshop or my role changed, not on every settings refresh.
    if (w?.id !== was?.id || w?.me.role !== was?.me.role || w?.organisations.length !== was?.organisations.length) this.open();
  });
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }
  private get socket(): WorkshopSocket | null {
    return this.ws.socket;
  }
  private readonly doc = new CharterController(this, () => this.session);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.section = 'actors';
    this.session = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.workshop && !this.session) this.open();
  }

  override disconnectedCallback(): void {
    this.session?.destroy();
    this.session = null;
    super.disconnectedCallback();
  }

  /** `conn`: the charter opened afresh after the server refused an update (see room-connection.ts). */
  private open(conn?: RoomConnection): void {
    this.session?.destroy();
    const w = this.workshop;
    this.session = w ? createCharterSession(conn ?? this.ws.value!.rooms.open(formatRoom({ workshopId: w.id, part: { kind: 'charter' } })), w, () => this.socket) : null;
    this.session?.conn.onReplaced((next) => this.open(next));
  }

  override render() {
    const w = this.workshop;
    const s = this.session;
    if (!w || !s) return nothing;
    const link = (section: CharterSection, label: string) =>
      html`<li><a href="/w/${w.id}/charter/${section}" aria-current=${this.section === section ? 'page' : 'false'}>${label}</a></li>`;
    return html`
      <div class="bar">
        <nav aria-label=${msg('Parts of the charter', { id: 'charter_nav' })}>
          <ul>
            ${link('actors', msg('Actors', { id: 'charter_nav_actors' }))} ${link('maturity', msg('Maturity', { id: 'charter_nav_maturity' }))}
            ${link('paradoxes', msg('Paradoxes', { id: 'charter_nav_paradoxes' }))} ${link('governance', msg('Governance', { id: 'charter_nav_governance' }))}
            ${link('benefits', term('benefitsMap'))} ${link('roadmap', term('roadmap'))} ${link('services', term('serviceOverlap'))} ${link('life-event', term('lifeEvent'))}
            ${link('principles', term('principles'))}
          </ul>
        </nav>
        ${s.readOnly ? html`<span class="badge">${msg('Observer: you can read, not change', { id: 'board_read_only' })}</span>` : nothing}
        <sk-connection-status .conn=${s.conn}></sk-connection-status>
      </div>
      ${this.doc.ready ? html`<sk-charter-since .session=${s}></sk-charter-since>${this.renderSection(s)}` : html`<p role="status" class="loading">${msg('Opening the charter…', { id: 'charter_opening' })}</p>`}
    `;
  }

  private renderSection(s: CharterSession) {
    switch (this.section) {
      case 'actors':
        return html`<sk-actors-view .session=${s}></sk-actors-view>`;
      case 'maturity':
        return html`<sk-maturity-view .session=${s}></sk-maturity-view>`;
      case 'paradoxes':
        return html`<sk-paradox-view .session=${s}></sk-paradox-view>`;
      case 'governance':
        return html`<sk-governance-view .session=${s}></sk-governance-view>`;
      case 'benefits':
        return html`<sk-benefits-view .session=${s}></sk-benefits-view>`;
      case 'roadmap':
        return html`<sk-roadmap-view .session=${s}></sk-roadmap-view>`;
      case 'services':
        return html`<sk-services-view .session=${s}></sk-services-view>`;
      case 'life-event':
        return html`<sk-life-event-view .session=${s}></sk-life-event-view>`;
      case 'principles':
        return html`<sk-principles-view .session=${s}></sk-principles-view>`;
    }
  }
}

customElements.define('sk-charter-page', SkCharterPage);
