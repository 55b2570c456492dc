/**
 * Wires the canvas's DOM input to its behaviour: pointer events to the pointer tool, keys to the
 * keyboard contract, wheel to pan/zoom, focus and hover to the tooltip, clipboard events, the
 * inline editor's Escape/blur, and the viewport's size. Implements the hosts the tool and the
 * keyboard handler need, so neither knows the component.
 */
import { addImages } from './image-upload.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import { handleClipboard } from './canvas-context.js';
import type { CanvasState } from './canvas-state.js';
import { handleKeyDown, handleKeyUp, type KeyHost } from './keyboard.js';
import { COMMANDS, perform } from '../actions.js';
import { hitTest } from './kind-views.js';
import { PinchGesture } from './pinch-gesture.js';
import { GRID, PointerTool, type Overlay, type ToolHost } from './pointer-tool.js';
import type { Tool } from './tools.js';
import type { Point } from './viewport.js';
import { singleKeysEverywhere } from './shortcut-pref.js';

/** Keys that keep their meaning on the page outside the canvas. */
const PAGE_KEYS_KEPT = new Set(['Tab', 'Escape', 'Enter', ' ', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'ContextMenu', 'F10']);
const inDialog = (n: EventTarget) => n instanceof HTMLDialogElement || (n instanceof HTMLElement && (n.localName === 'sl-dialog' || n.getAttribute('role') === 'dialog'));

const idIn = (path: EventTarget[]) => {
  for (const n of path) if (n instanceof Element && n.hasAttribute('data-id')) return n.getAttribute('data-id');
  return null;
};

export class CanvasInput implements ToolHost, KeyHost {
  private resize: ResizeObserver | null = null;
  private observed: HTMLElement | null = null;
  readonly pointer: PointerTool;
  private readonly pinch: PinchGesture;

  constructor(private readonly c: CanvasState) {
    this.pointer = new PointerTool(this);
    this.pinch = new PinchGesture(c, this.pointer);
  }

  // ---- hosts ----
  get session() {
    return this.c.session!;
  }
  get model() {
    return this.c.model!;
  }
  get readOnly() {
    return this.c.session?.readOnly ?? true;
  }
  get tool() {
    return this.c.tool;
  }
  get snap() {
    return this.c.snap;
  }
  get selection() {
    return this.c.selection;
  }
  select = (ids: Iterable<string>) => this.c.select(ids);
  setTool = (t: Tool) => void (this.c.tool = this.readOnly ? 'select' : t);
  edit = (id: string) => this.c.edit(id);
  actionContext = () => this.c.actionContext();
  setOverlay = (o: Overlay | null) => void (this.c.overlay = o);
  setSpace = (held: boolean) => void (this.pointer.spaceHeld = held);
  panBy = (dx: number, dy: number) => this.c.userView(() => this.c.viewport.panBy(dx, dy));

  private publishCursor(p: Point | null): void {
    this.c.publishPresence({ cursor: p });
  }

  /** Files dragged over the board may be dropped (images; the rest is refused in words). */
  private readonly onDragOver = (ev: DragEvent) => {
    if (this.c.session?.readOnly || !ev.dataTransfer?.types.includes('Files')) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  };

  /** Dropped image files go up and onto the board where they were dropped. */
  private readonly onDrop = (ev: DragEvent) => {
    const files = [...(ev.dataTransfer?.files ?? [])];
    if (this.c.session?.readOnly || !files.length) return;
    ev.preventDefault();
    void addImages(this.c.actionContext(), files, this.toWorld(ev), (p) => this.c.showProblem(p));
  };

  toWorld(ev: { clientX: number; clientY: number }): Point {
    const r = this.c.viewportEl!.getBoundingClientRect();
    return this.c.viewport.toWorld(ev.clientX - r.left, ev.clientY - r.top);
  }

  hitTest(p: Point): BoardElement | null {
    return hitTest(this.model, p);
  }

  moveFocus(dir: 1 | -1, from: string | null): boolean {
    const next = this.c.focusNext(dir, from);
    if (!next) return false;
    void this.c.focusElement(next.id);
    return true;
  }

  openMenu(): void {
    const r = this.c.viewportEl!.getBoundingClientRect();
    const node = this.c.focusId ? this.c.elementNode(this.c.focusId) : null;
    const b = node?.getBoundingClientRect();
    this.c.openMenuAt(b ? b.left - r.left + 12 : r.width / 2, b ? b.bottom - r.top + 4 : r.height / 2);
  }

  // ---- DOM wiring ----
  connect(): void {
    const h = this.c.host;
    h.addEventListener('pointerdown', this.onDown);
    h.addEventListener('pointermove', this.onMove);
    h.addEventListener('pointerup', this.onUp);
    h.addEventListener('pointercancel', this.onCancel);
    h.addEventListener('pointerleave', this.onLeave);
    h.addEventListener('pointerover', this.onOver);
    h.addEventListener('dblclick', this.onDblClick);
    h.addEventListener('contextmenu', this.onContextMenu);
    h.addEventListener('wheel', this.onWheel, { passive: false });
    h.addEventListener('dragover', this.onDragOver);
    h.addEventListener('drop', this.onDrop);
    h.addEventListener('keydown', this.onKeyDown);
    h.addEventListener('keyup', this.onKeyUp);
    h.addEventListener('focusin', this.onFocusIn);
    h.addEventListener('focusout', this.onFocusOut, true);
    for (const t of ['copy', 'cut', 'paste'] as const) document.addEventListener(t, this.onClipboard);
    document.addEventListener('keydown', this.onPageKey);
  }

  disconnect(): void {
    const h = this.c.host;
    h.removeEventListener('pointerdown', this.onDown);
    h.removeEventListener('pointermove', this.onMove);
    h.removeEventListener('pointerup', this.onUp);
    h.removeEventListener('pointercancel', this.onCancel);
    h.removeEventListener('pointerleave', this.onLeave);
    h.removeEventListener('pointerover', this.onOver);
    h.removeEventListener('dblclick', this.onDblClick);
    h.removeEventListener('contextmenu', this.onContextMenu);
    h.removeEventListener('wheel', this.onWheel);
    h.removeEventListener('dragover', this.onDragOver);
    h.removeEventListener('drop', this.onDrop);
    h.removeEventListener('keydown', this.onKeyDown);
    h.removeEventListener('keyup', this.onKeyUp);
    h.removeEventListener('focusin', this.onFocusIn);
    h.removeEventListener('focusout', this.onFocusOut, true);
    for (const t of ['copy', 'cut', 'paste'] as const) document.removeEventListener(t, this.onClipboard);
    document.removeEventListener('keydown', this.onPageKey);
    this.resize?.disconnect();
    this.observed = null;
  }

  /** Watches the viewport's size (once per element; again after a reconnect). */
  observeSize(el: HTMLElement): void {
    if (this.observed === el) return;
    this.resize?.disconnect();
    this.observed = el;
    this.resize = new ResizeObserver(([entry]) => {
      const vp = this.c.viewport;
      const first = vp.width < 2;
      vp.width = entry!.contentRect.width;
      vp.height = entry!.contentRect.height;
      if (first) {
        vp.centerOn({ x: 0, y: 0 });
        // An element was to be shown before the size was known ("show on board" from the outline).
        const asked = this.c.sizeless;
        this.c.sizeless = null;
        if (asked) this.c.bringIntoView(asked.id, asked.how);
      }
      this.c.applyView(true);
      this.c.host.requestUpdate();
    });
    this.resize.observe(el);
  }

  private inViewport(ev: Event): boolean {
    const vp = this.c.viewportEl;
    const path = ev.composedPath();
    return !!vp && path.includes(vp) && !path.some((n) => n instanceof HTMLTextAreaElement);
  }

  private readonly onDown = (ev: PointerEvent) => {
    if (!this.c.session || !this.inViewport(ev)) return;
    if (this.pinch.down(ev)) return;
    if (this.c.menu) this.c.menu = null;
    const path = ev.composedPath();
    if (this.c.connect.active && ev.button === 0) {
      ev.preventDefault();
      return this.c.connect.click(idIn(path));
    }
    const handle = path.some((n) => n instanceof Element && n.hasAttribute('data-handle'));
    if (this.c.editing) this.c.endEdit(false);
    if (this.pointer.down(ev, idIn(path), handle)) {
      this.c.viewportEl!.setPointerCapture(ev.pointerId);
      if (ev.button === 1 || this.pointer.spaceHeld) ev.preventDefault();
    }
  };

  private readonly onMove = (ev: PointerEvent) => {
    if (!this.c.session || !this.c.viewportEl) return;
    if (this.pinch.move(ev)) return;
    if (this.pointer.busy) this.pointer.move(ev);
    if (this.inViewport(ev)) this.publishCursor(this.toWorld(ev));
  };

  private readonly onUp = (ev: PointerEvent) => {
    this.pinch.up(ev);
    if (this.pointer.busy) this.pointer.up(ev);
  };
  private readonly onCancel = (ev: PointerEvent) => {
    this.pinch.up(ev);
    this.pointer.cancel();
  };
  private readonly onLeave = () => this.publishCursor(null);

  private readonly onOver = (ev: PointerEvent) => {
    const id = this.inViewport(ev) ? idIn(ev.composedPath()) : null;
    if (id !== this.c.hoverId) {
      this.c.hoverId = id;
      this.c.host.requestUpdate();
    }
  };

  private readonly onDblClick = (ev: MouseEvent) => {
    if (!this.c.session || !this.inViewport(ev) || this.readOnly) return;
    const id = idIn(ev.composedPath());
    if (id) return this.c.edit(id);
    if (this.c.tool !== 'select') return;
    const nid = perform(COMMANDS.noteAt, this.session, { at: this.toWorld(ev), grid: this.c.snap ? GRID : 1 });
    if (!nid) return;
    this.c.select([nid]);
    this.c.edit(nid);
  };

  private readonly onContextMenu = (ev: MouseEvent) => {
    if (!this.c.session || !this.inViewport(ev)) return;
    ev.preventDefault();
    const id = idIn(ev.composedPath());
    if (id && !this.c.selection.has(id)) this.c.select([id]);
    const r = this.c.viewportEl!.getBoundingClientRect();
    this.c.openMenuAt(ev.clientX - r.left, ev.clientY - r.top);
  };

  private readonly onWheel = (ev: WheelEvent) => {
    if (!this.c.session || !this.inViewport(ev)) return;
    ev.preventDefault();
    const r = this.c.viewportEl!.getBoundingClientRect();
    const scale = ev.deltaMode === 1 ? 16 : 1;
    if (ev.ctrlKey || ev.metaKey) {
      const factor = Math.exp((-ev.deltaY * scale) / 200);
      this.c.userView(() => this.c.viewport.zoomAt(this.c.viewport.zoom * factor, ev.clientX - r.left, ev.clientY - r.top));
    } else this.panBy(-ev.deltaX * scale, -ev.deltaY * scale);
  };

  private readonly onKeyDown = (ev: KeyboardEvent) => {
    if (!this.c.session || this.c.menu) return;
    // The help dialog handles its own keys (Escape closes it).
    if (ev.composedPath().some((n) => n instanceof HTMLDialogElement)) return;
    const target = ev.composedPath()[0];
    if (target instanceof HTMLTextAreaElement && target.classList.contains('editor') && ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      return this.c.endEdit();
    }
    if (this.c.connect.active && this.c.connect.onKey(ev)) {
      ev.preventDefault();
      ev.stopPropagation();
      return;
    }
    handleKeyDown(ev, this);
  };
  private readonly onKeyUp = (ev: KeyboardEvent) => handleKeyUp(ev, this);

  /**
   * Board shortcuts anywhere on the board page, as in every board people know (N right after the
   * page opens adds a note): keys outside the canvas, not in a text field or a dialog, and not the
   * keys that move around the page (Tab, arrows, Space, Enter, Escape). Single keys only when the
   * person has not limited them to the canvas (shortcut-pref.ts).
   */
  private readonly onPageKey = (ev: KeyboardEvent) => {
    const path = ev.composedPath();
    if (ev.defaultPrevented || path.includes(this.c.host) || !this.c.session || this.c.menu) return;
    if (PAGE_KEYS_KEPT.has(ev.key) || path.some(inDialog)) return;
    const single = !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    if (single && !singleKeysEverywhere()) return;
    handleKeyDown(ev, this);
  };

  private readonly onFocusIn = (ev: FocusEvent) => {
    const id = idIn(ev.composedPath());
    if (!id || id === this.c.focusId) return;
    this.c.focusId = id;
    if (!this.pointer.busy && !this.c.selection.has(id)) this.c.select([id]);
    this.c.host.requestUpdate();
  };

  private readonly onFocusOut = (ev: FocusEvent) => {
    const t = ev.composedPath()[0];
    // Focus leaving the board (not the window) ends connecting.
    const to = ev.relatedTarget;
    if (this.c.connect.active && to instanceof Node && to !== this.c.host && !this.c.host.contains(to)) this.c.connect.cancel();
    // Focus moving elsewhere ends editing (Escape has already ended it).
    if (t instanceof HTMLTextAreaElement && t.dataset.editing && t.dataset.editing === this.c.editing?.id) this.c.endEdit(false);
  };

  private readonly onClipboard = (ev: Event) => handleClipboard(this.c, ev as ClipboardEvent);
}
