/**
 * `<sk-start-page>`: the workshops this browser belongs to (`<sk-my-workshops>`, when there are
 * any), and creating a workshop. Title, the organisations taking part (add/remove rows),
 * your name and, optionally, your own organisation; a creation code field appears only when the
 * server asks for one. On success the browser holds the facilitator's session cookie and the
 * page navigates to `/w/<id>`.
 *
 * Events: none (navigates through the router). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../net/api.js';
import './sk-import-form.js';
import './sk-my-workshops.js';
import './sk-sign-in-status.js';
import { buttonLabel } from '../ui/button-label.js';
import { submitOnEnter } from '../ui/forms.js';
import { navigate } from '../ui/navigation.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { namedOrgs, orgField, serverFieldErrors, toBody, validate, type CreateForm, type FieldErrors } from './create-form.js';
import { startStyles } from './sk-start-page.styles.js';

export class SkStartPage extends LitElement {
  static override styles = [sharedStyles, startStyles];
  static override properties = {
    form: { state: true },
    errors: { state: true },
    alert: { state: true },
    busy: { state: true },
  };
  declare form: CreateForm;
  declare errors: FieldErrors;
  declare alert: string;
  declare busy: boolean;
  private nextKey = 2;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.form = { title: '', orgs: [{ key: 1, name: '' }], displayName: '', ownOrg: '', createCode: '', askCode: false };
    this.errors = {};
    this.alert = '';
    this.busy = false;
  }

  private set(patch: Partial<CreateForm>): void {
    this.form = { ...this.form, ...patch };
  }

  /** Editing a field clears its error; the next submit checks again. */
  private edit(field: string, patch: Partial<CreateForm>): void {
    if (this.errors[field]) {
      const { [field]: _cleared, ...rest } = this.errors;
      this.errors = rest;
    }
    this.set(patch);
  }

  private setOrg(key: number, name: string): void {
    this.edit(orgField(key), { orgs: this.form.orgs.map((o) => (o.key === key ? { ...o, name } : o)) });
  }

  private async addOrg(): Promise<void> {
    const key = this.nextKey++;
    this.set({ orgs: [...this.form.orgs, { key, name: '' }] });
    await this.updateComplete;
    this.focusField(orgField(key));
  }

  private async removeOrg(key: number): Promise<void> {
    const at = this.form.orgs.findIndex((o) => o.key === key);
    const orgs = this.form.orgs.filter((o) => o.key !== key);
    this.edit(orgField(key), { orgs, ownOrg: this.form.ownOrg === String(key) ? '' : this.form.ownOrg });
    await this.updateComplete;
    const next = orgs[Math.min(at, orgs.length - 1)];
    if (next) this.focusField(orgField(next.key));
  }

  private focusField(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.alert = '';
    this.errors = validate(this.form);
    if (Object.keys(this.errors).length > 0) return this.focusFirstError();
    this.busy = true;
    try {
      const created = await api.createWorkshop(toBody(this.form));
      navigate(`/w/${encodeURIComponent(created.id)}`);
    } catch (err) {
      this.errors = serverFieldErrors(err, this.form);
      if (Object.keys(this.errors).length === 0) this.alert = errorText(err);
      if ((err as { code?: string }).code === 'create_code_required') this.set({ askCode: true });
      this.busy = false;
      await this.focusFirstError();
    }
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected override updated(): void {
    document.title = `${msg('Create a workshop', { id: 'start_heading' })} – Samskap`;
  }

  /** aria attributes and the error line for a field. */
  private err(id: string) {
    const text = this.errors[id];
    return { invalid: text ? 'true' : 'false', describedBy: text ? `${id}-error` : undefined, line: html`<p class="error" id="${id}-error">${text ?? ''}</p>` };
  }

  override render() {
    const f = this.form;
    const title = this.err('title');
    const name = this.err('displayName');
    const code = this.err('createCode');
    return html`
      <h1 tabindex="-1">${msg('Create a workshop', { id: 'start_heading' })}</h1>
      <p class="lead">${msg('Bring several organisations together to create a shared vision. You will lead the workshop as its facilitator and can invite the others afterwards.', { id: 'start_lead' })}</p>
      <sk-sign-in-status @sk-signed-out=${() => this.renderRoot.querySelector<HTMLElement & { fetch(): Promise<void> }>('sk-my-workshops')?.fetch()}></sk-sign-in-status>
      <sk-my-workshops></sk-my-workshops>
      <form class="card" novalidate @submit=${this.submit} @keydown=${submitOnEnter} aria-labelledby="form-heading">
        <h2 id="form-heading">${msg('About the workshop', { id: 'start_form_heading' })}</h2>
        <div class="field">
          <label for="title">${msg('Title of the workshop', { id: 'start_title_label' })}</label>
          <input id="title" name="title" required maxlength="200" autocomplete="off" .value=${live(f.title)} aria-invalid=${title.invalid} aria-describedby=${title.describedBy ?? nothing} @input=${(e: InputEvent) => this.edit('title', { title: (e.target as HTMLInputElement).value })} />
          ${title.line}
        </div>
        <fieldset>
          <legend>${msg('Organisations taking part', { id: 'start_orgs_legend' })}</legend>
          <p class="hint" id="orgs-hint">${msg('One line per organisation. You can invite people from each of them later.', { id: 'start_orgs_hint' })}</p>
          <ol class="orgs">
            ${f.orgs.map((o, i) => this.renderOrg(o.key, o.name, i + 1))}
          </ol>
          <sl-button @click=${this.addOrg}>${msg('Add organisation', { id: 'start_org_add' })}</sl-button>
        </fieldset>
        <div class="field">
          <label for="displayName">${msg('Your name', { id: 'field_your_name' })}</label>
          <input id="displayName" name="displayName" required maxlength="100" autocomplete="name" .value=${live(f.displayName)} aria-invalid=${name.invalid} aria-describedby=${name.describedBy ?? nothing} @input=${(e: InputEvent) => this.edit('displayName', { displayName: (e.target as HTMLInputElement).value })} />
          ${name.line}
        </div>
        <div class="field">
          <label for="ownOrg">${msg('Your organisation (optional)', { id: 'start_own_org_label' })}</label>
          <select id="ownOrg" @change=${(e: Event) => this.set({ ownOrg: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${f.ownOrg === ''}>${msg('None of them', { id: 'start_own_org_none' })}</option>
            ${namedOrgs(f).map((o) => html`<option value=${String(o.key)} ?selected=${f.ownOrg === String(o.key)}>${o.name.trim()}</option>`)}
          </select>
        </div>
        ${f.askCode
          ? html`<div class="field">
              <label for="createCode">${msg('Creation code', { id: 'start_code_label' })}</label>
              <input id="createCode" name="createCode" required maxlength="200" autocomplete="off" .value=${live(f.createCode)} aria-invalid=${code.invalid} aria-describedby=${code.describedBy ?? nothing} @input=${(e: InputEvent) => this.edit('createCode', { createCode: (e.target as HTMLInputElement).value })} />
              ${code.line}
            </div>`
          : nothing}
        <div class="alert" role="alert">${this.alert}</div>
        <div class="actions">
          <sl-button variant="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? msg('Creating…', { id: 'start_submit_busy' }) : msg('Create workshop', { id: 'start_submit' })}
          </sl-button>
        </div>
      </form>
      <sk-import-form></sk-import-form>
    `;
  }

  private renderOrg(key: number, name: string, n: number) {
    const id = orgField(key);
    const e = this.err(id);
    const remove = msg('Remove', { id: 'start_org_remove' });
    return html`<li class="org">
      <label class="visually-hidden" for=${id}>${msg(str`Organisation ${n}`, { id: 'start_org_label' })}</label>
      <span class="org-number" aria-hidden="true">${n}.</span>
      <input id=${id} maxlength="100" autocomplete="organization" .value=${live(name)} aria-invalid=${e.invalid} aria-describedby=${e.describedBy ?? 'orgs-hint'} @input=${(ev: InputEvent) => this.setOrg(key, (ev.target as HTMLInputElement).value)} />
      <sl-button class="remove" ?disabled=${this.form.orgs.length === 1} @click=${() => this.removeOrg(key)}>
        ${buttonLabel(remove, `${remove} ${msg(str`organisation ${n}`, { id: 'start_org_remove_which' })}`)}
      </sl-button>
      ${e.line}
    </li>`;
  }
}

customElements.define('sk-start-page', SkStartPage);
