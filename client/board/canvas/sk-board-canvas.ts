/**
 * `<sk-board-canvas>`: the whiteboard. A pannable, zoomable world in which only the elements in
 * or near the view are in the DOM (grid-hash culling); tools, selection, inline editing bound to
 * Y.Text, a context menu, shortcuts, presence (cursors, others' selections, follow) and undo of
 * my own changes only. Observers get no editing controls and no writing keys.
 *
 * Properties: `session` (BoardSession), `highlightOrg` (organisation id or null: others dimmed),
 * `voteBadges` (elementId → dots to draw, or null).
 * Methods: `viewCenter()`, `zoomToFit()`, `focusElement(id)`, `follow(clientId | null)`,
 * `showView(center, zoom)` (a view someone else chose, e.g. the facilitator's summon).
 * Events: `sk-selection-change` (detail: string[] ids), `sk-follow-change` (detail: clientId or
 * null, when following starts or stops).
 * Parts: `toolbar`, `viewport`.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { Limits, type BoardElement, type PaletteColor } from '../../../shared/board/schema.js';
import { appLocale } from '../../ui/i18n.js';
import { visibleActions, type ActionContext } from '../actions.js';
import { actionContextOf, elementState } from './canvas-context.js';
import type { BoardSession } from '../board-session.js';
import { CanvasInput } from './canvas-input.js';
import { renderLayers } from './canvas-layers.js';
import { CanvasModel } from './canvas-model.js';
import { CanvasView } from './canvas-view.js';
import { FocusOrder } from './focus-order.js';
import { PointerTool, type Overlay } from './pointer-tool.js';
import { PresenceChannel, type LocalPresence, type Peer } from './presence.js';
import { canvasStyles } from './sk-board-canvas.styles.js';
import './sk-board-menu.js';
import './sk-board-toolbar.js';
import './sk-shortcut-help.js';
import { TextBinding } from '../../ui/text-binding.js';
import type { Tool } from './tools.js';
import { Viewport, type Point } from './viewport.js';
import { renderVoteBadges, type VoteBadges } from './vote-badges.js';

export class SkBoardCanvas extends LitElement {
  static override styles = canvasStyles;
  static override properties = {
    session: { attribute: false },
    highlightOrg: { attribute: false },
    voteBadges: { attribute: false },
    tool: { state: true },
    editing: { state: true },
    overlay: { state: true },
    menu: { state: true },
    snap: { state: true },
  };
  declare session: BoardSession | null;
  declare highlightOrg: string | null;
  declare voteBadges: VoteBadges | null;
  declare tool: Tool;
  declare editing: { id: string; field: 'text' | 'label' } | null;
  declare overlay: Overlay | null;
  declare menu: { x: number; y: number } | null;
  declare snap: boolean;

  readonly viewport = new Viewport();
  model: CanvasModel | null = null;
  selection: ReadonlySet<string> = new Set();
  hoverId: string | null = null;
  focusId: string | null = null;
  peers: Peer[] = [];
  followId: number | null = null;
  private presence: PresenceChannel | null = null;
  private order: FocusOrder | null = null;
  private binding: TextBinding | null = null;
  private painted = false;
  readonly pointer: PointerTool;
  private readonly input: CanvasInput;
  private readonly view = new CanvasView(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = null;
    this.highlightOrg = null;
    this.voteBadges = null;
    this.tool = 'select';
    this.editing = null;
    this.overlay = null;
    this.menu = null;
    this.snap = false;
    this.input = new CanvasInput(this);
    this.pointer = new PointerTool(this.input);
  }

  // ---- public API -------------------------------------------------------------------------

  viewCenter(): Point {
    return this.viewport.center();
  }

  zoomToFit(): void {
    this.view.fitAll();
  }

  zoomToSelection(): void {
    this.view.fitSelection();
  }

  async focusElement(id: string): Promise<void> {
    const e = this.model?.get(id);
    if (!e) return;
    this.viewport.reveal(this.model!.boxOf(e));
    this.focusId = id;
    this.applyView(true);
    await this.updateComplete;
    this.elementNode(id)?.focus();
  }

  showView(center: Point, zoom: number): void {
    if (this.followId !== null) this.follow(null);
    this.viewport.centerOn(center, zoom);
    this.applyView(true);
  }

  follow(clientId: number | null): void {
    this.followId = clientId;
    this.dispatchEvent(new CustomEvent('sk-follow-change', { detail: clientId, bubbles: true, composed: true }));
    this.applyFollow();
  }

  // ---- state used by input handlers ---------------------------------------------------------

  select(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (next.size === this.selection.size && [...next].every((id) => this.selection.has(id))) return;
    this.selection = next;
    this.presence?.publish({ selection: [...next] });
    this.dispatchEvent(new CustomEvent<string[]>('sk-selection-change', { detail: [...next], bubbles: true, composed: true }));
    this.requestUpdate();
  }

  edit(id: string, field: 'text' | 'label' = this.model?.get(id)?.kind === 'connector' ? 'label' : 'text'): void {
    const el = this.model?.get(id);
    if (this.session?.readOnly || el?.kind === 'pen' || (el && !this.session?.mayChange(el))) return;
    if (this.editing) this.endEdit(false);
    this.session?.undo.stopCapturing();
    this.editing = { id, field };
  }

  endEdit(refocus = true): void {
    const id = this.editing?.id;
    this.session?.undo.stopCapturing();
    this.binding?.destroy();
    this.binding = null;
    this.editing = null;
    if (id && refocus) void this.focusElement(id);
  }

  /** A pan or zoom the user made: stops following. */
  userView(change: () => void): void {
    if (this.followId !== null) this.follow(null);
    change();
    this.applyView(true);
  }

  actionContext(): ActionContext {
    return actionContextOf(this);
  }

  focusNext(dir: 1 | -1, from: string | null): BoardElement | null {
    return this.order?.next(dir, from, this.viewport.world()) ?? null;
  }

  publishCursor(p: Point | null): void {
    this.presence?.publish({ cursor: p });
  }
  elementNode(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  }

  get viewportEl(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  /** Moves the world layer; re-renders only when the view leaves the area already rendered. */
  applyView(publish: boolean): void {
    this.view.apply(publish);
  }

  applyFollow(): void {
    this.view.follow(this.peers.find((p) => p.clientId === this.followId)?.viewport ?? null);
  }

  publishPresence(patch: Partial<LocalPresence>): void {
    this.presence?.publish(patch);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.attach();
  }

  private attach(): void {
    this.detach();
    const s = this.session;
    if (!s) return;
    this.model = new CanvasModel(s.board, (ids) => this.onModelChange(ids));
    this.model.start();
    this.order = new FocusOrder(this.model);
    this.presence = new PresenceChannel(s.awareness, () => {
      this.peers = this.presence?.peers() ?? [];
      if (this.followId !== null) this.applyFollow();
      this.requestUpdate();
    });
    s.undo.on('stack-item-added', this.onUndoStack);
    s.undo.on('stack-item-popped', this.onUndoStack);
    this.offPeople = s.people?.onChange(this.onUndoStack) ?? null;
    void s.conn.ready.then(() => this.view.initial());
  }

  private detach(): void {
    this.model?.stop();
    this.presence?.destroy();
    this.binding?.destroy();
    this.model = this.presence = this.binding = null;
    this.view.reset();
    this.selection = new Set();
    this.session?.undo.off('stack-item-added', this.onUndoStack);
    this.session?.undo.off('stack-item-popped', this.onUndoStack);
    this.offPeople?.();
    this.offPeople = null;
  }

  private readonly onUndoStack = () => this.requestUpdate();
  private offPeople: (() => void) | null = null;

  private onModelChange(ids: Set<string>): void {
    // The focused element is gone (deleted here or elsewhere): keep focus in the board.
    const active = this.shadowRoot?.activeElement?.getAttribute('data-id');
    if (active && !this.model?.get(active)) this.viewportEl?.focus();
    if (this.focusId && !this.model?.get(this.focusId)) this.focusId = null;
    const gone = [...this.selection].filter((id) => !this.model?.get(id));
    if (gone.length) this.select([...this.selection].filter((id) => this.model?.get(id)));
    if (this.editing && !this.model?.get(this.editing.id)) this.endEdit(false);
    if (ids.size) this.requestUpdate();
    if (!this.painted && this.model?.elements.size && !performance.getEntriesByName('samskap:canvas-content').length) performance.mark('samskap:canvas-content');
    this.view.initial();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.input.connect();
    // Re-inserted into the page (detached in disconnectedCallback): observe the board again.
    if (this.session && !this.model) this.attach();
  }

  override disconnectedCallback(): void {
    this.input.disconnect();
    this.detach();
    super.disconnectedCallback();
  }

  protected override updated(): void {
    if (this.viewportEl) this.input.observeSize(this.viewportEl);
    this.applyView(false);
    if (!this.painted && this.renderRoot.querySelector('[data-id]')) {
      // For performance budgets: when the first elements reach the screen.
      this.painted = true;
      requestAnimationFrame(() => performance.mark('samskap:canvas-first-paint'));
    }
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.editor');
    if (area && !this.binding && this.editing && this.session) {
      const text = this.session.board.textOf(this.editing.id, this.editing.field);
      if (!text) return this.endEdit(false);
      this.binding = new TextBinding(area, text, this.session.origin, this.editing.field === 'text' ? Limits.textMax : Limits.labelMax);
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    }
  }

  override render() {
    const s = this.session;
    const model = this.model;
    if (!s || !model) return nothing;
    const vp = this.viewport;
    const visible = model.within(this.view.renderArea());
    const remote = new Map<string, string>();
    for (const p of this.peers) for (const id of p.selection) remote.set(id, s.colorOf(p.organisationId).strong);
    const first = [...this.selection].map((id) => model.get(id)).find((e) => e);
    const ctx = this.actionContext();
    const empty = model.elements.size === 0;
    return html`
      <sk-board-toolbar part="toolbar" class="toolbar" .ctx=${ctx} .tool=${this.tool} .zoom=${vp.zoom} .selectionColor=${(first?.color as PaletteColor | undefined) ?? null} @sk-tool-change=${(e: CustomEvent<Tool>) => (this.tool = e.detail)}></sk-board-toolbar>
      <div
        part="viewport"
        class="viewport tool-${this.tool}${s.readOnly ? ' readonly' : ''}${this.snap ? ' snap' : ''}"
        role="region"
        tabindex="0"
        aria-label=${s.readOnly ? msg('Board (read only)', { id: 'canvas_region_readonly' }) : msg('Board. Press N for a sticky note, ? for all shortcuts.', { id: 'canvas_region' })}
      >
        <div class="dots"></div>
        <div class="world" style="transform:translate(${vp.panX}px, ${vp.panY}px) scale(${vp.zoom});--inv:${1 / vp.zoom}">
          ${renderLayers({ model, visible, state: (e) => elementState(this, e, remote), peers: this.peers, colorOf: (o) => s.colorOf(o).strong, overlay: this.overlay, editing: this.editing, locale: appLocale(), people: s.people })}
          ${renderVoteBadges(model, this.voteBadges)}
        </div>
        ${empty ? html`<p class="empty">${s.readOnly ? msg('Nothing on the board yet.', { id: 'canvas_empty_readonly' }) : msg('The board is empty. Press N or double-click to add a sticky note.', { id: 'canvas_empty_board' })}</p>` : nothing}
      </div>
      ${this.menu ? html`<sk-board-menu .ctx=${ctx} .actions=${visibleActions(ctx)} .x=${this.menu.x} .y=${this.menu.y} @sk-menu-close=${this.closeMenu}></sk-board-menu>` : nothing}
      <sk-shortcut-help ?readOnly=${s.readOnly}></sk-shortcut-help>
    `;
  }

  private readonly closeMenu = () => {
    this.menu = null;
    const id = this.focusId;
    if (id && this.model?.get(id)) void this.focusElement(id);
    else this.viewportEl?.focus();
  };

  openMenuAt(x: number, y: number): void {
    this.menu = { x, y };
  }
}

customElements.define('sk-board-canvas', SkBoardCanvas);

declare global {
  interface HTMLElementTagNameMap {
    'sk-board-canvas': SkBoardCanvas;
  }
}
