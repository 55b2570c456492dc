/**
 * `<sk-services-view>`: the service overlap inventory: each service with its target group, theme
 * and organisation (one of the workshop's, or none: someone not at the table). Services of
 * different organisations for the same target group and theme overlap: their rows are tinted,
 * edged and marked with the overlap's number (never colour alone), and a list under the table
 * names each overlap, so a screen reader hears the same. A service naming an organisation is
 * changed only by its members and the facilitators (the server enforces it); others see it as
 * text. Cells are edited in place; a new service is added with the form below; deleting asks first.
 * Suggestions for target group and theme come from what is written already, so the same group
 * is spelled the same way.
 *
 * Properties: `session` (CharterSession). Events: none. Slots: none. Parts: none.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { OrganisationDto } from '../../../shared/api.js';
import { MF, serviceOverlaps, type ServiceEntry } from '../../../shared/charter/charter-methods.js';
import { CharterLimits } from '../../../shared/charter/schema.js';
import { LastEditsWatcher } from '../../net/last-edits.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { term } from '../../ui/vocabulary.js';
import { CharterController } from '../charter-controller.js';
import type { CharterSession } from '../charter-session.js';
import { lastChangeLine } from '../charter-texts.js';
import { charterStyles } from '../charter.styles.js';
import { ConfirmDelete } from '../confirm-delete.js';
import { mayChangeService } from './method-edits.js';
import { methodsStyles } from './methods.styles.js';

type Field = typeof MF.name | typeof MF.targetGroup | typeof MF.theme;

export class SkServicesView extends LitElement {
  static override styles = [sharedStyles, charterStyles, methodsStyles];
  static override properties = { session: { attribute: false }, announcement: { state: true } };
  declare session: CharterSession | null;
  declare announcement: string;
  private readonly doc = new CharterController(this, () => this.session);
  private readonly lastEdits = new LastEditsWatcher(this, () => this.session?.edits);
  private readonly confirm = new ConfirmDelete(this, () => this.renderRoot.querySelector<HTMLElement>('#service-name'));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.announcement = '';
  }

  private patch(x: ServiceEntry, field: Field | typeof MF.organisationId, value: string): void {
    const s = this.session;
    if (!s || !mayChangeService(s, x)) return;
    const v = value.trim();
    if (field === MF.name && !v) return;
    s.charter.updateItem('services', x.id, { [field]: v }, s.origin);
  }

  private askDelete(e: Event, s: CharterSession, x: ServiceEntry): void {
    void this.confirm.ask(e.currentTarget as HTMLElement, msg(str`Delete the service ${x.name}?`, { id: 'charter_service_delete_title' }), '', () => void s.remove('services', x.id));
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.session;
    const form = e.currentTarget as HTMLFormElement;
    const val = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
    const name = val('name');
    if (!s || s.readOnly || !name) return;
    s.charter.addService({ name, targetGroup: val('targetGroup'), theme: val('theme'), organisationId: val('organisationId') }, s.origin);
    form.reset();
    this.announcement = msg(str`Service added: ${name}.`, { id: 'charter_service_added' });
    this.renderRoot.querySelector<HTMLElement>('#service-name')?.focus();
  }

  /** The organisations I may name on a service: all for a facilitator, else my own (and the one it names now). */
  private nameable(s: CharterSession, current: string): OrganisationDto[] {
    return s.organisations.filter((o) => s.mayAssess(o.id) || o.id === current);
  }

  private orgSelect(s: CharterSession, x: ServiceEntry | null, id: string, label: string | null) {
    const current = x?.organisationId ?? (s.me.role === 'facilitator' ? '' : (s.me.organisationId ?? ''));
    const options = html`<option value="" ?selected=${current === ''}>${msg('None of us', { id: 'charter_service_no_org' })}</option>
      ${this.nameable(s, current).map((o) => html`<option value=${o.id} ?selected=${o.id === current}>${o.name}</option>`)}`;
    // The new service's select is reset with its form. A row's: the attribute selects at first
    // render, the property (once the options exist) follows later changes by others.
    if (!x) return html`<select id=${id} name="organisationId" class="cell">${options}</select>`;
    return html`<select id=${id} class="cell" aria-label=${label ?? nothing} .value=${live(current)} @change=${(e: Event) => this.patch(x, MF.organisationId, (e.target as HTMLSelectElement).value)}>
      ${options}
    </select>`;
  }

  private cell(x: ServiceEntry, field: Field, label: string) {
    return html`<input
      class="cell"
      aria-label=${label}
      list=${field === MF.name ? nothing : `${field}-list`}
      maxlength=${CharterLimits.nameMax}
      .value=${live(x[field])}
      @change=${(e: Event) => this.patch(x, field, (e.target as HTMLInputElement).value)}
    />`;
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const services = s.charter.services();
    const groups = serviceOverlaps(services);
    const groupOf = new Map(groups.flatMap((g, i) => g.map((x) => [x.id, i + 1] as const)));
    const editable = services.some((x) => mayChangeService(s, x));
    const ro = s.readOnly;
    const orgName = (id: string) => s.orgName(id) || '—';
    const suggestions = (field: Field) => [...new Set(services.map((x) => x[field].trim()).filter(Boolean))].sort();
    return html`
      <h2 id="services-heading">${term('serviceOverlap')}</h2>
      <p class="lead">
        ${msg('Which services each organisation offers, to whom and on what theme. Services of different organisations for the same target group and theme overlap.', {
          id: 'charter_services_lead',
        })}
      </p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="services-heading">
        <table class="services" aria-labelledby="services-heading">
          <thead>
            <tr>
              <th scope="col">${term('service')}</th>
              <th scope="col">${term('targetGroup')}</th>
              <th scope="col">${term('theme')}</th>
              <th scope="col">${term('organisation')}</th>
              ${editable ? html`<th scope="col">${msg('Actions', { id: 'charter_actions' })}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${services.length === 0 ? html`<tr><td colspan=${editable ? 5 : 4} class="empty">${msg('No services yet.', { id: 'charter_services_empty' })}</td></tr>` : nothing}
            ${repeat(
              services,
              (x) => x.id,
              (x) => {
                const n = groupOf.get(x.id);
                const mark = n ? html`<span class="overlap-mark">${msg(str`Overlap ${n}`, { id: 'charter_service_overlap_mark' })}</span>` : nothing;
                const changed = lastChangeLine(s.edits.last(`services/${x.id}`));
                if (!mayChangeService(s, x)) {
                  return html`<tr data-service=${x.id} class=${n ? 'overlap' : ''}>
                    <th scope="row">${x.name} ${mark}${changed}</th>
                    <td>${x.targetGroup}</td>
                    <td>${x.theme}</td>
                    <td>${orgName(x.organisationId)}</td>
                    ${editable ? html`<td></td>` : nothing}
                  </tr>`;
                }
                return html`<tr data-service=${x.id} class=${n ? 'overlap' : ''}>
                  <th scope="row">${this.cell(x, MF.name, msg(str`Service: ${x.name}`, { id: 'charter_service_name_of' }))} ${mark}${changed}</th>
                  <td>${this.cell(x, MF.targetGroup, msg(str`Target group of ${x.name}`, { id: 'charter_service_group_of' }))}</td>
                  <td>${this.cell(x, MF.theme, msg(str`Theme of ${x.name}`, { id: 'charter_service_theme_of' }))}</td>
                  <td>${this.orgSelect(s, x, `org-${x.id}`, msg(str`Organisation of ${x.name}`, { id: 'charter_service_org_of' }))}</td>
                  <td class="actions">
                    <button
                      type="button"
                      class="small danger"
                      aria-label=${msg(str`Delete ${x.name}`, { id: 'charter_delete_named' })}
                      @click=${(e: Event) => this.askDelete(e, s, x)}
                    >
                      ${msg('Delete', { id: 'charter_delete' })}
                    </button>
                  </td>
                </tr>`;
              },
            )}
          </tbody>
        </table>
      </div>
      <section class="overlaps" aria-labelledby="overlaps-heading">
        <h3 id="overlaps-heading">${term('overlaps')}</h3>
        ${groups.length === 0
          ? html`<p>${msg('No two organisations offer a service to the same target group on the same theme.', { id: 'charter_services_no_overlap' })}</p>`
          : html`<ol>
              ${groups.map(
                (g) => html`<li>
                  <strong>${g[0]!.targetGroup}, ${g[0]!.theme}</strong>:
                  ${g.map((x) => (x.organisationId ? `${x.name} (${orgName(x.organisationId)})` : x.name)).join('; ')}
                </li>`,
              )}
            </ol>`}
      </section>
      ${ro
        ? nothing
        : html`<form class="inline-form method-form" @submit=${this.add}>
            <div class="field"><label for="service-name">${term('service')}</label><input id="service-name" name="name" class="cell" maxlength=${CharterLimits.nameMax} required /></div>
            <div class="field">
              <label for="service-group">${term('targetGroup')}</label><input id="service-group" name="targetGroup" class="cell" list="targetGroup-list" maxlength=${CharterLimits.nameMax} />
            </div>
            <div class="field"><label for="service-theme">${term('theme')}</label><input id="service-theme" name="theme" class="cell" list="theme-list" maxlength=${CharterLimits.nameMax} /></div>
            <div class="field"><label for="service-org">${term('organisation')}</label>${this.orgSelect(s, null, 'service-org', null)}</div>
            <button type="submit" class="primary">${msg('Add service', { id: 'charter_service_add' })}</button>
          </form>`}
      <datalist id="targetGroup-list">${suggestions(MF.targetGroup).map((v) => html`<option value=${v}></option>`)}</datalist>
      <datalist id="theme-list">${suggestions(MF.theme).map((v) => html`<option value=${v}></option>`)}</datalist>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.confirm.render()}
    `;
  }
}

customElements.define('sk-services-view', SkServicesView);
