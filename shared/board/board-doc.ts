/**
 * Typed access to a board document. Every write is one `doc.transact(fn, origin)`; the origin
 * tags it so an UndoManager can track only the local user's changes.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { isBox, KINDS } from './kinds.js';
import { BoardKey, F, Limits, readElement, type Author, type BoardElement, type ElementKind, type PaletteColor } from './schema.js';

export interface NewElement {
  kind: ElementKind;
  x: number;
  y: number;
  w?: number;
  h?: number;
  color?: PaletteColor;
  text?: string;
  label?: string;
  from?: string;
  to?: string;
  points?: number[];
  /** Image: the uploaded file's id. */
  image?: string;
}

export type ElementPatch = Partial<Pick<BoardElement, 'x' | 'y' | 'w' | 'h' | 'color' | 'from' | 'to'>>;

export class BoardDoc {
  readonly elements: Y.Map<Y.Map<unknown>>;

  /** Lowest and highest z key, kept while nothing but our own creates change the board. */
  private zRange: { bottom: string | null; top: string | null } | null = null;

  /**
   * `may`: whether this writer may change an element (the server refuses the rest, issue #13);
   * every change below leaves the others as they are, frames carrying and deletions cascading too.
   */
  constructor(
    readonly doc: Y.Doc,
    private readonly newId: () => string,
    private readonly may: (e: BoardElement) => boolean = () => true,
  ) {
    this.elements = doc.getMap<Y.Map<unknown>>(BoardKey.elements);
    // Any change may move the extremes; recomputed on the next create (O(n), no sort).
    this.elements.observeDeep(() => (this.zRange = null));
  }

  get(id: string): BoardElement | null {
    const m = this.elements.get(id);
    return m instanceof Y.Map ? readElement(id, m) : null;
  }

  /** Every well-formed element, back to front. */
  list(): BoardElement[] {
    const out: BoardElement[] = [];
    this.elements.forEach((m, id) => {
      const e = m instanceof Y.Map ? readElement(id, m) : null;
      if (e) out.push(e);
    });
    return out.sort((a, b) => (a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Y.Text of an element's text (or label, for connectors) for inline editing. */
  textOf(id: string, field: 'text' | 'label' = 'text'): Y.Text | null {
    const v = this.elements.get(id)?.get(field === 'text' ? F.text : F.label);
    return v instanceof Y.Text ? v : null;
  }

  /**
   * `author` null: an element with no author at all (no author fields), which only the server
   * writes (an anonymous brainwriting round's notes); the sync layer refuses one from a client.
   */
  create(input: NewElement, author: Author | null, origin: unknown, now = new Date()): string {
    const id = this.newId();
    const [dw, dh] = KINDS[input.kind].size;
    const m = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, (input.text ?? '').slice(0, Limits.textMax));
    const label = new Y.Text();
    label.insert(0, (input.label ?? '').slice(0, Limits.labelMax));
    const fields: Record<string, unknown> = {
      [F.kind]: input.kind,
      [F.x]: input.x,
      [F.y]: input.y,
      [F.w]: input.w ?? dw,
      [F.h]: input.h ?? dh,
      [F.z]: this.topZ(input.kind),
      [F.color]: input.color ?? KINDS[input.kind].color,
      [F.text]: text,
      [F.label]: label,
      ...(author && {
        [F.authorId]: author.id,
        [F.authorName]: author.name,
        [F.organisationId]: author.organisationId ?? '',
        [F.organisationName]: author.organisationName ?? '',
      }),
      [F.createdAt]: now.toISOString(),
    };
    if (input.from) fields[F.from] = input.from;
    if (input.to) fields[F.to] = input.to;
    if (input.points) fields[F.points] = input.points.slice(0, Limits.pointsMax);
    if (input.image) fields[F.image] = input.image;
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      this.elements.set(id, m);
    }, origin);
    return id;
  }

  /** Whether this writer may change the element (see the constructor). */
  mayChange(id: string): boolean {
    const e = this.get(id);
    return e !== null && this.may(e);
  }

  update(id: string, patch: ElementPatch, origin: unknown): void {
    const m = this.elements.get(id);
    if (!(m instanceof Y.Map) || !this.mayChange(id)) return;
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
    }, origin);
  }

  /** Replaces the whole text of an element (outline view, tests); inline editing uses textOf(). */
  setText(id: string, value: string, origin: unknown, field: 'text' | 'label' = 'text'): void {
    const t = this.textOf(id, field);
    if (!t || !this.mayChange(id)) return;
    this.doc.transact(() => {
      t.delete(0, t.length);
      t.insert(0, value.slice(0, field === 'text' ? Limits.textMax : Limits.labelMax));
    }, origin);
  }

  /** Moves elements; a frame carries the elements lying inside it. Connectors follow by binding. */
  move(ids: string[], dx: number, dy: number, origin: unknown): void {
    const moving = new Set(ids);
    for (const id of ids) {
      const e = this.get(id);
      if (e && KINDS[e.kind].container && this.may(e)) for (const inner of this.inside(e)) moving.add(inner.id);
    }
    this.doc.transact(() => {
      for (const id of moving) {
        const m = this.elements.get(id);
        const e = this.get(id);
        if (!m || !e || !isBox(e) || !this.may(e)) continue;
        m.set(F.x, e.x + dx);
        m.set(F.y, e.y + dy);
      }
    }, origin);
  }

  /** Deletes elements and the connectors bound to them. */
  delete(ids: string[], origin: unknown): void {
    const gone = new Set(ids.filter((id) => this.mayChange(id)));
    for (const e of this.list()) if (!isBox(e) && this.may(e) && ((e.from && gone.has(e.from)) || (e.to && gone.has(e.to)))) gone.add(e.id);
    this.doc.transact(() => {
      for (const id of gone) this.elements.delete(id);
    }, origin);
  }

  bringToFront(all: string[], origin: unknown): void {
    const ids = all.filter((id) => this.mayChange(id));
    const top = this.list().at(-1)?.z ?? null;
    const keys = generateNKeysBetween(top, null, ids.length);
    this.doc.transact(() => ids.forEach((id, i) => this.elements.get(id)?.set(F.z, keys[i]!)), origin);
  }

  sendToBack(all: string[], origin: unknown): void {
    const ids = all.filter((id) => this.mayChange(id));
    const bottom = this.list()[0]?.z ?? null;
    const keys = generateNKeysBetween(null, bottom, ids.length);
    this.doc.transact(() => ids.forEach((id, i) => this.elements.get(id)?.set(F.z, keys[i]!)), origin);
  }

  /** Elements whose box lies wholly inside the frame's box (frames themselves excluded). */
  inside(frame: BoardElement): BoardElement[] {
    return this.list().filter(
      (e) => e.id !== frame.id && !KINDS[e.kind].container && isBox(e) && e.x >= frame.x && e.y >= frame.y && e.x + e.w <= frame.x + frame.w && e.y + e.h <= frame.y + frame.h,
    );
  }

  /** The innermost frame containing an element, if any. */
  frameOf(e: BoardElement): BoardElement | null {
    const frames = this.list().filter((f) => KINDS[f.kind].container && f.id !== e.id && e.x >= f.x && e.y >= f.y && e.x + e.w <= f.x + f.w && e.y + e.h <= f.y + f.h);
    return frames.sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? null;
  }

  /** Frames go under everything else: new frames get a key below the bottom, others above the top. */
  private topZ(kind: ElementKind): string {
    const range = (this.zRange ??= this.scanZ());
    if (KINDS[kind].container) return (range.bottom = generateKeyBetween(null, range.bottom));
    return (range.top = generateKeyBetween(range.top, null));
  }

  private scanZ(): { bottom: string | null; top: string | null } {
    let bottom: string | null = null;
    let top: string | null = null;
    this.elements.forEach((m) => {
      const z = m instanceof Y.Map ? m.get(F.z) : undefined;
      if (typeof z !== 'string') return;
      if (bottom === null || z < bottom) bottom = z;
      if (top === null || z > top) top = z;
    });
    return { bottom, top };
  }
}
