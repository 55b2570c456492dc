/**
 * `<sk-invite-list>`: every invite link of the workshop as the server keeps it (`GET …/invites`):
 * who it is for (role, organisation), its status (active, expired, revoked, used up), how often it
 * was used, until when it is valid and who made it; never the link itself (only its hash is
 * stored). Active links can be revoked (the host confirms first).
 *
 * Properties: `invites` (InviteSummaryDto[] | null while loading), `error` (the list could not be
 * fetched), `organisations`. Context: the workshop (client/net/workshop-context.ts): the members, to name who made each link.
 * Events: `sk-revoke-request` (detail `{ invite, opener }`), `sk-invites-reload` ("Try again").
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { InviteSummaryDto, MemberDto, OrganisationDto } from '../../shared/api.js';
import { buttonLabel } from '../ui/button-label.js';
import { formatLocales } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { roleName } from '../ui/texts.js';
import { inviteStatus, sortInvites, type InviteStatus } from './invite-status.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';

export interface RevokeRequest {
  invite: InviteSummaryDto;
  /** "Participant, Nav": who the link is for. */
  who: string;
  opener: HTMLElement;
}

const date = (iso: string) => new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export interface SkInviteListEvents {
  'sk-revoke-request': RevokeRequest;
  /** Fetch the invites again (after a failure). */
  'sk-invites-reload': null;
}

export class SkInviteList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem 1rem;
        padding: 0.6rem 0;
        border-top: 1px solid var(--sk-line);
      }
      li:first-child {
        border-top: 0;
      }
      .about {
        flex: 1 1 18rem;
        min-width: 0;
      }
      .facts {
        display: block;
        color: var(--sk-muted);
        font-size: 0.925rem;
      }
      .status {
        display: inline-block;
        margin-left: 0.5rem;
        padding: 0 0.45rem;
        border-radius: 999px;
        font-size: 0.85rem;
        font-weight: 600;
        border: 1px solid currentColor;
      }
      .status.active {
        color: var(--sk-success);
      }
      .status.ended {
        color: var(--sk-muted);
      }
      .ended strong {
        color: var(--sk-muted);
      }
    `,
  ];
  static override properties = {
    invites: { attribute: false },
    error: { type: String },
    organisations: { attribute: false },
  };
  declare invites: InviteSummaryDto[] | null;
  declare error: string;
  declare organisations: OrganisationDto[];
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get members(): MemberDto[] {
    return this.ws.members;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.invites = null;
    this.error = '';
    this.organisations = [];
  }

  /** Where focus goes when the control that had it disappears (e.g. after a revoke). */
  focusHeading(): void {
    this.renderRoot.querySelector('h3')?.focus();
  }

  who(invite: Pick<InviteSummaryDto, 'role' | 'organisationId'>): string {
    const org = this.organisations.find((o) => o.id === invite.organisationId)?.name;
    return org ? `${roleName(invite.role)}, ${org}` : roleName(invite.role);
  }

  private statusName(status: InviteStatus): string {
    switch (status) {
      case 'active':
        return msg('active', { id: 'inv_status_active' });
      case 'expired':
        return msg('expired', { id: 'inv_status_expired' });
      case 'revoked':
        return msg('revoked', { id: 'inv_status_revoked_short' });
      case 'used_up':
        return msg('used up', { id: 'inv_status_used_up' });
    }
  }

  private facts(invite: InviteSummaryDto): string {
    const uses =
      invite.maxUses !== null
        ? msg(str`used ${invite.uses} of ${invite.maxUses} times`, { id: 'inv_uses_of' })
        : invite.uses === 0
          ? msg('not used yet', { id: 'inv_uses_none' })
          : invite.uses === 1
            ? msg('used once', { id: 'inv_uses_once' })
            : msg(str`used ${invite.uses} times`, { id: 'inv_uses' });
    const expiry = invite.expiresAt ? msg(str`valid until ${date(invite.expiresAt)}`, { id: 'inv_valid_until' }) : msg('does not expire', { id: 'inv_no_expiry' });
    const by = this.members.find((m) => m.id === invite.createdBy)?.displayName ?? '?';
    return [uses, expiry, msg(str`made by ${by}, ${date(invite.createdAt)}`, { id: 'inv_made_by' })].join(' · ');
  }

  private readonly emit = emitter<SkInviteListEvents>(this);

  private requestRevoke(invite: InviteSummaryDto, e: Event): void {
    const detail: RevokeRequest = { invite, who: this.who(invite), opener: e.currentTarget as HTMLElement };
    this.emit('sk-revoke-request', detail);
  }

  override render() {
    const revoke = msg('Revoke', { id: 'inv_revoke' });
    const heading = html`<h3 tabindex="-1">${msg('All invite links', { id: 'inv_list_heading' })}</h3>`;
    if (this.error) {
      return html`${heading}
        <div class="alert" role="alert">${this.error}</div>
        <sl-button size="small" @click=${() => this.emit('sk-invites-reload')}>${msg('Try again', { id: 'ws_retry' })}</sl-button>`;
    }
    if (this.invites === null) return html`${heading}<p role="status" class="hint">${msg('Loading the invite links…', { id: 'inv_loading' })}</p>`;
    if (this.invites.length === 0) return html`${heading}<p class="hint">${msg('No invite links yet.', { id: 'inv_empty' })}</p>`;
    return html`${heading}
      <ul>
        ${sortInvites(this.invites).map((invite) => {
          const who = this.who(invite);
          const status = inviteStatus(invite);
          return html`<li class=${status === 'active' ? '' : 'ended'}>
            <span class="about"
              ><strong>${who}</strong><span class="status ${status === 'active' ? 'active' : 'ended'}">${this.statusName(status)}</span>
              <span class="facts">${this.facts(invite)}</span></span
            >
            ${status === 'active'
              ? html`<sl-button size="small" variant="danger" outline @click=${(e: Event) => this.requestRevoke(invite, e)}>${buttonLabel(revoke, `${revoke}: ${who}, ${date(invite.createdAt)}`)}</sl-button>`
              : nothing}
          </li>`;
        })}
      </ul>`;
  }
}

customElements.define('sk-invite-list', SkInviteList);
