/**
 * `<sk-participants>`: who is on this board now, from awareness (the server fixes each state's
 * `user`: name, organisation, role), one entry per person, with a "follow" toggle.
 *
 * Properties: `session` (BoardSession), `following` (client id or null).
 * Events: `sk-follow` (detail: `{ clientId: number | null }`). Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { Role } from '../../shared/api.js';
import { emitter } from '../ui/events.js';
import { roleName } from '../ui/texts.js';
import type { BoardSession } from './board-session.js';

interface Person {
  clientId: number;
  memberId: string;
  name: string;
  organisation: string | null;
  organisationId: string | null;
  role: string;
}

export interface SkParticipantsEvents {
  /** Follow this person's view (null: stop following). */
  'sk-follow': { clientId: number | null };
}

export class SkParticipants extends LitElement {
  static override styles = css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35rem;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.92rem;
    }
    .swatch {
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 3px;
      flex: none;
    }
    .who {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--sk-muted, #4b5563);
      display: block;
      font-size: 0.85rem;
    }
    button {
      font: inherit;
      font-size: 0.85rem;
      padding: 0.2rem 0.5rem;
      border-radius: 5px;
      border: 1px solid var(--sk-line, #d1d5db);
      background: #fff;
      color: var(--sk-text, #111827);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--sk-primary, #1d4ed8);
      color: #fff;
    }
    :focus-visible {
      outline: 3px solid var(--sk-focus, #f59e0b);
      outline-offset: 2px;
    }
  `;
  static override properties = { session: { attribute: false }, following: { attribute: false }, people: { state: true } };
  declare session: BoardSession | null;
  declare following: number | null;
  declare people: Person[];
  private off: (() => void) | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.following = null;
    this.people = [];
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('session')) return;
    this.off?.();
    const awareness = this.session?.awareness;
    if (!awareness) return;
    const refresh = () => (this.people = this.read());
    awareness.on('change', refresh);
    this.off = () => awareness.off('change', refresh);
    refresh();
  }

  override disconnectedCallback(): void {
    this.off?.();
    this.off = null;
    super.disconnectedCallback();
  }

  private read(): Person[] {
    const s = this.session;
    if (!s) return [];
    const byMember = new Map<string, Person>();
    s.awareness.getStates().forEach((state, clientId) => {
      const u = (state as { user?: Record<string, unknown> }).user;
      const memberId = clientId === s.awareness.clientID ? s.me.id : typeof u?.memberId === 'string' ? u.memberId : null;
      if (!memberId || byMember.has(memberId)) return;
      byMember.set(memberId, {
        clientId,
        memberId,
        name: clientId === s.awareness.clientID ? s.me.name : String(u?.name ?? '?'),
        organisation: clientId === s.awareness.clientID ? s.me.organisationName : typeof u?.organisation === 'string' ? u.organisation : null,
        organisationId: clientId === s.awareness.clientID ? s.me.organisationId : typeof u?.organisationId === 'string' ? u.organisationId : null,
        role: clientId === s.awareness.clientID ? s.me.role : String(u?.role ?? 'participant'),
      });
    });
    return [...byMember.values()].sort((a, b) => (a.memberId === s.me.id ? -1 : b.memberId === s.me.id ? 1 : a.name.localeCompare(b.name)));
  }

  private readonly emit = emitter<SkParticipantsEvents>(this);

  override render() {
    const s = this.session;
    if (!s) return nothing;
    return html`<ul aria-label=${msg(str`${this.people.length} on this board now`, { id: 'board_people_count' })}>
      ${this.people.map((p) => {
        const me = p.memberId === s.me.id;
        const role = roleName(p.role as Role);
        return html`<li>
          <span class="swatch" style="background:${s.colorOf(p.organisationId).strong}" aria-hidden="true"></span>
          <span class="who">${p.name}${me ? html` (${msg('you', { id: 'board_people_you' })})` : nothing}
            <span class="meta">${p.organisation ? `${p.organisation} · ${role}` : role}</span></span>
          ${me
            ? nothing
            : html`<button type="button" aria-pressed=${this.following === p.clientId ? 'true' : 'false'} aria-label=${msg(str`Follow ${p.name}`, { id: 'board_people_follow_label' })}
                @click=${() => this.emit('sk-follow', { clientId: this.following === p.clientId ? null : p.clientId })}>
                ${msg('Follow', { id: 'board_people_follow' })}</button>`}
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('sk-participants', SkParticipants);
