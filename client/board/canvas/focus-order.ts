/**
 * Keyboard focus over the board's elements in reading order (see geometry.ts), including
 * elements culled from the DOM: the next one is revealed first, then focused.
 */
import type { BoardElement } from '../../../shared/board/schema.js';
import type { CanvasModel } from './canvas-model.js';
import { readingOrder } from './geometry.js';
import { intersects, type Rect } from './viewport.js';

export class FocusOrder {
  private cache: BoardElement[] = [];
  private version = -1;

  constructor(private readonly model: CanvasModel) {}

  order(): BoardElement[] {
    if (this.version !== this.model.version) {
      this.cache = readingOrder(this.model.elements.values());
      this.version = this.model.version;
    }
    return this.cache;
  }

  /** The element after (dir 1) or before (dir -1) `from`; from nothing, the first one in view. */
  next(dir: 1 | -1, from: string | null, view: Rect): BoardElement | null {
    const order = this.order();
    if (from === null) return dir === 1 ? (order.find((e) => intersects(view, this.model.boxOf(e))) ?? order[0] ?? null) : null;
    const i = order.findIndex((e) => e.id === from);
    return order[i + dir] ?? null;
  }
}
