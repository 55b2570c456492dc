/**
 * `<sk-template-picker>`: an "Insert template" button opening a modal `<sl-dialog>` (focus is
 * trapped, Escape closes) with the board templates as an `<sl-menu>`: ↑/↓/Home/End move between
 * them, Enter or a click chooses; each says its one-line description (aria-describedby).
 * Choosing one closes the dialog, returns focus to the button and says in a polite live region
 * what was inserted. Renders nothing when `readOnly`.
 *
 * Properties: `readOnly`.
 * Events: `sk-insert-template` `{ templateId }` (the host inserts it, e.g. with
 * `insertTemplateAtCenter` from ./insert.ts). Slots: none. Parts: `button`, `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlButton from '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlMenuItem from '@shoelace-style/shoelace/dist/components/menu-item/menu-item.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { TEMPLATES, type TemplateId } from '../../../shared/board/templates.js';
import { appLocale } from '../../ui/i18n.js';
import { emitter } from '../../ui/events.js';
import { sharedStyles } from '../../ui/shared.styles.js';
import { dialogStyles } from '../../ui/sk-confirm-dialog.styles.js';
import { loadDialog, loadMenu } from '../../ui/lazy-shoelace.js';
import { pickerStyles } from './sk-template-picker.styles.js';
import { showDialog } from '../../ui/show-dialog.js';


export interface InsertTemplateDetail {
  templateId: TemplateId;
}
export interface SkTemplatePickerEvents {
  'sk-insert-template': InsertTemplateDetail;
}

export class SkTemplatePicker extends LitElement {
  static override styles = [sharedStyles, dialogStyles, pickerStyles];
  static override properties = {
    readOnly: { type: Boolean },
    announcement: { state: true },
  };
  declare readOnly: boolean;
  declare announcement: string;
  /** The template chosen while the dialog closes; announced once it has. */
  private chosen: TemplateId | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.readOnly = false;
    this.announcement = '';
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  private async open(): Promise<void> {
    this.announcement = '';
    this.chosen = null;
    await loadMenu().catch(() => {}); // without it the items still show, as plain text
    try {
      await loadDialog();
    } catch (err) {
      console.warn('The template picker could not be loaded:', err);
      return;
    }
    void showDialog(this.dialog);
  }

  /** Focus starts on the first template (Shoelace would focus the panel). */
  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<SlMenuItem>('sl-menu-item')?.focus();
  }

  private readonly emit = emitter<SkTemplatePickerEvents>(this);

  private onSelect(e: CustomEvent<{ item: SlMenuItem }>): void {
    const templateId = e.detail.item.value as TemplateId;
    this.chosen = templateId;
    this.emit('sk-insert-template', { templateId });
    void this.dialog?.hide();
  }

  /** Focus goes back as soon as closing starts, once Shoelace has released its focus trap. */
  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => {
      this.renderRoot.querySelector<SlButton>('sl-button[part~="button"]')?.focus();
      const t = TEMPLATES.find((x) => x.id === this.chosen);
      this.chosen = null;
      if (!t) return;
      const title = t.title[appLocale()];
      requestAnimationFrame(() => (this.announcement = msg(str`Template «${title}» inserted.`, { id: 'outline_tpl_inserted' })));
    });
  }

  override render() {
    if (this.readOnly) return nothing;
    const lang = appLocale();
    const heading = msg('Insert a template', { id: 'outline_tpl_heading' });
    return html`
      <sl-button part="button" aria-haspopup="dialog" @click=${this.open}>${msg('Insert template', { id: 'outline_tpl_open' })}</sl-button>
      <sl-dialog part="dialog" class="picker" label=${heading} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide}>
        <p id="tpl-intro" class="hint">${msg('Adds frames with guidance to the board, in your language. Undo removes all of it in one step.', { id: 'outline_tpl_intro' })}</p>
        <sl-menu aria-label=${heading} aria-describedby="tpl-intro" @sl-select=${this.onSelect}>
          ${TEMPLATES.map(
            (t) => html`<sl-menu-item value=${t.id} aria-describedby="tpl-${t.id}">
              <span class="title">${t.title[lang]}</span>
              <span class="description" id="tpl-${t.id}" aria-hidden="true">${t.description[lang]}</span>
            </sl-menu-item>`,
          )}
        </sl-menu>
        <sl-button slot="footer" @click=${() => this.dialog?.hide()}>${msg('Close', { id: 'outline_tpl_close' })}</sl-button>
      </sl-dialog>
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
