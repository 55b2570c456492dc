/**
 * `<sk-anchor-dialog>`: a representative records that their organisation's line or leadership
 * has confirmed its stance on a principle (forankring, issue #14): who confirmed it, their role,
 * the date (today or earlier) and, optionally, a reference to the decision document. Each field
 * is labelled; a missing or wrong one says why in its help text and in an alert, and takes focus.
 * Enter submits; Escape cancels; closing returns focus to the opener.
 *
 * Properties: `heading`, `busy`, `error` (the server's answer). Methods: `show(opener)`, `close()`.
 * Events: `sk-save` (detail: AnchorForm); the host sends it, then calls `close()` or sets `error`.
 * Slots: default (what is anchored). Parts: none.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
import { css, html } from 'lit';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { RealtimeLimits } from '../../../shared/limits.js';
import type { CommandPayload } from '../../../shared/realtime/index.js';
import { charterDialogStyles } from '../charter-dialog.styles.js';
import { FormDialog } from '../form-dialog.js';

/** What `principle.anchor` takes besides the principle (a type only: the schemas stay on the server). */
export type AnchorForm = Omit<CommandPayload<'principle.anchor'>, 'principleId'>;
export interface SkAnchorDialogEvents {
  'sk-save': AnchorForm;
}

type Field = 'confirmedBy' | 'role' | 'date' | 'reference';
const LIMITS: Record<Field, number> = { confirmedBy: RealtimeLimits.anchorNameMax, role: RealtimeLimits.anchorRoleMax, date: 10, reference: RealtimeLimits.anchorReferenceMax };

/** Today in the browser's own calendar, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What is wrong with the form, field by field (empty when nothing is). */
export function anchorProblems(f: Record<Field, string>, today: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (!f.confirmedBy) out.confirmedBy = msg('Write who confirmed it.', { id: 'charter_anchor_who_missing' });
  if (!f.role) out.role = msg('Write their role.', { id: 'charter_anchor_role_missing' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || Number.isNaN(Date.parse(`${f.date}T00:00:00Z`))) out.date = msg('Give the date of the confirmation.', { id: 'charter_anchor_date_missing' });
  else if (f.date > today) out.date = msg('The date cannot be in the future.', { id: 'charter_anchor_date_future' });
  for (const k of Object.keys(LIMITS) as Field[]) if (!out[k] && f[k].length > LIMITS[k]) out[k] = msg('This is too long.', { id: 'charter_anchor_too_long' });
  return out;
}

export class SkAnchorDialog extends FormDialog {
  static override styles = [
    sharedStyles,
    charterDialogStyles,
    css`
      sl-input[data-invalid='true']::part(form-control-help-text) {
        color: var(--sk-danger);
        font-weight: 600;
      }
    `,
  ];
  static override properties = { heading: { type: String }, busy: { type: Boolean }, error: { type: String }, problems: { state: true } };
  declare heading: string;
  declare busy: boolean;
  declare error: string;
  declare problems: Partial<Record<Field, string>>;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.heading = this.error = '';
    this.busy = false;
    this.problems = {};
  }

  async show(opener: HTMLElement | null): Promise<void> {
    this.error = '';
    this.busy = false;
    this.problems = {};
    await this.updateComplete;
    for (const el of this.renderRoot.querySelectorAll<SlInput>('sl-input')) el.value = '';
    await this.open(opener);
  }

  private readonly emit = emitter<SkAnchorDialogEvents>(this);

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = { confirmedBy: this.value('anchor-by').trim(), role: this.value('anchor-role').trim(), date: this.value('anchor-date').trim(), reference: this.value('anchor-ref').trim() };
    this.problems = anchorProblems(form, localToday());
    const first = (['confirmedBy', 'role', 'date', 'reference'] as const).find((k) => this.problems[k]);
    this.error = first ? this.problems[first]! : '';
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<SlInput>(`#anchor-${{ confirmedBy: 'by', role: 'role', date: 'date', reference: 'ref' }[first]}`)?.focus();
      return;
    }
    this.busy = true;
    const { reference, ...rest } = form;
    this.emit('sk-save', reference ? { ...rest, reference } : rest);
  }

  override render() {
    const p = this.problems;
    const help = (k: Field, fallback = '') => p[k] ?? fallback;
    return html`<sl-dialog label=${this.heading} @sl-initial-focus=${this.onInitialFocus} @sl-request-close=${this.onRequestClose} @sl-hide=${this.onHide}>
      <slot></slot>
      <form novalidate @submit=${this.submit}>
        <sl-input id="anchor-by" name="confirmedBy" autocomplete="off" required maxlength=${LIMITS.confirmedBy} label=${msg('Confirmed by (name)', { id: 'charter_anchor_who' })} help-text=${help('confirmedBy')} data-invalid=${p.confirmedBy ? 'true' : 'false'}></sl-input>
        <sl-input id="anchor-role" name="role" autocomplete="off" required maxlength=${LIMITS.role} label=${msg('Their role', { id: 'charter_anchor_role' })} help-text=${help('role', msg('For example: director general, municipal director', { id: 'charter_anchor_role_hint' }))} data-invalid=${p.role ? 'true' : 'false'}></sl-input>
        <sl-input id="anchor-date" name="date" type="date" required max=${localToday()} label=${msg('Date of the confirmation', { id: 'charter_anchor_date' })} help-text=${help('date')} data-invalid=${p.date ? 'true' : 'false'}></sl-input>
        <sl-input id="anchor-ref" name="reference" autocomplete="off" maxlength=${LIMITS.reference} label=${msg('Reference to the decision (optional)', { id: 'charter_anchor_reference' })} help-text=${help('reference', msg('A case number or a link to the decision document', { id: 'charter_anchor_reference_hint' }))} data-invalid=${p.reference ? 'true' : 'false'}></sl-input>
        <p class="error" role="alert">${this.error}</p>
      </form>
      <div class="actions" slot="footer">
        <sl-button variant="primary" ?loading=${this.busy} @click=${() => this.renderRoot.querySelector('form')?.requestSubmit()}>${msg('Record the anchoring', { id: 'charter_anchor_save' })}</sl-button>
        <sl-button ?disabled=${this.busy} @click=${() => this.close()}>${msg('Cancel', { id: 'dialog_cancel' })}</sl-button>
      </div>
    </sl-dialog>`;
  }
}

customElements.define('sk-anchor-dialog', SkAnchorDialog);
