/**
 * Two-finger pinch on touch screens: zooms around the fingers' midpoint and pans with it.
 * (Trackpad pinch arrives as Ctrl+wheel and is handled with the wheel.)
 */
import type { CanvasState } from './canvas-state.js';
import type { PointerTool } from './pointer-tool.js';

export class PinchGesture {
  constructor(
    private readonly c: CanvasState,
    private readonly pointer: PointerTool,
  ) {}

  private readonly touches = new Map<number, { x: number; y: number }>();
  private pinch: { dist: number; mx: number; my: number } | null = null;

  private state() {
    const [a, b] = [...this.touches.values()];
    const r = this.c.viewportEl!.getBoundingClientRect();
    return { dist: Math.hypot(a!.x - b!.x, a!.y - b!.y) || 1, mx: (a!.x + b!.x) / 2 - r.left, my: (a!.y + b!.y) / 2 - r.top };
  }

  /** A touch went down; true when it starts a pinch (the tool's gesture is cancelled). */
  down(ev: PointerEvent): boolean {
    if (ev.pointerType !== 'touch') return false;
    this.touches.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (this.touches.size !== 2) return false;
    this.pointer.cancel();
    this.pinch = this.state();
    return true;
  }

  /** True when the move belonged to a pinch. */
  move(ev: PointerEvent): boolean {
    if (!this.touches.has(ev.pointerId)) return false;
    this.touches.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    const from = this.pinch;
    if (!from || this.touches.size !== 2) return false;
    const to = this.state();
    const vp = this.c.viewport;
    this.c.userView(() => {
      vp.panBy(to.mx - from.mx, to.my - from.my);
      vp.zoomAt(vp.zoom * (to.dist / from.dist), to.mx, to.my);
    });
    this.pinch = to;
    return true;
  }

  up(ev: PointerEvent): void {
    this.touches.delete(ev.pointerId);
    if (this.touches.size < 2) this.pinch = null;
  }
}
