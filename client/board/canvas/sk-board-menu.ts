/**
 * `<sk-board-menu>`: the canvas's context menu (right-click, Shift+F10, ContextMenu key). A
 * role="menu" list of the same action objects as toolbar and keyboard; arrow keys, Home/End,
 * Enter/Space run, Escape or Tab close. Focus moves into the menu on open and back on close.
 *
 * Properties: `ctx` (ActionContext), `actions` (Action[]), `x`, `y` (px in the canvas).
 * Events: `sk-menu-close` (the menu is done; the host removes it and restores focus).
 * Parts: `menu`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { runAction, type Action, type ActionContext } from '../actions.js';

export class SkBoardMenu extends LitElement {
  static override styles = css`
    [role='menu'] {
      position: absolute;
      min-width: 13rem;
      margin: 0;
      padding: 4px;
      background: var(--sk-surface, #fff);
      border: 1px solid var(--sk-line, #d5dbe1);
      border-radius: 10px;
      box-shadow: 0 8px 24px rgb(23 33 43 / 18%);
      font-size: 0.9rem;
      max-height: calc(100% - 8px);
      overflow-y: auto;
      z-index: 10;
    }
    [role='menuitem'] {
      display: flex;
      justify-content: space-between;
      gap: 1.5rem;
      width: 100%;
      padding: 6px 10px;
      border: 0;
      border-radius: 6px;
      background: none;
      color: var(--sk-text, #17212b);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus {
      background: var(--sk-primary-soft, #e6f0f3);
      outline: none;
    }
    [role='menuitem']:focus-visible {
      outline: 2px solid var(--sk-focus, #1a5fb4);
    }
    kbd {
      font: inherit;
      color: var(--sk-muted, #4b5866);
    }
    [role='separator'] {
      height: 1px;
      margin: 4px 6px;
      background: var(--sk-line, #d5dbe1);
    }
  `;
  static override properties = { ctx: { attribute: false }, actions: { attribute: false }, x: { type: Number }, y: { type: Number } };
  declare ctx: ActionContext;
  declare actions: Action[];
  declare x: number;
  declare y: number;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actions = [];
    this.x = 0;
    this.y = 0;
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  protected override firstUpdated(): void {
    // Keep the menu inside the canvas: open upwards / leftwards when there is no room.
    const menu = this.renderRoot.querySelector<HTMLElement>('[role="menu"]');
    const bounds = ((this.getRootNode() as ShadowRoot).host ?? this).getBoundingClientRect();
    if (menu) {
      const r = menu.getBoundingClientRect();
      if (r.bottom > bounds.bottom - 4) menu.style.top = `${Math.max(4, this.y - (r.bottom - bounds.bottom) - 8)}px`;
      if (r.right > bounds.right - 4) menu.style.left = `${Math.max(4, this.x - (r.right - bounds.right) - 8)}px`;
    }
    this.items()[0]?.focus();
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('sk-menu-close', { bubbles: true, composed: true }));
  }

  private run(a: Action): void {
    this.close();
    runAction(a, this.ctx);
  }

  private onKey(e: KeyboardEvent): void {
    const items = this.items();
    const i = items.indexOf(this.renderRoot.querySelector(':focus') as HTMLElement);
    const go = (n: number) => items[(n + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(i + 1),
      ArrowUp: () => go(i - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      Escape: () => this.close(),
      Tab: () => this.close(),
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    e.stopPropagation();
    fn();
  }

  override render() {
    const shown = this.actions.filter((a) => a.enabled(this.ctx));
    return html`<div part="menu" role="menu" aria-label=${msg('Actions', { id: 'canvas_menu' })} style="left:${this.x}px;top:${this.y}px" @keydown=${this.onKey}>
      ${shown.map(
        (a, i) => html`${i > 0 && shown[i - 1]!.group !== a.group ? html`<div role="separator"></div>` : ''}
          <button type="button" role="menuitem" tabindex="-1" @click=${() => this.run(a)}>
            <span>${a.label()}</span>${a.shortcut ? html`<kbd>${a.shortcut.replace('Mod', 'Ctrl')}</kbd>` : ''}
          </button>`,
      )}
    </div>`;
  }
}

customElements.define('sk-board-menu', SkBoardMenu);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-menu': SkBoardMenu;
  }
}
