/**
 * `<sk-shortcut-help>`: the in-app list of keyboard shortcuts (`?`), in a modal `<sl-dialog>`
 * (focus trapped, the heading names it, Escape closes, focus returns to the opener). Rows come
 * from the same action objects the keyboard handler uses, plus the keys that are not actions
 * (Tab, arrows, tools).
 *
 * The canvas's own keys must not fire while the help is open: keydown stops here, except Tab and
 * Escape, which Shoelace handles on the document (focus trap, close) and which are marked handled
 * (`preventDefault`) so the canvas leaves them alone.
 *
 * Below the list, the person's choice whether single-key shortcuts work anywhere on the board page
 * or only while the canvas has focus (WCAG 2.1.4), kept in this browser.
 *
 * Properties: `readOnly`. Methods: `show()`. Events: none. Parts: `dialog`.
 */
import '@shoelace-style/shoelace/dist/components/button/button.js';
import type SlDialog from '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { dialogStyles } from '../../ui/sk-confirm-dialog.styles.js';
import { loadDialog } from '../../ui/lazy-shoelace.js';
import { ACTIONS } from '../actions.js';
import { setSingleKeysEverywhere, singleKeysEverywhere } from './shortcut-pref.js';
import { TOOLS } from './tools.js';
import { showDialog } from '../../ui/show-dialog.js';

type Focusable = HTMLElement | SVGElement;

/** The focused element, looking into shadow roots. */
function deepActiveElement(): Focusable | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement || el instanceof SVGElement ? el : null;
}

export class SkShortcutHelp extends LitElement {
  static override styles = [
    dialogStyles,
    css`
      sl-dialog {
        --width: min(40rem, 92vw);
      }
      sl-dialog::part(panel) {
        max-height: 85vh;
      }
      /* The list scrolls, not the dialog's body: the list can take focus, so keys scroll it. */
      sl-dialog::part(body) {
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      sl-dialog::part(footer) {
        text-align: end;
      }
      .list {
        overflow-y: auto;
        min-height: 0;
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
      .pref {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        margin-top: 0.75rem;
      }
      .pref input {
        margin-top: 0.3rem;
        width: 1.1rem;
        height: 1.1rem;
      }
      .pref .hint {
        display: block;
        font-size: 0.85rem;
        color: var(--sk-muted, #4b5563);
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
    `,
  ];
  static override properties = { readOnly: { type: Boolean }, everywhere: { state: true } };
  declare readOnly: boolean;
  /** Single-key shortcuts work anywhere on the board page (the person's choice, shortcut-pref.ts). */
  declare everywhere: boolean;
  private opener: Focusable | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.readOnly = false;
    this.everywhere = singleKeysEverywhere();
  }

  private get dialog(): SlDialog | null {
    return this.renderRoot.querySelector('sl-dialog');
  }

  /** Opens the help; the element focused now gets focus back when it closes. */
  show(): void {
    if (this.dialog?.open) return;
    this.opener = deepActiveElement();
    this.everywhere = singleKeysEverywhere();
    void loadDialog().then(() => showDialog(this.dialog), (err: unknown) => console.warn('The shortcut help could not be loaded:', err));
  }

  /** Focus starts on the list, so the arrow keys scroll it (Shoelace would focus the panel). */
  private onInitialFocus(e: Event): void {
    if (e.target !== this.dialog) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.list')?.focus();
  }

  /** Focus goes back as soon as closing starts, once Shoelace has released its focus trap. */
  private onHide(e: Event): void {
    if (e.target !== this.dialog) return;
    queueMicrotask(() => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      void this.dialog?.hide();
    } else if (e.key === 'Tab') e.preventDefault(); // Shoelace's focus trap moves the focus
    else e.stopPropagation();
  }

  private onPref(e: Event): void {
    this.everywhere = (e.target as HTMLInputElement).checked;
    setSingleKeysEverywhere(this.everywhere);
  }

  private rows(): Array<[string, string]> {
    const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl';
    const keys = (s: string) => s.replace('Mod', mod);
    const rows: Array<[string, string]> = ACTIONS.filter((a) => a.shortcut && !(this.readOnly && a.writes)).map((a) => [[a.shortcut!, ...(a.alt ?? [])].map(keys).join(' / '), a.help?.() ?? a.label()]);
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
    const title = msg('Keyboard shortcuts', { id: 'canvas_help_title' });
    return html`<sl-dialog part="dialog" label=${title} @sl-initial-focus=${this.onInitialFocus} @sl-hide=${this.onHide} @keydown=${this.onKeyDown}>
      <div class="list" tabindex="0" role="region" aria-label=${title}>
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
      <label class="pref">
        <input type="checkbox" .checked=${this.everywhere} aria-describedby="pref-hint" @change=${this.onPref} />
        <span>
          ${msg('Single-key shortcuts work anywhere on the board page', { id: 'canvas_help_single_keys' })}
          <span class="hint" id="pref-hint">${msg('Off: letters such as N only act while the board itself has focus; shortcuts with Ctrl keep working.', { id: 'canvas_help_single_keys_hint' })}</span>
        </span>
      </label>
      <sl-button slot="footer" @click=${() => this.dialog?.hide()}>${msg('Close', { id: 'canvas_help_close' })}</sl-button>
    </sl-dialog>`;
  }
}

customElements.define('sk-shortcut-help', SkShortcutHelp);

declare global {
  interface HTMLElementTagNameMap {
    'sk-shortcut-help': SkShortcutHelp;
  }
}
