/**
 * `<sk-org-numbers>`: a facilitator gives each organisation its organisation number (9 digits,
 * checked here as on the server). A signed-in person whose provider states another number for
 * the organisation they act for cannot join through that organisation's invite (docs/sign-in.md).
 *
 * Context: the workshop (client/net/workshop-context.ts).
 * Events: `sk-workshop-changed` (detail: the updated WorkshopDto). Slots: none. Parts: none.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import type { OrganisationDto, WorkshopDto } from '../../shared/api.js';
import { isOrgNumber } from '../../shared/org-number.js';
import { api } from '../net/api.js';
import { buttonLabel } from '../ui/button-label.js';
import { sharedStyles } from '../ui/shared.styles.js';
import { errorText } from '../ui/texts.js';
import { WorkshopConsumer } from '../net/workshop-context.js';
import { emitter } from '../ui/events.js';

export interface SkOrgNumbersEvents {
  /** The server's workshop after a change. */
  'sk-workshop-changed': WorkshopDto;
}

export class SkOrgNumbers extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 0.6rem;
      }
      label {
        min-width: 10rem;
        font-weight: 600;
      }
      input {
        width: 10ch;
        font: inherit;
        padding: 0.35rem 0.5rem;
      }
      .error {
        color: #b91c1c;
      }
    `,
  ];
  static override properties = { errors: { state: true }, status: { state: true } };
  declare errors: Record<string, string>;
  declare status: string;
  /** First: what follows reads the workshop context when the element connects. */
  private readonly ws = new WorkshopConsumer(this);
  private get workshop(): WorkshopDto | null {
    return this.ws.workshop;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.errors = {};
    this.status = '';
  }

  private readonly emit = emitter<SkOrgNumbersEvents>(this);

  private async save(e: SubmitEvent, org: OrganisationDto): Promise<void> {
    e.preventDefault();
    const w = this.workshop;
    if (!w) return;
    const value = String(new FormData(e.target as HTMLFormElement).get('orgNumber') ?? '').replace(/\s+/g, '');
    if (value !== '' && !isOrgNumber(value)) {
      this.errors = { ...this.errors, [org.id]: msg('Write the 9 digits of a Norwegian organisation number (the last digit is a check digit).', { id: 'orgno_invalid' }) };
      return;
    }
    this.errors = { ...this.errors, [org.id]: '' };
    try {
      const updated = await api.setOrganisationNumber(w.id, org.id, value === '' ? null : value);
      this.status = msg(str`Organisation number of ${org.name} saved.`, { id: 'orgno_saved' });
      this.emit('sk-workshop-changed', updated);
    } catch (err) {
      this.errors = { ...this.errors, [org.id]: errorText(err) };
    }
  }

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    return html`
      <h3>${msg('Organisation numbers', { id: 'orgno_heading' })}</h3>
      <p class="hint" id="orgno-hint">${msg('Optional. When people sign in, their organisation is checked against this number. Leave empty to remove it.', { id: 'orgno_hint' })}</p>
      ${w.organisations.map((o) => {
        const err = this.errors[o.id];
        return html`<form @submit=${(e: SubmitEvent) => this.save(e, o)}>
          <label for="n-${o.id}">${msg(str`Organisation number of ${o.name}`, { id: 'orgno_label' })}</label>
          <input id="n-${o.id}" name="orgNumber" inputmode="numeric" autocomplete="off" maxlength="11" .value=${o.orgNumber ?? ''}
            aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `ne-${o.id} orgno-hint` : 'orgno-hint'} />
          <sl-button size="small" type="submit">${buttonLabel(msg('Save', { id: 'orgno_save_short' }), msg(str`Save organisation number of ${o.name}`, { id: 'orgno_save' }))}</sl-button>
          ${err ? html`<span id="ne-${o.id}" class="error" role="alert">${err}</span>` : nothing}
        </form>`;
      })}
      <p role="status" class="hint">${this.status}</p>
    `;
  }
}

customElements.define('sk-org-numbers', SkOrgNumbers);
