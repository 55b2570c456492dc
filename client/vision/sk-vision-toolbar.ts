/**
 * `<sk-vision-toolbar>`: the editor's formatting toolbar (`role="toolbar"`, one tab stop, arrow
 * keys, Home and End move between buttons). Buttons that toggle say so with `aria-pressed`; each
 * names its shortcut (`aria-keyshortcuts`, tooltip). A button keeps the editor's selection: it
 * does not take focus on mouse down. Unavailable buttons stay focusable (`aria-disabled`), so the
 * toolbar's one tab stop never disappears.
 *
 * Properties: `state` (EditorState, re-rendered on each change), `readOnly`.
 * Events: `sk-vision-action` (detail: `{ id }`, an EDITOR_ACTIONS id). Parts: `bar`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, svg } from 'lit';
import type { EditorState } from 'prosemirror-state';
import { emitter } from '../ui/events.js';
import { EDITOR_ACTIONS, keyLabel, type EditorAction } from './editor-actions.js';
import { visionToolbarStyles } from './sk-vision-toolbar.styles.js';
import { suggesting, suggestModeKey } from './suggestions.js';

const ICONS: Record<string, string> = {
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  link: 'M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1',
  bullets: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  numbers: 'M10 6h10M10 12h10M10 18h10M4 4v4M3 18h3l-3 3h3M3 12h2',
  quote: 'M6 17h3l2-4V7H5v6h3M14 17h3l2-4V7h-6v6h3',
  comment: 'M21 15a2 2 0 01-2 2H7l-4 4V5a2 2 0 012-2h14a2 2 0 012 2z',
  help: 'M9.5 9a2.5 2.5 0 115 0c0 1.7-2.5 2-2.5 4M12 17.5v.5',
  suggest: 'M12 20h9M16.5 3.5a2.1 2.1 0 013 3L7 19l-4 1 1-4z',
};
const TEXT: Record<string, string> = { bold: 'B', italic: 'I', paragraph: '¶', h1: 'H1', h2: 'H2', h3: 'H3' };
const GROUPS = [['undo', 'redo'], ['bold', 'italic', 'link'], ['paragraph', 'h1', 'h2', 'h3'], ['bullets', 'numbers', 'quote'], ['comment', 'suggest'], ['help']];

const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${d} />`}</svg>`;
/** `aria-keyshortcuts` wants DOM key names: Control+Alt+1. */
const ariaKeys = (key: string) => key.replace('Mod', navigator.platform.startsWith('Mac') ? 'Meta' : 'Control').replace(/-/g, '+');

export interface SkVisionToolbarEvents {
  /** Run this editor action. */
  'sk-vision-action': { id: EditorAction['id'] };
}

export class SkVisionToolbar extends LitElement {
  static override styles = visionToolbarStyles;
  static override properties = { state: { attribute: false }, readOnly: { type: Boolean }, focusIndex: { state: true } };
  declare state: EditorState | null;
  declare readOnly: boolean;
  declare focusIndex: number;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.state = null;
    this.readOnly = false;
    this.focusIndex = 0;
  }

  private visible(): EditorAction[][] {
    return GROUPS.map((g) => g.map((id) => EDITOR_ACTIONS.find((a) => a.id === id)!).filter((a) => !(this.readOnly && a.writes))).filter((g) => g.length > 0);
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll('button')];
  }

  private onKeyDown(e: KeyboardEvent): void {
    const all = this.buttons();
    const at = all.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'ArrowRight' ? (at + 1) % all.length : e.key === 'ArrowLeft' ? (at - 1 + all.length) % all.length : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.focusIndex = next;
    all[next]!.focus();
  }

  private readonly emit = emitter<SkVisionToolbarEvents>(this);

  private run(a: EditorAction, index: number): void {
    this.focusIndex = index;
    this.emit('sk-vision-action', { id: a.id });
  }

  private enabled(a: EditorAction): boolean {
    const s = this.state;
    if (!s) return false;
    if (a.id === 'suggest') return !suggestModeKey.getState(s)?.forced;
    if (suggesting(s) && !a.whileSuggesting) return false; // not a change suggestions can express
    if (a.id === 'comment') return !s.selection.empty;
    if (a.id === 'help' || a.id === 'link' || a.active?.(s)) return true; // a pressed button can be pressed again
    return a.command({ editLink() {}, addComment() {}, showHelp() {}, toggleSuggesting() {} })(s) !== false;
  }

  override render() {
    let index = 0;
    return html`<div part="bar" class="bar" role="toolbar" aria-label=${msg('Text formatting', { id: 'vision_toolbar' })} @keydown=${this.onKeyDown}>
      ${this.visible().map(
        (group) => html`<div class="group">
          ${group.map((a) => {
            const i = index++;
            const key = a.keys[0]!;
            const pressed = a.active && this.state ? (a.active(this.state) ? 'true' : 'false') : undefined;
            // Visible text that is a word (H1) starts the accessible name, for speech users (WCAG 2.5.3).
            const name = /^H\d$/.test(TEXT[a.id] ?? '') ? `${TEXT[a.id]} ${a.label()}` : a.label();
            return html`<button
              type="button"
              tabindex=${i === this.focusIndex ? '0' : '-1'}
              aria-label=${name}
              title="${a.label()} (${keyLabel(key)})"
              aria-keyshortcuts=${ariaKeys(key)}
              aria-pressed=${pressed ?? nothing}
              aria-disabled=${this.enabled(a) ? 'false' : 'true'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.enabled(a) && this.run(a, i)}
            >
              ${ICONS[a.id] ? icon(ICONS[a.id]!) : html`<span class=${a.id === 'italic' ? 'italic' : ''} aria-hidden="true">${TEXT[a.id] ?? a.label()}</span>`}
            </button>`;
          })}
        </div>`,
      )}
    </div>`;
  }
}

customElements.define('sk-vision-toolbar', SkVisionToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'sk-vision-toolbar': SkVisionToolbar;
  }
}
