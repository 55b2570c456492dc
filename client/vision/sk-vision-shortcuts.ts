/**
 * `<sk-vision-shortcuts>`: the editor's keyboard shortcuts (Ctrl+/ or the toolbar's last button)
 * in a modal `<sl-dialog>`, from the same action list the keymap uses, plus what you can type at
 * the start of a line. Focus starts on the list (so arrow keys scroll it) and returns to the
 * opener.
 *
 * Properties: `readOnly`. Methods: `show()`. Events: `sk-close`. Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { emitter } from '../ui/events.js';
import { dialogStyles } from '../ui/sk-confirm-dialog.styles.js';
import { EDITOR_ACTIONS, keyLabel } from './editor-actions.js';
import { showDialog } from '../ui/show-dialog.js';

export interface SkVisionShortcutsEvents {
  'sk-close': null;
}

export class SkVisionShortcuts extends LitElement {
  static override styles = [
    dialogStyles,
    css`
      sl-dialog {
        --width: min(40rem, 92vw);
      }
      sl-dialog::part(body) {
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      .list {
        overflow-y: auto;
        min-height: 0;
        max-height: 60vh;
      }
      .list:focus-visible {
        outline: 3px solid var(--sk-focus, #1a5fb4);
        outline-offset: 2px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: start;
        padding: 5px 8px;
        border-bottom: 1px solid var(--sk-line, #d5dbe1);
      }
      kbd,
      code {
        font: inherit;
        font-size: 0.85rem;
        padding: 1px 6px;
        border: 1px solid #9aa5b1;
        border-radius: 4px;
        background: #f6f8fa;
        white-space: nowrap;
      }
    `,
  ];
  static override properties = { readOnly: { type: Boolean } };
  declare readOnly: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.readOnly = false;
  }

  private readonly emit = emitter<SkVisionShortcutsEvents>(this);

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  show(): void {
    void showDialog(this.dialog);
  }

  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.list')?.focus();
  }

  private rows(): Array<[string, string]> {
    const rows: Array<[string, string]> = EDITOR_ACTIONS.filter((a) => !(this.readOnly && a.writes)).map((a) => [a.keys.map(keyLabel).join(' / '), a.label()]);
    if (!this.readOnly) rows.push([keyLabel('Shift-Enter'), msg('Line break within a paragraph', { id: 'vision_help_break' })]);
    rows.push(['Tab / Shift+Tab', msg('Leave the text: next or previous control', { id: 'vision_help_tab' })]);
    return rows;
  }

  override render() {
    const title = msg('Keyboard shortcuts', { id: 'vision_act_help' });
    const typed: Array<[string, string]> = [
      ['# ', msg('Title', { id: 'vision_act_h1' })],
      ['## ', msg('Heading', { id: 'vision_act_h2' })],
      ['### ', msg('Subheading', { id: 'vision_act_h3' })],
      ['- ', msg('Bulleted list', { id: 'vision_act_bullets' })],
      ['1. ', msg('Numbered list', { id: 'vision_act_numbers' })],
      ['> ', msg('Quote', { id: 'vision_act_quote' })],
    ];
    return html`<sl-dialog part="dialog" label=${title} @sl-initial-focus=${this.onInitialFocus}
      @sl-hide=${(e: Event) => e.target === this.dialog && this.emit('sk-close')}>
      <div class="list" tabindex="0" role="region" aria-label=${title}>
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Keys', { id: 'vision_help_keys' })}</th>
              <th scope="col">${msg('What it does', { id: 'vision_help_does' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows().map(([k, what]) => html`<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`)}
          </tbody>
        </table>
        ${this.readOnly
          ? ''
          : html`<table>
              <caption class="hint">${msg('Typed at the start of a line', { id: 'vision_help_typed' })}</caption>
              <tbody>
                ${typed.map(([k, what]) => html`<tr><td><code>${k.replace(' ', '␣')}</code></td><td>${what}</td></tr>`)}
              </tbody>
            </table>`}
      </div>
      <sl-button slot="footer" @click=${() => this.dialog?.hide()}>${msg('Close', { id: 'vision_help_close' })}</sl-button>
    </sl-dialog>`;
  }
}

customElements.define('sk-vision-shortcuts', SkVisionShortcuts);
