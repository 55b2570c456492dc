/**
 * `<sk-workshop-settings>`: a facilitator sets the workshop's default language and each
 * organisation's colour (the server refuses colours with too little contrast against white;
 * the field says so before sending).
 *
 * Context: the workshop (client/net/workshop-context.ts).
 * Events: `sk-workshop-changed` (detail: the updated WorkshopDto). Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { Language, WorkshopDto } from '../../shared/api.js';
import { contrastRatio, MIN_ORG_CONTRAST } from '../../shared/color.js';
import { api } from '../net/api.js';
import { submitOnEnter } from '../ui/forms.js';
import { LOCALE_NAMES, LOCALES } from '../ui/i18n.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { organisationColors } from '../ui/org-colors.js';
import './sk-org-numbers.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';

export interface SkWorkshopSettingsEvents {
  /** The server's workshop after a change. */
  'sk-workshop-changed': WorkshopDto;
}

export class SkWorkshopSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .row {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.6rem;
      }
      .row label {
        min-width: 10rem;
        font-weight: 600;
      }
      input[type='color'] {
        width: 3rem;
        height: 2.4rem;
        padding: 0.1rem;
      }
      .sample {
        font-weight: 700;
      }
      .error {
        color: #b91c1c;
        font-size: 0.9rem;
      }
    `,
  ];
  static override properties = { status: { state: true }, errors: { state: true } };
  declare status: string;
  declare errors: Record<string, string>;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.status = '';
    this.errors = {};
  }

  private readonly emit = emitter<SkWorkshopSettingsEvents>(this);

  private changed(w: WorkshopDto, status: string): void {
    this.status = status;
    this.emit('sk-workshop-changed', w);
  }

  private async setLanguage(e: Event): Promise<void> {
    const w = this.workshop;
    if (!w) return;
    try {
      this.changed(await api.updateWorkshop(w.id, { language: (e.target as HTMLSelectElement).value as Language }), msg('Default language saved.', { id: 'set_language_saved' }));
    } catch (err) {
      this.status = errorText(err);
    }
  }

  private async setColor(orgId: string, color: string | null): Promise<void> {
    const w = this.workshop;
    if (!w) return;
    if (color !== null && contrastRatio(color, '#ffffff') < MIN_ORG_CONTRAST) {
      this.errors = { ...this.errors, [orgId]: msg(str`Too light: text in this colour would be hard to read. Choose a darker one (contrast ${contrastRatio(color, '#ffffff').toFixed(1)}:1, needs 4.5:1).`, { id: 'set_color_too_light' }) };
      return;
    }
    this.errors = { ...this.errors, [orgId]: '' };
    try {
      this.changed(await api.setOrganisationColor(w.id, orgId, color), msg('Colour saved.', { id: 'set_color_saved' }));
    } catch (err) {
      this.errors = { ...this.errors, [orgId]: errorText(err) };
    }
  }

  private async addOrganisation(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const w = this.workshop;
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!w || !name) return;
    try {
      const updated = await api.addOrganisation(w.id, name);
      form.reset();
      this.errors = { ...this.errors, newOrg: '' };
      this.changed(updated, msg(str`${name} is added. Invite its representatives below.`, { id: 'set_add_org_done' }));
    } catch (err) {
      this.errors = { ...this.errors, newOrg: errorText(err) };
    }
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    const colors = organisationColors(w.organisations);
    return html`<section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">${msg('Workshop settings', { id: 'set_heading' })}</h2>
      <div class="row">
        <label for="lang">${msg('Default language', { id: 'set_language' })}</label>
        <select id="lang" @change=${this.setLanguage}>
          ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${w.language === l}>${LOCALE_NAMES[l]}</option>`)}
        </select>
      </div>
      <h3>${msg('Organisation colours', { id: 'set_colors' })}</h3>
      ${w.organisations.map((o) => {
        const c = colors.get(o.id)!;
        const err = this.errors[o.id];
        return html`<div class="row">
          <label for="c-${o.id}">${o.name}</label>
          <input id="c-${o.id}" type="color" .value=${c.strong} aria-describedby=${err ? `e-${o.id}` : nothing}
            @change=${(e: Event) => this.setColor(o.id, (e.target as HTMLInputElement).value)} />
          <span class="sample" style="color:${c.strong}">${o.name}</span>
          ${o.color ? html`<sl-button size="small" @click=${() => this.setColor(o.id, null)}>${msg(str`Automatic colour for ${o.name}`, { id: 'set_color_reset' })}</sl-button>` : nothing}
          ${err ? html`<span id="e-${o.id}" class="error" role="alert">${err}</span>` : nothing}
        </div>`;
      })}
      <sk-org-numbers></sk-org-numbers>
      <h3>${msg('Add an organisation', { id: 'set_add_org' })}</h3>
      <form class="row" @submit=${this.addOrganisation} @keydown=${submitOnEnter}>
        <label for="new-org">${msg('Name of the organisation', { id: 'set_add_org_name' })}</label>
        <input id="new-org" name="name" required maxlength="100" autocomplete="organization"
          aria-invalid=${this.errors.newOrg ? 'true' : 'false'} aria-describedby=${this.errors.newOrg ? 'e-new-org' : nothing} />
        <sl-button variant="primary" type="submit">${msg('Add', { id: 'set_add_org_submit' })}</sl-button>
        ${this.errors.newOrg ? html`<span id="e-new-org" class="error" role="alert">${this.errors.newOrg}</span>` : nothing}
      </form>
      <p role="status" class="hint">${this.status}</p>
    </section>`;
  }
}

customElements.define('sk-workshop-settings', SkWorkshopSettings);
