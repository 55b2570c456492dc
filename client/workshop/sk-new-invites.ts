/**
 * `<sk-new-invites>`: the invite links created on this page, each with a copy button. The server
 * keeps only a hash of each token, so a link can be shown only now; every invite (with its uses
 * and status, and revoking) is in `<sk-invite-list>`. Copying falls back to selecting the link
 * when the clipboard is unavailable.
 *
 * Properties: `invites` (InviteDto[], newest first), `organisations`.
 * Events: `sk-status` (detail: text for the host's live status region).
 * Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import type { InviteDto, OrganisationDto } from '../../shared/api.js';
import { buttonLabel } from '../ui/button-label.js';
import { formatLocales } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { roleName } from '../ui/texts.js';
import { newInvitesStyles } from './sk-new-invites.styles.js';
import { emitter } from '../ui/events.js';

export interface SkNewInvitesEvents {
  /** A line for the panel's status region (a link was copied). */
  'sk-status': string;
}

export class SkNewInvites extends LitElement {
  static override styles = [sharedStyles, newInvitesStyles];
  static override properties = {
    invites: { attribute: false },
    organisations: { attribute: false },
  };
  declare invites: InviteDto[];
  declare organisations: OrganisationDto[];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.invites = [];
    this.organisations = [];
  }

  private readonly emit = emitter<SkNewInvitesEvents>(this);

  private say(text: string): void {
    this.emit('sk-status', text);
  }

  private async copy(invite: InviteDto): Promise<void> {
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

  /** "Participant, Org 2": who the link is for. */
  private who(invite: InviteDto): string {
    const org = this.organisations.find((o) => o.id === invite.organisationId)?.name;
    return org ? `${roleName(invite.role)}, ${org}` : roleName(invite.role);
  }

  private limits(invite: InviteDto): string {
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
    return html`
      <h3>${msg('New invite links', { id: 'inv_new_heading' })}</h3>
      <p class="hint">${msg('For safety a link is shown only now, once. Copy it before you leave this page; later you can only revoke it and make a new one.', { id: 'inv_list_hint' })}</p>
      <ul class="invites">
        ${this.invites.map((invite) => {
          const who = this.who(invite);
          return html`<li>
            <p class="who"><strong>${who}</strong> <span class="limits">${this.limits(invite)}</span></p>
            <label class="visually-hidden" for=${`link-${invite.id}`}>${msg(str`Invite link for ${who}`, { id: 'inv_link_label' })}</label>
            <div class="link-row">
              <input id=${`link-${invite.id}`} readonly .value=${invite.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <sl-button @click=${() => this.copy(invite)}>${buttonLabel(copy, `${copy}: ${who}`)}</sl-button>
            </div>
          </li>`;
        })}
      </ul>
    `;
  }
}

customElements.define('sk-new-invites', SkNewInvites);
