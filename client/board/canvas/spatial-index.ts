/**
 * A uniform grid hash of element boxes for culling and hit-testing. Updating one element touches
 * only the cells of its old and new box, so a remote edit costs O(cells of that element).
 */
import type { Rect } from './viewport.js';

const CELL = 512;
/** Boxes spanning more cells than this (huge frames, hostile sizes) are kept in one list. */
const MAX_CELLS = 256;
const BIG = 'big';

export class SpatialIndex {
  private readonly cells = new Map<string, Set<string>>();
  private readonly boxes = new Map<string, Rect>();

  get size(): number {
    return this.boxes.size;
  }

  set(id: string, box: Rect): void {
    const old = this.boxes.get(id);
    if (old && old.x === box.x && old.y === box.y && old.w === box.w && old.h === box.h) return;
    if (old) this.forCells(old, (k) => this.cells.get(k)?.delete(id));
    this.boxes.set(id, box);
    this.forCells(box, (k) => {
      let cell = this.cells.get(k);
      if (!cell) this.cells.set(k, (cell = new Set()));
      cell.add(id);
    });
  }

  delete(id: string): void {
    const old = this.boxes.get(id);
    if (!old) return;
    this.forCells(old, (k) => {
      const cell = this.cells.get(k);
      cell?.delete(id);
      if (cell?.size === 0) this.cells.delete(k);
    });
    this.boxes.delete(id);
  }

  box(id: string): Rect | undefined {
    return this.boxes.get(id);
  }

  /** Ids whose box intersects `r` (unordered). */
  query(r: Rect): Set<string> {
    const out = new Set<string>();
    // A huge query (zoomed far out) would walk many empty cells: scan the boxes instead.
    const cellCount = (Math.floor((r.x + r.w) / CELL) - Math.floor(r.x / CELL) + 1) * (Math.floor((r.y + r.h) / CELL) - Math.floor(r.y / CELL) + 1);
    if (cellCount > this.cells.size) {
      for (const [id, b] of this.boxes) if (hit(r, b)) out.add(id);
      return out;
    }
    this.forCells(
      r,
      (k) => {
        for (const id of this.cells.get(k) ?? []) if (!out.has(id) && hit(r, this.boxes.get(id)!)) out.add(id);
      },
      false,
    );
    return out;
  }

  private forCells(r: Rect, fn: (key: string) => void, indexing = true): void {
    const x0 = Math.floor(r.x / CELL);
    const y0 = Math.floor(r.y / CELL);
    const x1 = Math.floor((r.x + r.w) / CELL);
    const y1 = Math.floor((r.y + r.h) / CELL);
    if (indexing && (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) return fn(BIG);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) fn(`${cx},${cy}`);
    if (!indexing) fn(BIG);
  }
}

const hit = (a: Rect, b: Rect) => a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
