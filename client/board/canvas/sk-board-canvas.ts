/**
 * `<sk-board-canvas>`: the whiteboard. A pannable, zoomable world in which only the elements in
 * or near the view are in the DOM (grid-hash culling); tools, selection, inline editing bound to
 * Y.Text, a context menu, shortcuts, presence (cursors, others' selections, follow) and undo of
 * my own changes only. Observers get no editing controls and no writing keys.
 *
 * State (viewport, selection, focus, hover, editing, tool, menu, presence, connect mode) lives in
 * one CanvasState controller that input, view and gestures share; this element renders it, with a
 * polite live region for what connect mode says.
 *
 * Properties: `session` (BoardSession), `highlightOrg` (organisation id or null: others dimmed),
 * `voteBadges` (elementId → dots to draw, or null), `commentBadges` (elementId → comments in open threads, or null),
 * `charterBadges` (ids of the elements in the charter, or null).
 * Methods: `viewCenter()`, `zoomToFit()`, `showElements(ids)`, `focusElement(id, how)`, `follow(clientId | null)`,
 * `showView(center, zoom)` (a view someone else chose, e.g. the facilitator's summon).
 * Events: `sk-selection-change` (detail: string[] ids), `sk-follow-change` (detail: clientId or
 * null, when following starts or stops), `sk-comment` (detail: `{ id }`: open this element's comments),
 * `sk-to-charter` (detail: `{ id }`: ask what this note becomes in the charter).
 * Parts: `toolbar`, `viewport`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { PaletteColor } from '../../../shared/board/schema.js';
import { appLocale } from '../../ui/i18n.js';
import { visibleActions } from '../actions.js';
import type { BoardSession } from '../board-session.js';
import { elementState } from './canvas-context.js';
import { CanvasInput } from './canvas-input.js';
import { renderLayers } from './canvas-layers.js';
import { CanvasState } from './canvas-state.js';
import { canvasStyles } from './sk-board-canvas.styles.js';
import './sk-board-menu.js';
import './sk-board-toolbar.js';
import { addImages, IMAGE_TYPES } from './image-upload.js';
import './sk-shortcut-help.js';
import type { Tool } from './tools.js';
import type { Point, Viewport } from './viewport.js';
import { renderVoteBadges, type VoteBadges } from './vote-badges.js';
import { renderCommentBadges, type CommentBadges } from './comment-badges.js';
import { renderCharterBadges, type CharterBadges } from './charter-badges.js';

export class SkBoardCanvas extends LitElement {
  static override styles = canvasStyles;
  static override properties = {
    session: { attribute: false },
    highlightOrg: { attribute: false },
    voteBadges: { attribute: false },
    commentBadges: { attribute: false },
    charterBadges: { attribute: false },
  };
  declare session: BoardSession | null;
  declare highlightOrg: string | null;
  declare voteBadges: VoteBadges | null;
  declare commentBadges: CommentBadges | null;
  declare charterBadges: CharterBadges | null;

  readonly state = new CanvasState(this);
  private readonly input = new CanvasInput(this.state);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.highlightOrg = null;
    this.voteBadges = null;
    this.commentBadges = null;
    this.charterBadges = null;
  }

  // ---- public API -------------------------------------------------------------------------

  get viewport(): Viewport {
    return this.state.viewport;
  }

  viewCenter(): Point {
    return this.state.viewport.center();
  }

  zoomToFit(): void {
    this.state.view.fitAll();
  }

  zoomToSelection(): void {
    this.state.view.fitSelection();
  }

  /** Selects these elements and shows them whole below the toolbar (a template just inserted). */
  showElements(ids: string[]): void {
    if (!ids.length) return;
    this.state.select(ids);
    this.state.view.fitElements(ids);
  }

  focusElement(id: string, how: 'reveal' | 'center' = 'reveal'): Promise<void> {
    return this.state.focusElement(id, how);
  }

  showView(center: Point, zoom: number): void {
    this.state.showView(center, zoom);
  }

  follow(clientId: number | null): void {
    this.state.follow(clientId);
  }

  /** Files chosen in the picker ("Insert image…"): placed where new things go. */
  private readonly onPicked = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const ctx = this.state.actionContext();
    if (files.length) void addImages(ctx, files, ctx.placePoint(), (p) => this.state.showProblem(p));
  };

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.state.attach(this.session);
    this.state.highlightOrg = this.highlightOrg;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.input.connect();
  }

  override disconnectedCallback(): void {
    this.input.disconnect();
    super.disconnectedCallback();
  }

  protected override updated(): void {
    const st = this.state;
    const vpEl = st.viewportEl;
    if (vpEl) this.input.observeSize(vpEl);
    st.applyView(false);
    if (!st.painted && this.renderRoot.querySelector('[data-id]')) {
      // For performance budgets: when the first elements reach the screen.
      st.painted = true;
      requestAnimationFrame(() => performance.mark('samskap:canvas-first-paint'));
    }
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.editor');
    if (area) st.bindEditor(area);
  }

  override render() {
    const st = this.state;
    const s = st.session;
    const model = st.model;
    if (!s || !model) return nothing;
    const vp = st.viewport;
    const visible = model.within(st.view.renderArea());
    const remote = new Map<string, string>();
    for (const p of st.peers) for (const id of p.selection) remote.set(id, s.colorOf(p.organisationId).strong);
    const first = [...st.selection].map((id) => model.get(id)).find((e) => e);
    const ctx = st.actionContext();
    const empty = model.elements.size === 0;
    return html`
      <sk-board-toolbar part="toolbar" class="toolbar" .ctx=${ctx} .tool=${st.tool} .zoom=${vp.zoom} .selectionColor=${(first?.color as PaletteColor | undefined) ?? null} @sk-tool-change=${(e: CustomEvent<Tool>) => (st.tool = e.detail)}></sk-board-toolbar>
      <div
        part="viewport"
        class="viewport tool-${st.tool}${s.readOnly ? ' readonly' : ''}${st.snap ? ' snap' : ''}"
        role="region"
        tabindex="0"
        aria-label=${s.readOnly ? msg('Board (read only)', { id: 'canvas_region_readonly' }) : msg('Board. Press N for a sticky note, ? for all shortcuts.', { id: 'canvas_region' })}
      >
        <div class="dots"></div>
        <div class="world" style="transform:translate(${vp.panX}px, ${vp.panY}px) scale(${vp.zoom});--inv:${1 / vp.zoom}">
          ${renderLayers({ model, visible, state: (e) => elementState(st, e, remote), peers: st.peers, colorOf: (o) => s.colorOf(o).strong, overlay: st.overlay, editing: st.editing, locale: appLocale(), people: s.people })}
          ${renderVoteBadges(model, this.voteBadges)} ${renderCommentBadges(model, this.commentBadges)}
          ${renderCharterBadges(model, this.charterBadges)}
        </div>
        ${empty ? html`<p class="empty">${s.readOnly ? msg('Nothing on the board yet.', { id: 'canvas_empty_readonly' }) : msg('The board is empty. Press N or double-click to add a sticky note.', { id: 'canvas_empty_board' })}</p>` : nothing}
      </div>
      <div class="visually-hidden" role="status">${st.announcement}</div>
      <p class="problem" role="alert" ?hidden=${!st.problem}>${st.problem}</p>
      ${s.readOnly
        ? nothing
        : html`<input class="image-picker" type="file" accept=${IMAGE_TYPES.join(',')} multiple hidden tabindex="-1" aria-hidden="true" @change=${this.onPicked} />`}
      ${st.menu ? html`<sk-board-menu .ctx=${ctx} .actions=${visibleActions(ctx)} .x=${st.menu.x} .y=${st.menu.y} @sk-menu-close=${() => st.closeMenu()}></sk-board-menu>` : nothing}
      <sk-shortcut-help ?readOnly=${s.readOnly}></sk-shortcut-help>
    `;
  }
}

customElements.define('sk-board-canvas', SkBoardCanvas);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-canvas': SkBoardCanvas;
  }
}
