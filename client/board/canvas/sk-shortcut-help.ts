/**
 * `<sk-shortcut-help>`: the in-app list of keyboard shortcuts (`?`), in a native modal
 * `<dialog>` (focus trapped, Escape closes). Rows come from the same action objects the keyboard
 * handler uses, plus the keys that are not actions (Tab, arrows, tools).
 *
 * Properties: `readOnly`. Methods: `show()`. Events: none. Parts: `dialog`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { ACTIONS } from '../actions.js';
import { TOOLS } from './tools.js';

export class SkShortcutHelp extends LitElement {
  static override styles = css`
    dialog[open] {
      display: flex;
      flex-direction: column;
    }
    dialog {
      max-width: min(40rem, 92vw);
      max-height: 85vh;
      overflow: hidden;
      padding: 1.25rem 1.5rem;
      border: 1px solid var(--sk-line, #d5dbe1);
      border-radius: 12px;
      color: var(--sk-text, #17212b);
      box-shadow: 0 16px 40px rgb(23 33 43 / 25%);
    }
    dialog::backdrop {
      background: rgb(23 33 43 / 35%);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 0.75rem;
    }
    h2 {
      margin: 0;
      font-size: 1.2rem;
    }
    .list {
      overflow-y: auto;
      min-height: 0;
    }
    .list:focus-visible {
      outline: 3px solid var(--sk-focus, #1a5fb4);
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
    kbd {
      font: inherit;
      font-size: 0.85rem;
      padding: 1px 6px;
      border: 1px solid #9aa5b1;
      border-radius: 4px;
      background: #f6f8fa;
      white-space: nowrap;
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 0.45rem 1rem;
      border-radius: 6px;
      border: 1px solid var(--sk-primary, #1d5c73);
      background: var(--sk-primary, #1d5c73);
      color: #fff;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--sk-focus, #1a5fb4);
      outline-offset: 2px;
    }
  `;
  static override properties = { readOnly: { type: Boolean } };
  declare readOnly: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.readOnly = false;
  }

  show(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private rows(): Array<[string, string]> {
    const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl';
    const keys = (s: string) => s.replace('Mod', mod);
    const rows: Array<[string, string]> = ACTIONS.filter((a) => a.shortcut && !(this.readOnly && a.writes)).map((a) => [[a.shortcut!, ...(a.alt ?? [])].map(keys).join(' / '), a.label()]);
    rows.push(
      ['Tab / Shift+Tab', msg('Next / previous element, in reading order', { id: 'canvas_help_tab' })],
      ['Esc', msg('End editing, or clear the selection', { id: 'canvas_help_escape' })],
      ['Shift+F10', msg('Open the menu for the selection', { id: 'canvas_help_menu' })],
      ['Space + drag', msg('Pan the board (also: middle button, or the wheel)', { id: 'canvas_help_pan' })],
      ['Ctrl + wheel', msg('Zoom around the pointer (also: pinch)', { id: 'canvas_help_pinch' })],
    );
    if (!this.readOnly) {
      rows.push(['← ↑ → ↓', msg('Move the selection 10 px (with Shift: 1 px)', { id: 'canvas_help_arrows' })]);
      for (const t of TOOLS) rows.push([t.key, `${msg('Tool', { id: 'canvas_help_tool' })}: ${t.label()}`]);
    } else rows.push(['← ↑ → ↓', msg('Pan the board', { id: 'canvas_help_arrows_pan' })]);
    return rows;
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="help-title">
      <div class="head">
        <h2 id="help-title">${msg('Keyboard shortcuts', { id: 'canvas_help_title' })}</h2>
        <form method="dialog"><button>${msg('Close', { id: 'canvas_help_close' })}</button></form>
      </div>
      <div class="list" tabindex="0" role="region" aria-labelledby="help-title">
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Keys', { id: 'canvas_help_keys' })}</th>
            <th scope="col">${msg('What it does', { id: 'canvas_help_does' })}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows().map(([k, what]) => html`<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`)}
        </tbody>
      </table>
      </div>
    </dialog>`;
  }
}

customElements.define('sk-shortcut-help', SkShortcutHelp);

declare global {
  interface HTMLElementTagNameMap {
    'sk-shortcut-help': SkShortcutHelp;
  }
}
