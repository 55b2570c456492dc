/**
 * The canvas's view model of a board document: id → element, a spatial index of their boxes,
 * the z order, and which connectors hang on which element. It observes the document once and
 * updates only the ids a transaction touched, then tells the canvas which ids changed.
 */
import type * as Y from 'yjs';
import type { BoardDoc } from '../../../shared/board/board-doc.js';
import type { BoardElement } from '../../../shared/board/schema.js';
import { SpatialIndex } from './spatial-index.js';
import { union, type Rect } from './viewport.js';
import { isBox } from '../../../shared/board/kinds.js';

const byZ = (a: BoardElement, b: BoardElement) => (a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : 1);

export class CanvasModel {
  readonly elements = new Map<string, BoardElement>();
  readonly index = new SpatialIndex();
  /** endpoint id → connector ids bound to it */
  private readonly links = new Map<string, Set<string>>();
  private sorted: BoardElement[] | null = null;
  private rank: Map<string, number> | null = null;
  /** Bumped on every change; views cache derived lists against it. */
  version = 0;

  constructor(
    private readonly board: BoardDoc,
    private readonly onChange: (ids: Set<string>) => void,
  ) {}

  start(): void {
    for (const e of this.board.list()) this.put(e);
    for (const e of this.elements.values()) if (!isBox(e)) this.index.set(e.id, this.boxOf(e));
    this.board.elements.observeDeep(this.observe);
  }

  stop(): void {
    this.board.elements.unobserveDeep(this.observe);
  }

  get(id: string): BoardElement | undefined {
    return this.elements.get(id);
  }

  /** All elements back to front. */
  ordered(): BoardElement[] {
    this.sorted ??= [...this.elements.values()].sort(byZ);
    return this.sorted;
  }

  /** Position in the z order (for CSS z-index). */
  zRank(id: string): number {
    if (!this.rank) this.rank = new Map(this.ordered().map((e, i) => [e.id, i]));
    return this.rank.get(id) ?? 0;
  }

  /** Elements whose box meets `r`, back to front. */
  within(r: Rect): BoardElement[] {
    const ids = this.index.query(r);
    const out: BoardElement[] = [];
    for (const id of ids) {
      const e = this.elements.get(id);
      if (e) out.push(e);
    }
    return out.sort(byZ);
  }

  /** The world box of an element; a connector's is the box around its two ends. */
  boxOf(e: BoardElement): Rect {
    if (isBox(e)) return { x: e.x, y: e.y, w: e.w, h: e.h };
    const ends = [e.from, e.to].map((id) => (id ? this.elements.get(id) : undefined)).filter((x): x is BoardElement => !!x);
    return union(ends.map((x) => ({ x: x.x, y: x.y, w: x.w, h: x.h }))) ?? { x: e.x, y: e.y, w: 0, h: 0 };
  }

  connectorsOf(id: string): Iterable<string> {
    return this.links.get(id) ?? [];
  }

  private readonly observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const touched = new Set<string>();
    for (const ev of events) {
      const head = ev.path[0];
      if (typeof head === 'string') touched.add(head);
      else for (const key of ev.changes.keys.keys()) touched.add(key);
    }
    const changed = new Set<string>();
    for (const id of touched) {
      const before = this.elements.get(id);
      const after = this.board.get(id);
      if (before && !isBox(before)) this.unlink(before);
      if (after) this.put(after);
      else this.remove(id);
      changed.add(id);
      if (!before || !after || before.z !== after.z) this.sorted = this.rank = null;
      for (const c of this.connectorsOf(id)) changed.add(c);
    }
    for (const id of changed) {
      const e = this.elements.get(id);
      if (e && !isBox(e)) this.index.set(id, this.boxOf(e));
    }
    this.version++;
    this.onChange(changed);
  };

  private put(e: BoardElement): void {
    this.elements.set(e.id, e);
    if (!isBox(e)) {
      for (const end of [e.from, e.to]) if (end) (this.links.get(end) ?? this.links.set(end, new Set()).get(end)!).add(e.id);
    } else this.index.set(e.id, this.boxOf(e));
  }

  private remove(id: string): void {
    this.elements.delete(id);
    this.index.delete(id);
  }

  private unlink(c: BoardElement): void {
    for (const end of [c.from, c.to]) if (end) this.links.get(end)?.delete(c.id);
  }
}
