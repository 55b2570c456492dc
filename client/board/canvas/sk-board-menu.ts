/**
 * `<sk-board-menu>`: the canvas's context menu (right-click, Shift+F10, ContextMenu key), a
 * Shoelace `<sl-menu>` of the same action objects as toolbar and keyboard (the ones that apply
 * now). ↑/↓/Home/End move, Enter/Space or a click run, Escape or Tab close. It opens at (x, y),
 * upwards / leftwards when there is no room; focus moves to its first item on open, and the host
 * puts it back on close.
 *
 * Properties: `ctx` (ActionContext), `actions` (Action[]), `x`, `y` (px in the canvas).
 * Events: `sk-menu-close` (the menu is done; the host removes it and restores focus).
 * Parts: `menu`.
 */
import type SlMenu from '@shoelace-style/shoelace/dist/components/menu/menu.js';
import type SlMenuItem from '@shoelace-style/shoelace/dist/components/menu-item/menu-item.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { loadMenu } from '../../ui/lazy-shoelace.js';
import { runAction, type Action, type ActionContext } from '../actions.js';


export class SkBoardMenu extends LitElement {
  static override styles = css`
    sl-menu {
      position: absolute;
      min-width: 13rem;
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
    /* Hidden until its items have loaded and it has found its place. */
    sl-menu.placing {
      visibility: hidden;
    }
    sl-menu-item::part(base) {
      gap: 1.5rem;
      padding: 6px 10px;
      border-radius: 6px;
      font-size: inherit;
      line-height: 1.4;
    }
    sl-menu-item::part(checked-icon),
    sl-menu-item::part(submenu-icon) {
      display: none;
    }
    sl-menu-item:hover::part(base) {
      background: var(--sk-primary-soft, #e6f0f3);
      color: var(--sk-text, #17212b);
    }
    /* The focused item turns teal with white text (Shoelace); the shortcut follows. */
    sl-menu-item:focus-visible {
      outline: none;
    }
    sl-menu-item:focus-visible::part(base) {
      outline: 2px solid var(--sk-focus, #1a5fb4);
      outline-offset: 1px;
    }
    kbd {
      font: inherit;
      color: var(--sk-muted, #4b5866);
    }
    sl-menu-item:focus-visible kbd {
      color: inherit;
    }
    sl-divider {
      --spacing: 4px;
      margin-inline: 6px;
    }
  `;
  static override properties = { ctx: { attribute: false }, actions: { attribute: false }, x: { type: Number }, y: { type: Number }, placing: { state: true } };
  declare ctx: ActionContext;
  declare actions: Action[];
  declare x: number;
  declare y: number;
  declare placing: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actions = [];
    this.x = 0;
    this.y = 0;
    this.placing = true;
  }

  private get menu(): SlMenu | null {
    return this.renderRoot.querySelector('sl-menu');
  }

  protected override async firstUpdated(): Promise<void> {
    await loadMenu().catch(() => {}); // without it the items still show, as plain text
    const menu = this.menu;
    if (!menu) return;
    const items = [...menu.querySelectorAll<SlMenuItem>('sl-menu-item')];
    await Promise.all([menu, ...items].map((el) => (el as Partial<LitElement>).updateComplete));
    // Keep the menu inside the canvas: open upwards / leftwards when there is no room.
    const bounds = ((this.getRootNode() as ShadowRoot).host ?? this).getBoundingClientRect();
    const r = menu.getBoundingClientRect();
    if (r.bottom > bounds.bottom - 4) menu.style.top = `${Math.max(4, this.y - (r.bottom - bounds.bottom) - 8)}px`;
    if (r.right > bounds.right - 4) menu.style.left = `${Math.max(4, this.x - (r.right - bounds.right) - 8)}px`;
    this.placing = false;
    await this.updateComplete;
    const first = items[0];
    if (!first) return;
    menu.setCurrentItem?.(first);
    first.focus();
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('sk-menu-close', { bubbles: true, composed: true }));
  }

  private run(a: Action): void {
    this.close();
    runAction(a, this.ctx);
  }

  /** `<sl-menu>` moves between and runs the items; closing is ours. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' && e.key !== 'Tab') return;
    e.preventDefault();
    e.stopPropagation();
    this.close();
  }

  override render() {
    const shown = this.actions.filter((a) => a.enabled(this.ctx));
    return html`<sl-menu part="menu" class=${this.placing ? 'placing' : ''} aria-label=${msg('Actions', { id: 'canvas_menu' })} style="left:${this.x}px;top:${this.y}px" @keydown=${this.onKey}>
      ${shown.map(
        (a, i) => html`${i > 0 && shown[i - 1]!.group !== a.group ? html`<sl-divider></sl-divider>` : ''}
          <sl-menu-item tabindex="-1" @click=${() => this.run(a)}>
            ${a.label()}${a.shortcut ? html`<kbd slot="suffix">${a.shortcut.replace('Mod', 'Ctrl')}</kbd>` : ''}
          </sl-menu-item>`,
      )}
    </sl-menu>`;
  }
}

customElements.define('sk-board-menu', SkBoardMenu);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-menu': SkBoardMenu;
  }
}
