/**
 * An actor not yet at the table becomes an invite (issue #17): for a facilitator, "Invite" on an
 * actor adds a participating organisation of that name (or takes the one already there), creates
 * a participant invite for it, links the actor to it, and shows the invitation link to pass on,
 * with a copy button. The workshop page takes the changed workshop (`sk-workshop-changed`).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { InviteDto, WorkshopDto } from '../../../shared/api.js';
import { api } from '../../net/api.js';
import { errorText } from '../../ui/texts.js';
import type { SkEvent } from '../../ui/events.js';
import type { CharterSession } from '../charter-session.js';
import type { SkActorTableEvents } from './sk-actor-table.js';

type Host = ReactiveControllerHost & HTMLElement;

export class ActorInvites implements ReactiveController {
  private made: { name: string; invite: InviteDto } | null = null;
  private error: string | null = null;
  private busy = false;

  constructor(
    private readonly host: Host,
    private readonly session: () => CharterSession | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  readonly invite = async (e: SkEvent<SkActorTableEvents, 'sk-actor-invite'>): Promise<void> => {
    const s = this.session();
    const actor = s?.charter.actors().find((a) => a.id === e.detail.id);
    if (!s || !actor || s.readOnly || this.busy) return;
    const workshopId = s.workshopId;
    this.busy = true;
    this.error = null;
    try {
      const same = (o: { name: string }) => o.name.trim().toLocaleLowerCase('nb') === actor.name.trim().toLocaleLowerCase('nb');
      let org = s.organisations.find(same);
      let workshop: WorkshopDto | null = null;
      if (!org) {
        workshop = await api.addOrganisation(workshopId, actor.name.trim());
        org = workshop.organisations.find(same);
      }
      if (!org) throw new Error(msg('The organisation could not be added.', { id: 'charter_invite_no_org' }));
      const invite = await api.createInvite(workshopId, { role: 'participant', organisationId: org.id });
      s.charter.updateActor(actor.id, { organisationId: org.id }, s.origin);
      this.made = { name: actor.name, invite };
      if (workshop) this.host.dispatchEvent(new CustomEvent('sk-workshop-changed', { detail: workshop, bubbles: true, composed: true }));
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };

  render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.made) return nothing;
    const { name, invite } = this.made;
    return html`<div class="invited" role="status">
      <p>${msg(str`${name} is now a participating organisation. Send this invitation link to them:`, { id: 'charter_actor_invited' })}</p>
      <p><code>${invite.link}</code></p>
      <button type="button" @click=${() => void navigator.clipboard?.writeText(invite.link)}>${msg('Copy the link', { id: 'charter_invite_copy' })}</button>
      <button type="button" @click=${() => ((this.made = null), this.host.requestUpdate())}>${msg('Done', { id: 'charter_done' })}</button>
    </div>`;
  }
}
