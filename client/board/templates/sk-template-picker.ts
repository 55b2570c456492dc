/**
 * `<sk-template-picker>`: an "Insert template" button opening a modal dialog (native `<dialog>`,
 * so focus is trapped and Escape closes) that lists the board templates, each with a one-line
 * description. Choosing one closes the dialog, returns focus to the button and says in a polite
 * live region what was inserted. Renders nothing when `readOnly`.
 *
 * Properties: `readOnly`.
 * Events: `sk-insert-template` `{ templateId }` (the host inserts it, e.g. with
 * `insertTemplateAtCenter` from ./insert.ts). Slots: none. Parts: `button`, `dialog`.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { TEMPLATES, type TemplateId, type TemplateMeta } from '../../../shared/board/templates.js';
import { appLocale } from '../../app/i18n.js';
import { sharedStyles } from '../../app/shared.styles.js';
import { dialogStyles } from '../../app/sk-confirm-dialog.styles.js';
import { pickerStyles } from './sk-template-picker.styles.js';

export interface InsertTemplateDetail {
  templateId: TemplateId;
}

export class SkTemplatePicker extends LitElement {
  static override styles = [sharedStyles, dialogStyles, pickerStyles];
  static override properties = {
    readOnly: { type: Boolean },
    announcement: { state: true },
  };
  declare readOnly: boolean;
  declare announcement: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.readOnly = false;
    this.announcement = '';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private open(): void {
    this.announcement = '';
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('.choice')?.focus();
  }

  private choose(t: TemplateMeta): void {
    this.dialog?.close();
    const detail: InsertTemplateDetail = { templateId: t.id };
    this.dispatchEvent(new CustomEvent('sk-insert-template', { detail, bubbles: true, composed: true }));
    const title = t.title[appLocale()];
    requestAnimationFrame(() => (this.announcement = msg(str`Template «${title}» inserted.`, { id: 'outline_tpl_inserted' })));
  }

  /** ↑/↓ move between the templates (Tab works too). */
  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const choices = [...this.renderRoot.querySelectorAll<HTMLElement>('.choice')];
    const at = choices.indexOf(e.composedPath()[0] as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    choices[(at + (e.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length]?.focus();
  }

  override render() {
    if (this.readOnly) return nothing;
    const lang = appLocale();
    return html`
      <button type="button" part="button" aria-haspopup="dialog" @click=${this.open}>${msg('Insert template', { id: 'outline_tpl_open' })}</button>
      <dialog part="dialog" aria-labelledby="tpl-heading" aria-describedby="tpl-intro" @keydown=${this.onKeydown}>
        <h2 id="tpl-heading">${msg('Insert a template', { id: 'outline_tpl_heading' })}</h2>
        <p id="tpl-intro" class="hint">${msg('Adds frames with guidance to the board, in your language. Undo removes all of it in one step.', { id: 'outline_tpl_intro' })}</p>
        <ul class="templates">
          ${TEMPLATES.map(
            (t) => html`<li>
              <button type="button" class="choice" aria-describedby="tpl-${t.id}" @click=${() => this.choose(t)}>${t.title[lang]}</button>
              <p id="tpl-${t.id}">${t.description[lang]}</p>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${msg('Close', { id: 'outline_tpl_close' })}</button>
        </div>
      </dialog>
      <span class="visually-hidden" role="status">${this.announcement}</span>
    `;
  }
}

customElements.define('sk-template-picker', SkTemplatePicker);

declare global {
  interface HTMLElementTagNameMap {
    'sk-template-picker': SkTemplatePicker;
  }
}
