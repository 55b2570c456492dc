/**
 * The canvas's state and its transitions, as one reactive controller: the session's model, the
 * viewport, selection, focus, hover, editing, tool, snap, the menu, overlays and presence. Input,
 * view and gestures take this object, never the component; the component renders what it holds
 * and asks for an update through `host.requestUpdate()` whenever a field the render reads changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Limits, type BoardElement } from '../../../shared/board/schema.js';
import { TextBinding } from '../../ui/text-binding.js';
import type { ActionContext } from '../actions.js';
import type { BoardSession } from '../board-session.js';
import { actionContextOf } from './canvas-context.js';
import { CanvasModel } from './canvas-model.js';
import { CanvasView } from './canvas-view.js';
import { ConnectMode } from './connect-mode.js';
import { FocusOrder } from './focus-order.js';
import type { Overlay } from './pointer-tool.js';
import { PresenceChannel, type LocalPresence, type Peer } from './presence.js';
import type { Tool } from './tools.js';
import { Viewport, type Point } from './viewport.js';
import { KINDS } from '../../../shared/board/kinds.js';

/** What the state needs of its element: updates, events, and its rendered DOM. */

/** Below this width the board is a phone's: text being edited is zoomed up to a readable size. */
const NARROW_BOARD_PX = 768;
/** The smallest on-screen size of text being edited on a narrow board (CSS px). */
const MIN_EDIT_TEXT_PX = 16;
export type CanvasHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface Editing {
  id: string;
  field: 'text' | 'label';
}

export class CanvasState implements ReactiveController {
  readonly viewport = new Viewport();
  readonly view: CanvasView;
  /** Choosing a connector's target by keyboard (C, "Connect to…"). */
  readonly connect: ConnectMode;
  session: BoardSession | null = null;
  model: CanvasModel | null = null;
  selection: ReadonlySet<string> = new Set();
  hoverId: string | null = null;
  focusId: string | null = null;
  peers: Peer[] = [];
  followId: number | null = null;
  /** The organisation whose elements stand out (others dimmed), or null. */
  highlightOrg: string | null = null;
  private presence: PresenceChannel | null = null;
  private order: FocusOrder | null = null;
  private offPeople: (() => void) | null = null;
  private binding: TextBinding | null = null;
  private _tool: Tool = 'select';
  private _editing: Editing | null = null;
  private _overlay: Overlay | null = null;
  private _menu: { x: number; y: number } | null = null;
  private _snap = false;
  private _announcement = '';

  constructor(readonly host: CanvasHost) {
    this.view = new CanvasView(this);
    this.connect = new ConnectMode(this);
    host.addController(this);
  }

  // ---- fields the render reads: setting one asks for an update ----
  get tool(): Tool {
    return this._tool;
  }
  set tool(t: Tool) {
    this._tool = t;
    this.host.requestUpdate();
  }
  get editing(): Editing | null {
    return this._editing;
  }
  get overlay(): Overlay | null {
    return this._overlay;
  }
  set overlay(o: Overlay | null) {
    this._overlay = o;
    this.host.requestUpdate();
  }
  get menu(): { x: number; y: number } | null {
    return this._menu;
  }
  set menu(m: { x: number; y: number } | null) {
    this._menu = m;
    this.host.requestUpdate();
  }
  get snap(): boolean {
    return this._snap;
  }
  set snap(on: boolean) {
    this._snap = on;
    this.host.requestUpdate();
  }

  /** What the canvas's live region says now. */
  get announcement(): string {
    return this._announcement;
  }

  /** A refusal shown on the board (an image that was not added), until the next or for 8 s. */
  problem = '';
  private problemTimer = 0;
  showProblem(text: string): void {
    this.problem = text;
    clearTimeout(this.problemTimer);
    this.problemTimer = window.setTimeout(() => {
      this.problem = '';
      this.host.requestUpdate();
    }, 8000);
    this.host.requestUpdate();
  }

  /** Says `text` in the live region; clearing it first makes a repeated message heard again. */
  announce(text: string): void {
    this._announcement = '';
    this.host.requestUpdate();
    requestAnimationFrame(() => {
      this._announcement = text;
      this.host.requestUpdate();
    });
  }

  get viewportEl(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  /** How far down the floating toolbar reaches over the board (px), with a little air below it. */
  toolbarInset(): number {
    const bar = this.host.renderRoot.querySelector<HTMLElement>('.toolbar');
    return bar ? bar.offsetTop + bar.offsetHeight + 8 : 0;
  }

  elementNode(id: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  }

  // ---- transitions ----
  select(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (next.size === this.selection.size && [...next].every((id) => this.selection.has(id))) return;
    this.selection = next;
    this.presence?.publish({ selection: [...next] });
    this.host.dispatchEvent(new CustomEvent<string[]>('sk-selection-change', { detail: [...next], bubbles: true, composed: true }));
    this.host.requestUpdate();
  }

  edit(id: string, field?: 'text' | 'label'): void {
    const el = this.model?.get(id);
    const f = field ?? (el && KINDS[el.kind].field) ?? 'text';
    if (this.session?.readOnly || (el && !KINDS[el.kind].field) || (el && !this.session?.mayChange(el))) return;
    if (this._editing) this.endEdit(false);
    this.session?.undo.stopCapturing();
    this._editing = { id, field: f };
    this.host.requestUpdate();
  }

  endEdit(refocus = true): void {
    const id = this._editing?.id;
    this.session?.undo.stopCapturing();
    this.binding?.destroy();
    this.binding = null;
    this._editing = null;
    this.host.requestUpdate();
    if (id && refocus) void this.focusElement(id);
  }

  /** Binds the rendered inline editor to the edited element's Y.Text (once per edit). */
  bindEditor(area: HTMLTextAreaElement): void {
    if (this.binding || !this._editing || !this.session) return;
    const { id, field } = this._editing;
    const text = this.session.board.textOf(id, field);
    if (!text) return this.endEdit(false);
    this.binding = new TextBinding(area, text, this.session.origin, field === 'text' ? Limits.textMax : Limits.labelMax);
    this.readableWhileEditing(id, area);
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }

  /**
   * On a narrow board (a phone) text is never edited smaller than 16 CSS px on screen: the view
   * zooms in on the element as far as that needs (a wide screen keeps the zoom its user chose).
   */
  private readableWhileEditing(id: string, area: HTMLTextAreaElement): void {
    const e = this.model?.get(id);
    const fontPx = parseFloat(getComputedStyle(area).fontSize);
    if (!e || !(fontPx > 0) || this.viewport.width >= NARROW_BOARD_PX || fontPx * this.viewport.zoom >= MIN_EDIT_TEXT_PX) return;
    const box = this.model!.boxOf(e);
    this.showView({ x: box.x + box.w / 2, y: box.y + box.h / 2 }, MIN_EDIT_TEXT_PX / fontPx);
  }

  /**
   * Focuses an element and brings it into view: `reveal` pans as little as needed (keyboard
   * focus moving along), `center` centres it ("show on board"). Before the canvas knows its size
   * (just shown), the first size it gets does this (see CanvasInput.observeSize).
   */
  async focusElement(id: string, how: 'reveal' | 'center' = 'reveal'): Promise<void> {
    const e = this.model?.get(id);
    if (!e) return;
    if (this.viewport.width < 2) this.sizeless = { id, how };
    else this.bringIntoView(id, how);
    this.focusId = id;
    this.applyView(true);
    await this.host.updateComplete;
    this.elementNode(id)?.focus();
  }

  /** What `focusElement` asked for before the canvas had a size: done once it has one. */
  sizeless: { id: string; how: 'reveal' | 'center' } | null = null;

  bringIntoView(id: string, how: 'reveal' | 'center'): void {
    const e = this.model?.get(id);
    if (!e) return;
    const box = this.model!.boxOf(e);
    if (how === 'center') this.viewport.centerOn({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    else this.viewport.reveal(box);
  }

  /** A pan or zoom the user made: stops following. */
  userView(change: () => void): void {
    if (this.followId !== null) this.follow(null);
    change();
    this.applyView(true);
  }

  showView(center: Point, zoom: number): void {
    if (this.followId !== null) this.follow(null);
    this.viewport.centerOn(center, zoom);
    this.applyView(true);
  }

  follow(clientId: number | null): void {
    this.followId = clientId;
    this.host.dispatchEvent(new CustomEvent('sk-follow-change', { detail: clientId, bubbles: true, composed: true }));
    this.applyFollow();
  }

  /** Moves the world layer; re-renders only when the view leaves the area already rendered. */
  applyView(publish: boolean): void {
    this.view.apply(publish);
  }

  applyFollow(): void {
    this.view.follow(this.peers.find((p) => p.clientId === this.followId)?.viewport ?? null);
  }

  /** Every element in keyboard reading order (culled ones included). */
  readingOrder(): BoardElement[] {
    return this.order?.order() ?? [];
  }

  focusNext(dir: 1 | -1, from: string | null): BoardElement | null {
    return this.order?.next(dir, from, this.viewport.world()) ?? null;
  }

  publishPresence(patch: Partial<LocalPresence>): void {
    this.presence?.publish(patch);
  }

  actionContext(): ActionContext {
    return actionContextOf(this);
  }

  openMenuAt(x: number, y: number): void {
    this.menu = { x, y };
  }

  closeMenu(): void {
    this.menu = null;
    const id = this.focusId;
    if (id && this.model?.get(id)) void this.focusElement(id);
    else this.viewportEl?.focus();
  }

  // ---- the session's lifetime ----
  attach(session: BoardSession | null): void {
    this.detach();
    this.session = session;
    const s = session;
    if (!s) return;
    this.model = new CanvasModel(s.board, (ids) => this.onModelChange(ids));
    this.model.start();
    this.order = new FocusOrder(this.model);
    this.presence = new PresenceChannel(s.awareness, () => {
      this.peers = this.presence?.peers() ?? [];
      if (this.followId !== null) this.applyFollow();
      this.host.requestUpdate();
    });
    s.undo.on('stack-item-added', this.onUndoStack);
    s.undo.on('stack-item-popped', this.onUndoStack);
    this.offPeople = s.people?.onChange(this.onUndoStack) ?? null;
    void s.conn.ready.then(() => this.view.initial());
  }

  detach(): void {
    this.connect.stop();
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

  hostConnected(): void {
    // Re-inserted into the page (detached in hostDisconnected): observe the board again.
    if (this.session && !this.model) this.attach(this.session);
  }

  hostDisconnected(): void {
    this.detach();
  }

  private readonly onUndoStack = () => this.host.requestUpdate();

  /** Set once the first elements reached the screen. */
  painted = false;

  private onModelChange(ids: Set<string>): void {
    // The focused element is gone (deleted here or elsewhere): keep focus in the board.
    const active = this.host.shadowRoot?.activeElement?.getAttribute('data-id');
    if (active && !this.model?.get(active)) this.viewportEl?.focus();
    if (this.focusId && !this.model?.get(this.focusId)) this.focusId = null;
    const gone = [...this.selection].filter((id) => !this.model?.get(id));
    if (gone.length) this.select([...this.selection].filter((id) => this.model?.get(id)));
    if (this._editing && !this.model?.get(this._editing.id)) this.endEdit(false);
    this.connect.check();
    if (ids.size) this.host.requestUpdate();
    if (!this.painted && this.model?.elements.size && !performance.getEntriesByName('samskap:canvas-content').length) performance.mark('samskap:canvas-content');
    this.view.initial();
  }
}
