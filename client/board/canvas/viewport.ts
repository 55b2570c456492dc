/**
 * The world → screen transform of the board: `screen = world * zoom + pan`. Pure state, no DOM,
 * so the canvas, tools and tests share one definition of where things are.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
export const ZOOM_STEP = 1.25;

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export class Viewport {
  /** Screen position (CSS px inside the canvas) of world (0, 0). */
  panX = 0;
  panY = 0;
  zoom = 1;
  /** Size of the canvas in CSS px. */
  width = 1;
  height = 1;

  toWorld(sx: number, sy: number): Point {
    return { x: (sx - this.panX) / this.zoom, y: (sy - this.panY) / this.zoom };
  }

  toScreen(wx: number, wy: number): Point {
    return { x: wx * this.zoom + this.panX, y: wy * this.zoom + this.panY };
  }

  /** The visible world rectangle. */
  world(): Rect {
    const tl = this.toWorld(0, 0);
    return { x: tl.x, y: tl.y, w: this.width / this.zoom, h: this.height / this.zoom };
  }

  center(): Point {
    return this.toWorld(this.width / 2, this.height / 2);
  }

  panBy(dx: number, dy: number): void {
    this.panX += dx;
    this.panY += dy;
  }

  /** Zooms to `zoom` keeping the screen point (sx, sy) over the same world point. */
  zoomAt(zoom: number, sx = this.width / 2, sy = this.height / 2): void {
    const anchor = this.toWorld(sx, sy);
    this.zoom = clampZoom(zoom);
    this.panX = sx - anchor.x * this.zoom;
    this.panY = sy - anchor.y * this.zoom;
  }

  /** Centres on a world point, optionally at a new zoom. */
  centerOn(p: Point, zoom = this.zoom): void {
    this.zoom = clampZoom(zoom);
    this.panX = this.width / 2 - p.x * this.zoom;
    this.panY = this.height / 2 - p.y * this.zoom;
  }

  /**
   * Shows the whole world rectangle with a screen margin, never zooming in past `maxZoom`, in the
   * part of the screen below `top` px (what the floating toolbar covers).
   */
  fit(r: Rect, margin = 48, maxZoom = 1, top = 0): void {
    const zx = (this.width - 2 * margin) / Math.max(r.w, 1);
    const zy = (this.height - top - 2 * margin) / Math.max(r.h, 1);
    this.zoom = clampZoom(Math.min(maxZoom, zx, zy));
    this.panX = this.width / 2 - (r.x + r.w / 2) * this.zoom;
    this.panY = top + (this.height - top) / 2 - (r.y + r.h / 2) * this.zoom;
  }

  /** Pans the least needed so the world rectangle is visible (with a margin); true if it moved. */
  reveal(r: Rect, margin = 40): boolean {
    const a = this.toScreen(r.x, r.y);
    const b = this.toScreen(r.x + r.w, r.y + r.h);
    let dx = 0;
    let dy = 0;
    if (b.x - a.x > this.width - 2 * margin || a.x < margin) dx = margin - a.x;
    else if (b.x > this.width - margin) dx = this.width - margin - b.x;
    if (b.y - a.y > this.height - 2 * margin || a.y < margin) dy = margin - a.y;
    else if (b.y > this.height - margin) dy = this.height - margin - b.y;
    this.panBy(dx, dy);
    return dx !== 0 || dy !== 0;
  }
}

export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/** The smallest rectangle around all of `rects` (null for none). */
export function union(rects: Iterable<Rect>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A rectangle from two corner points in any order. */
export const rectFrom = (a: Point, b: Point): Rect => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
