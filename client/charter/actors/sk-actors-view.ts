/**
 * `<sk-actors-view>`: the actor map section: the diagram and the equivalent tables, with
 * dialogs to add and edit actors and relations and a confirmation before deleting. Edits in
 * either view are written to the charter document and show in both.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { applyText } from '../../ui/text-binding.js';
import type { ActorTextField } from '../../../shared/charter/charter-doc.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import type { SkEvent } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { ActorInvites } from './actor-invites.js';
import './sk-actor-dialog.js';
import type { SkActorDialog, SkActorDialogEvents } from './sk-actor-dialog.js';
import './sk-actor-map.js';
import type { SkActorMapEvents } from './sk-actor-map.js';
import './sk-actor-table.js';
import type { SkActorTableEvents } from './sk-actor-table.js';
import './sk-relation-dialog.js';
import type { SkRelationDialog, SkRelationDialogEvents } from './sk-relation-dialog.js';
import { term } from '../../ui/vocabulary.js';

const TEXT_FIELDS: ActorTextField[] = ['role', 'needs', 'requirements', 'gains'];

/** Editing or deleting an actor: asked from the map or from the table. */
type ActorAsk = SkEvent<SkActorMapEvents, 'sk-actor-edit' | 'sk-actor-delete'> | SkEvent<SkActorTableEvents, 'sk-actor-edit' | 'sk-actor-delete'>;
type RelationAsk = SkEvent<SkActorTableEvents, 'sk-relation-edit' | 'sk-relation-delete'>;

export class SkActorsView extends LitElement {
  static override styles = [sharedStyles, charterStyles];
  static override properties = { session: { attribute: false } };
  declare session: CharterSession | null;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#add-actor'));
  /** "Invite" for an actor not yet at the table (facilitators). */
  private readonly invites = new ActorInvites(this, () => this.session);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
  }

  private get actorDialog(): SkActorDialog | null {
    return this.renderRoot.querySelector('sk-actor-dialog');
  }
  private get relationDialog(): SkRelationDialog | null {
    return this.renderRoot.querySelector('sk-relation-dialog');
  }

  private readonly onSaveActor = (e: SkEvent<SkActorDialogEvents, 'sk-save'>) => {
    const s = this.session;
    if (!s || s.readOnly) return;
    const f = e.detail;
    if (f.id === null) {
      s.charter.addActor({ name: f.name, kind: f.kind, role: f.role, needs: f.needs, requirements: f.requirements, gains: f.gains, organisationId: f.organisationId }, s.origin);
    } else {
      s.charter.updateActor(f.id, { name: f.name, kind: f.kind, organisationId: f.organisationId }, s.origin);
      for (const field of TEXT_FIELDS) {
        const t = s.charter.textOf('actors', f.id, field);
        // The smallest edit, so that what someone else typed meanwhile elsewhere survives.
        if (t) applyText(t, f[field], s.origin, CharterLimits.textMax);
        else s.charter.setActorText(f.id, field, f[field], s.origin);
      }
    }
    this.actorDialog?.close();
  };

  private readonly onSaveRelation = (e: SkEvent<SkRelationDialogEvents, 'sk-save'>) => {
    const s = this.session;
    if (!s || s.readOnly) return;
    const f = e.detail;
    const old = f.id ? s.charter.relations().find((r) => r.id === f.id) : undefined;
    const note = old ? s.charter.textOf('relations', old.id, 'note') : null;
    if (old) {
      if (old.from !== f.from || old.to !== f.to || old.kind !== f.kind) s.charter.updateRelation(old.id, { from: f.from, to: f.to, kind: f.kind }, s.origin);
      if (note) applyText(note, f.note, s.origin, CharterLimits.textMax);
    } else {
      s.charter.addRelation(f.from, f.to, f.kind, s.origin, f.note);
    }
    this.relationDialog?.close();
  };

  private readonly onMove = (e: SkEvent<SkActorMapEvents, 'sk-actor-move'>) => {
    const s = this.session;
    if (!s || s.readOnly) return;
    s.charter.updateActor(e.detail.id, { x: e.detail.x, y: e.detail.y }, s.origin);
  };

  private readonly onEditActor = (e: ActorAsk) => {
    const a = this.session?.charter.actors().find((x) => x.id === e.detail.id);
    if (a && !this.session?.readOnly) void this.actorDialog?.show(a, e.detail.opener);
  };

  private readonly onDeleteActor = (e: ActorAsk) => {
    const s = this.session;
    const a = s?.charter.actors().find((x) => x.id === e.detail.id);
    if (!s || !a || s.readOnly) return;
    void this.confirm.ask(
      e.detail.opener,
      msg(str`Delete the actor ${a.name}?`, { id: 'charter_actor_delete_title' }),
      msg('Its relations are deleted with it.', { id: 'charter_actor_delete_text' }),
      () => void s.remove('actors', a.id),
    );
  };

  private readonly onEditRelation = (e: RelationAsk) => {
    const r = this.session?.charter.relations().find((x) => x.id === e.detail.id);
    if (r && !this.session?.readOnly) void this.relationDialog?.show(r, e.detail.opener);
  };

  private readonly onDeleteRelation = (e: RelationAsk) => {
    const s = this.session;
    if (!s || s.readOnly) return;
    void this.confirm.ask(e.detail.opener, msg('Delete this relation?', { id: 'charter_rel_delete_title' }), msg('The actors stay.', { id: 'charter_rel_delete_text' }), () =>
      void s.remove('relations', e.detail.id),
    );
  };

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const actors = s.charter.actors();
    const relations = s.charter.relations();
    return html`
      <section aria-labelledby="actors-heading">
        <div class="head">
          <h2 id="actors-heading">${term('actorMap')}</h2>
          ${s.readOnly
            ? nothing
            : html`<div class="actions">
                <sl-button id="add-actor" variant="primary" @click=${(e: Event) => this.actorDialog?.show(null, e.currentTarget as HTMLElement)}>${msg('Add actor', { id: 'charter_actor_add' })}</sl-button>
                <sl-button ?disabled=${actors.length < 2} @click=${(e: Event) => this.relationDialog?.show(null, e.currentTarget as HTMLElement)}>${msg('Add relation', { id: 'charter_rel_add' })}</sl-button>
              </div>`}
        </div>
        <p class="lead">${msg('Who takes part in the ecosystem, what they need and gain, and how they relate.', { id: 'charter_actors_lead' })}</p>
        ${actors.length === 0
          ? html`<p class="empty">${s.readOnly ? msg('No actors yet.', { id: 'charter_actors_empty' }) : msg('No actors yet. Add the first one: an agency, a municipality, a user group…', { id: 'charter_actors_empty_edit' })}</p>`
          : html`<sk-actor-map .actors=${actors} .relations=${relations} ?readOnly=${s.readOnly} @sk-actor-move=${this.onMove} @sk-actor-edit=${this.onEditActor} @sk-actor-delete=${this.onDeleteActor}></sk-actor-map>`}
      </section>
      <section aria-label=${msg('Actor map as tables', { id: 'charter_actors_tables' })}>
        <sk-actor-table
          .actors=${actors}
          .relations=${relations}
          .edits=${s.edits}
          ?readOnly=${s.readOnly}
          .organisations=${s.organisations}
          ?canInvite=${!s.readOnly && s.me.role === 'facilitator'}
          @sk-actor-edit=${this.onEditActor}
          @sk-actor-delete=${this.onDeleteActor}
          @sk-actor-invite=${this.invites.invite}
          @sk-relation-edit=${this.onEditRelation}
          @sk-relation-delete=${this.onDeleteRelation}
        ></sk-actor-table>
      </section>
      <sk-actor-dialog .organisations=${s.organisations} @sk-save=${this.onSaveActor}></sk-actor-dialog>
      <sk-relation-dialog .actors=${actors} @sk-save=${this.onSaveRelation}></sk-relation-dialog>
      ${this.invites.render()} ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-actors-view', SkActorsView);
