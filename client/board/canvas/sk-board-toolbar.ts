/**
 * `<sk-board-toolbar>`: the canvas's floating toolbar. Tools (with aria-pressed for the active
 * one), a colour row for the selection, delete, undo/redo, zoom and the shortcut help. Observers
 * get only select, zoom and help. Buttons run the same action objects as menu and keyboard.
 *
 * Properties: `ctx` (ActionContext), `tool`, `zoom` (number), `selectionColor` (palette name or
 * null when nothing is selected).
 * Events: `sk-tool-change` (detail: Tool).
 * Parts: `bar`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, svg } from 'lit';
import { PALETTE, type PaletteColor } from '../../../shared/board/schema.js';
import { actionById, COMMANDS, perform, runAction, type ActionContext } from '../actions.js';
import { colorName, FILL } from './palette.js';
import { toolbarStyles } from './sk-board-toolbar.styles.js';
import { TOOLS, type Tool } from './tools.js';

const ICONS: Record<string, string> = {
  delete: 'M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  'zoom-out': 'M5 12h14',
  'zoom-in': 'M5 12h14M12 5v14',
  'zoom-fit': 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  help: 'M9.5 9a2.5 2.5 0 115 0c0 1.7-2.5 2-2.5 4M12 17.5v.5',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15 9.5h.01',
};

const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${d} />`}</svg>`;

export class SkBoardToolbar extends LitElement {
  static override styles = toolbarStyles;
  static override properties = {
    ctx: { attribute: false },
    tool: { type: String },
    zoom: { type: Number },
    selectionColor: { attribute: false },
  };
  declare ctx: ActionContext | null;
  declare tool: Tool;
  declare zoom: number;
  declare selectionColor: PaletteColor | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.ctx = null;
    this.tool = 'select';
    this.zoom = 1;
    this.selectionColor = null;
  }

  private pick(t: Tool): void {
    this.dispatchEvent(new CustomEvent<Tool>('sk-tool-change', { detail: t, bubbles: true, composed: true }));
  }

  private act(id: string, label?: string, cls = '') {
    const ctx = this.ctx;
    const a = actionById(id);
    if (!ctx || !a || (ctx.readOnly && a.writes)) return nothing;
    const name = label ?? a.label();
    const title = a.shortcut ? `${name} (${a.shortcut.replace('Mod', navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl')})` : name;
    return html`<button type="button" class=${cls} aria-label=${name} title=${title} ?disabled=${!a.enabled(ctx)} @click=${() => runAction(a, ctx)}>
      ${ICONS[id] ? icon(ICONS[id]) : name}
    </button>`;
  }

  private paint(c: PaletteColor): void {
    const ctx = this.ctx;
    if (!ctx) return;
    perform(COMMANDS.color, ctx, { ids: ctx.selection, color: c });
    this.requestUpdate();
  }

  override render() {
    const ro = this.ctx?.readOnly ?? true;
    const tools = ro ? TOOLS.filter((t) => t.id === 'select') : TOOLS;
    const coloring = !ro && !!this.selectionColor;
    return html`<div part="bar" class="bar ${coloring ? 'coloring' : ''}" role="toolbar" aria-label=${msg('Board tools', { id: 'canvas_toolbar' })}>
      <div class="group tools">
        ${tools.map(
          (t) => html`<button type="button" class="tool" aria-label=${t.label()} title="${t.label()} (${t.key})" aria-pressed=${this.tool === t.id ? 'true' : 'false'} @click=${() => this.pick(t.id)}>
            ${icon(t.icon)}
          </button>`,
        )}
        ${ro ? nothing : this.act('image')}
      </div>
      ${coloring
        ? html`<div class="group colors" role="group" aria-label=${msg('Colour', { id: 'canvas_color' })}>
            ${PALETTE.map(
              (c) => html`<button type="button" class="swatch" style="--swatch:${FILL[c]}" aria-label=${colorName(c)} title=${colorName(c)} aria-pressed=${this.selectionColor === c ? 'true' : 'false'} @click=${() => this.paint(c)}></button>`,
            )}
          </div>`
        : nothing}
      ${ro ? nothing : html`<div class="group">${this.act('delete')}${this.act('undo')}${this.act('redo')}</div>`}
      <div class="group">
        ${this.act('zoom-out', undefined, 'zoom-step')}
        <span class="zoom" aria-live="off">${Math.round(this.zoom * 100)}&thinsp;%</span>
        ${this.act('zoom-in', undefined, 'zoom-step')}${this.act('zoom-fit')}
      </div>
      <div class="group help">${this.act('help', msg('Keyboard shortcuts', { id: 'canvas_help_button' }))}</div>
    </div>`;
  }
}

customElements.define('sk-board-toolbar', SkBoardToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-toolbar': SkBoardToolbar;
  }
}
