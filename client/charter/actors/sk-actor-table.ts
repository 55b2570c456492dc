/**
 * `<sk-actor-table>`: the actor map as two tables, equivalent to the diagram: actors (name,
 * kind, role, needs, requirements, gains) and relations (from, relation, to, note), each row with
 * edit and delete buttons (none for observers). Under an actor's name: the participating
 * organisation it is, or (for a facilitator) an "Invite" button when it is not yet at the table.
 *
 * Properties: `actors`, `relations`, `readOnly`, `organisations`, `canInvite`.
 * Events: `sk-actor-edit`, `sk-actor-delete`, `sk-actor-invite`, `sk-relation-edit`, `sk-relation-delete`
 * (detail: { id, opener }). Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import type { OrganisationDto } from '../../../shared/api.js';
import type { Actor, Relation } from '../../../shared/charter/schema.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { charterStyles } from '../charter.styles.js';
import { actorKindName, lastChangeLine, relationKindName } from '../charter-texts.js';
import type { LastEdits } from '../../net/last-edits.js';
import type { ActorRefDetail } from './sk-actor-map.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { term } from '../../ui/vocabulary.js';

export interface SkActorTableEvents {
  'sk-actor-edit': ActorRefDetail;
  'sk-actor-delete': ActorRefDetail;
  'sk-actor-invite': ActorRefDetail;
  'sk-relation-edit': ActorRefDetail;
  'sk-relation-delete': ActorRefDetail;
}

export class SkActorTable extends LitElement {
  static override styles = [sharedStyles, charterStyles];
  static override properties = {
    actors: { attribute: false },
    relations: { attribute: false },
    readOnly: { type: Boolean },
    edits: { attribute: false },
    organisations: { attribute: false },
    canInvite: { type: Boolean },
  };
  declare organisations: OrganisationDto[];
  declare canInvite: boolean;
  declare actors: Actor[];
  declare relations: Relation[];
  declare readOnly: boolean;
  /** Who last changed each entry (the server's records); null shows none. */
  declare edits: LastEdits | null;

  private readonly lastEdits = new LastEditsWatcher(this, () => this.edits);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actors = [];
    this.edits = null;
    this.relations = [];
    this.readOnly = false;
    this.organisations = [];
    this.canInvite = false;
  }

  /** Who the actor is at the table, or the way to invite it there. */
  private table(a: Actor) {
    const org = a.organisationId ? this.organisations.find((o) => o.id === a.organisationId) : undefined;
    if (org) return html`<span class="at-table">${msg(str`At the table as ${org.name}`, { id: 'charter_actor_at_table' })}</span>`;
    if (!this.canInvite) return nothing;
    return html`<button type="button" class="invite" @click=${(e: Event) => this.emit('sk-actor-invite', { id: a.id, opener: e.currentTarget as HTMLElement })}>
      ${msg(str`Invite ${a.name}`, { id: 'charter_actor_invite' })}
    </button>`;
  }

  private readonly emit = emitter<SkActorTableEvents>(this);

  private ask(name: `sk-${'actor' | 'relation'}-${'edit' | 'delete'}`, id: string, e: Event): void {
    this.emit(name, { id, opener: e.currentTarget as HTMLElement });
  }

  private buttons(kind: 'actor' | 'relation', id: string, name: string) {
    if (this.readOnly) return nothing;
    return html`<td class="actions"><div class="row-actions">
      <button type="button" aria-label=${msg(str`Edit ${name}`, { id: 'charter_edit_named' })} @click=${(e: Event) => this.ask(`sk-${kind}-edit`, id, e)}>${msg('Edit', { id: 'charter_edit' })}</button>
      <button type="button" class="danger" aria-label=${msg(str`Delete ${name}`, { id: 'charter_delete_named' })} @click=${(e: Event) => this.ask(`sk-${kind}-delete`, id, e)}>${msg('Delete', { id: 'charter_delete' })}</button>
    </div></td>`;
  }

  override render() {
    const names = new Map(this.actors.map((a) => [a.id, a.name]));
    const actions = this.readOnly ? nothing : html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>`;
    return html`
      <div class="table-wrap">
        <table>
          <caption>${msg('Actors', { id: 'charter_nav_actors' })}</caption>
          <thead>
            <tr>
              <th scope="col">${term('actorName')}</th>
              <th scope="col">${term('kind')}</th>
              <th scope="col">${term('role')}</th>
              <th scope="col">${term('needs')}</th>
              <th scope="col">${term('requirements')}</th>
              <th scope="col">${term('gains')}</th>
              ${actions}
            </tr>
          </thead>
          <tbody>
            ${this.actors.length === 0
              ? html`<tr><td colspan=${this.readOnly ? 6 : 7} class="empty">${msg('No actors yet.', { id: 'charter_actors_empty' })}</td></tr>`
              : this.actors.map(
                  (a) => html`<tr data-actor=${a.id}>
                    <th scope="row">${a.name}${lastChangeLine(this.edits?.last(`actors/${a.id}`) ?? null)} ${this.table(a)}</th>
                    <td>${actorKindName(a.kind)}</td>
                    <td class="text">${a.role}</td>
                    <td class="text">${a.needs}</td>
                    <td class="text">${a.requirements}</td>
                    <td class="text">${a.gains}</td>
                    ${this.buttons('actor', a.id, a.name)}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table>
          <caption>${term('relations')}</caption>
          <thead>
            <tr>
              <th scope="col">${term('fromActor')}</th>
              <th scope="col">${term('relation')}</th>
              <th scope="col">${term('toActor')}</th>
              <th scope="col">${term('note')}</th>
              ${actions}
            </tr>
          </thead>
          <tbody>
            ${this.relations.length === 0
              ? html`<tr><td colspan=${this.readOnly ? 4 : 5} class="empty">${msg('No relations yet.', { id: 'charter_relations_empty' })}</td></tr>`
              : this.relations.map((r) => {
                  const label = `${names.get(r.from) ?? ''} ${relationKindName(r.kind)} ${names.get(r.to) ?? ''}`;
                  return html`<tr data-relation=${r.id}>
                    <td>${names.get(r.from)}${lastChangeLine(this.edits?.last(`relations/${r.id}`) ?? null)}</td>
                    <td>${relationKindName(r.kind)}</td>
                    <td>${names.get(r.to)}</td>
                    <td class="text">${r.note}</td>
                    ${this.buttons('relation', r.id, label)}
                  </tr>`;
                })}
          </tbody>
        </table>
      </div>
    `;
  }
}

customElements.define('sk-actor-table', SkActorTable);
