/**
 * `<sk-invite-list>`: the invite links created in this session, each with a copy button and a
 * revoke button. Copying falls back to selecting the link when the clipboard is unavailable.
 *
 * Properties: `invites`, `organisations`.
 * Events: `sk-revoke-request` (detail `{ invite, opener }`: the user wants to revoke; the host
 * confirms), `sk-status` (detail: text for the host's live status region).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import type { InviteDto, OrganisationDto } from '../../shared/api.js';
import { buttonLabel } from '../app/button-label.js';
import { formatLocales } from '../app/i18n.js';
import { sharedStyles } from '../app/shared.styles.js';
import { roleName } from '../app/texts.js';
import { inviteListStyles } from './sk-invite-list.styles.js';

export interface InviteItem extends InviteDto {
  revoked: boolean;
}
export interface RevokeRequest {
  invite: InviteItem;
  opener: HTMLElement;
}

export class SkInviteList extends LitElement {
  static override styles = [sharedStyles, inviteListStyles];
  static override properties = {
    invites: { attribute: false },
    organisations: { attribute: false },
  };
  declare invites: InviteItem[];
  declare organisations: OrganisationDto[];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.invites = [];
    this.organisations = [];
  }

  /** Where focus goes when the control that had it disappears (e.g. after a revoke). */
  focusHeading(): void {
    this.renderRoot.querySelector('h3')?.focus();
  }

  private say(text: string): void {
    this.dispatchEvent(new CustomEvent<string>('sk-status', { detail: text, bubbles: true, composed: true }));
  }

  private async copy(invite: InviteItem): Promise<void> {
    this.say('');
    try {
      await navigator.clipboard.writeText(invite.link);
      this.say(msg('Link copied.', { id: 'inv_status_copied' }));
    } catch {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#link-${invite.id}`);
      input?.focus();
      input?.select();
      this.say(msg('Could not copy by itself. The link is selected: copy it with Ctrl+C (⌘+C on a Mac).', { id: 'inv_status_copy_failed' }));
    }
  }

  private requestRevoke(invite: InviteItem, e: Event): void {
    const detail: RevokeRequest = { invite, opener: e.currentTarget as HTMLElement };
    this.dispatchEvent(new CustomEvent<RevokeRequest>('sk-revoke-request', { detail, bubbles: true, composed: true }));
  }

  /** "Participant, Org 2": who the link is for. */
  private who(invite: InviteItem): string {
    const org = this.organisations.find((o) => o.id === invite.organisationId)?.name;
    return org ? `${roleName(invite.role)}, ${org}` : roleName(invite.role);
  }

  private limits(invite: InviteItem): string {
    const parts: string[] = [];
    if (invite.expiresAt) {
      const at = new Intl.DateTimeFormat(formatLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(invite.expiresAt));
      parts.push(msg(str`valid until ${at}`, { id: 'inv_valid_until' }));
    } else parts.push(msg('does not expire', { id: 'inv_no_expiry' }));
    parts.push(invite.maxUses !== null ? msg(str`at most ${invite.maxUses} uses`, { id: 'inv_max_uses' }) : msg('any number of uses', { id: 'inv_unlimited' }));
    return parts.join(' · ');
  }

  override render() {
    // The visible label starts each button's accessible name; the rest tells the rows apart.
    const copy = msg('Copy link', { id: 'inv_copy' });
    const revoke = msg('Revoke', { id: 'inv_revoke' });
    return html`
      <h3 tabindex="-1">${msg('Invite links made here', { id: 'inv_list_heading' })}</h3>
      <p class="hint">${msg('For safety the links are shown only now. Copy them before you leave this page.', { id: 'inv_list_hint' })}</p>
      <ul class="invites">
        ${this.invites.map((invite) => {
          const who = this.who(invite);
          return html`<li class=${invite.revoked ? 'revoked' : ''}>
            <p class="who"><strong>${who}</strong> <span class="limits">${this.limits(invite)}</span></p>
            ${invite.revoked
              ? html`<p class="revoked-note">${msg('Revoked: this link no longer works.', { id: 'inv_revoked_note' })}</p>`
              : html`<label class="visually-hidden" for=${`link-${invite.id}`}>${msg(str`Invite link for ${who}`, { id: 'inv_link_label' })}</label>
                  <div class="link-row">
                    <input id=${`link-${invite.id}`} readonly .value=${invite.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
                    <sl-button @click=${() => this.copy(invite)}>${buttonLabel(copy, `${copy}: ${who}`)}</sl-button>
                    <sl-button variant="danger" outline @click=${(e: Event) => this.requestRevoke(invite, e)}>${buttonLabel(revoke, `${revoke}: ${who}`)}</sl-button>
                  </div>`}
          </li>`;
        })}
      </ul>
    `;
  }
}

customElements.define('sk-invite-list', SkInviteList);
