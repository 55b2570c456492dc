/**
 * What every typed accessor of the charter document stands on (./charter-doc.ts): its maps, the
 * order of ordered collections (fractional keys; `move` places an item between two neighbours),
 * and the untrusted-tolerant helpers that insert, patch and rewrite entries in one transaction.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { CF, CharterKey, CharterLimits as L, type CharterSource } from './schema.js';

type Entries = Y.Map<Y.Map<unknown>>;
/** The report's methods kept as lists (./charter-methods.ts). */
export type MethodCollection = 'benefits' | 'roadmap' | 'services';
export type OrderedCollection = 'actors' | 'bodies' | 'escalation' | 'funding' | 'decisions' | 'principles' | MethodCollection;

export const yText = (s: string, max: number = L.textMax) => {
  const t = new Y.Text();
  t.insert(0, s.slice(0, max));
  return t;
};
export const byOrder = <T extends { order: string; id: string }>(a: T, b: T) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1);

export class CharterDocCore {
  constructor(
    readonly doc: Y.Doc,
    protected readonly newId: () => string,
  ) {}

  map(key: keyof typeof CharterKey & string): Entries {
    return this.doc.getMap<Y.Map<unknown>>(CharterKey[key]);
  }

  /** Moves an item between two neighbours (ids, or null for either end). */
  move(collection: OrderedCollection, id: string, after: string | null, before: string | null, origin: unknown): void {
    const m = this.map(collection).get(id);
    if (!m) return;
    const orderOf = (x: string | null) => (x ? (this.map(collection).get(x)?.get(CF.order) as string | undefined) ?? null : null);
    const lo = orderOf(after);
    let hi = orderOf(before);
    if (lo !== null && hi !== null && lo >= hi) hi = null;
    this.doc.transact(() => m.set(CF.order, safeKey(lo, hi)), origin);
  }

  protected collect<T>(key: keyof typeof CharterKey & string, read: (id: string, m: Y.Map<unknown>) => T | null): T[] {
    const out: T[] = [];
    this.map(key).forEach((m, id) => {
      const v = m instanceof Y.Map ? read(id, m) : null;
      if (v) out.push(v);
    });
    return out;
  }

  protected insert(collection: OrderedCollection, fields: Record<string, unknown>, origin: unknown): string {
    const id = this.newId();
    const last = this.collect(collection, (_id, m) => (typeof m.get(CF.order) === 'string' ? (m.get(CF.order) as string) : null)).sort().at(-1) ?? null;
    this.doc.transact(() => this.map(collection).set(id, fill({ ...fields, [CF.order]: safeKey(last, null) })), origin);
    return id;
  }

  protected patch(collection: OrderedCollection, id: string, patch: Record<string, unknown>, origin: unknown): void {
    const m = this.map(collection).get(id);
    if (!(m instanceof Y.Map)) return;
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) continue;
        if (v === null) m.delete(k);
        else m.set(k, typeof v === 'string' ? v.slice(0, L.nameMax) : v);
      }
    }, origin);
  }

  protected replaceText(collection: OrderedCollection, id: string, field: string, value: string, origin: unknown, max: number = L.textMax): void {
    const t = this.map(collection).get(id)?.get(field);
    if (!(t instanceof Y.Text)) return;
    this.doc.transact(() => {
      t.delete(0, t.length);
      t.insert(0, value.slice(0, max));
    }, origin);
  }
}

export function replaceIn(t: Y.Text, value: string, max: number = L.textMax): void {
  t.delete(0, t.length);
  t.insert(0, value.slice(0, max));
}

export function sourceFields(source: CharterSource | undefined): Record<string, string> {
  return source ? { [CF.sourceBoard]: source.boardId, [CF.sourceElement]: source.elementId, [CF.sourceAuthor]: source.authorId } : {};
}

export function fill(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

/** generateKeyBetween, tolerant of hostile keys written by someone else. */
export function safeKey(lo: string | null, hi: string | null): string {
  try {
    return generateKeyBetween(lo, hi);
  } catch {
    // A neighbour's key is malformed: place at the start; ties order by id.
    return generateKeyBetween(null, null);
  }
}
