/**
 * Which entries of a document an update touches. An entry is a key of a root map: a board
 * element, a charter actor, an organisation's maturity. Found from the update's items and delete
 * set against the document as it is (and the update's own items), never by applying the update,
 * so the sync layer can check *what* an update changes before it is stored: ownership, frozen
 * principles, author fields (server/sync/ownership.ts).
 *
 * An item's entry is found by walking up: an item whose parent is a root map is the entry's value
 * (a new or replacing one: `create`); an item inside it changes the entry (`change`); a deletion
 * of the entry's value deletes it (`delete`), and so does a new value that comes deleted (made and
 * removed before it was sent: it creates nothing). An item the walk cannot place (its parent or
 * origin is neither in the document nor in the update) makes the update unplaceable; an update
 * that waits for the sender's own earlier items is held before it gets here (room-hold.ts), so
 * what cannot be placed is someone else's that this instance lacks. An item whose parent or
 * neighbour the document has garbage-collected (it sat in an entry deleted meanwhile: an edit made
 * offline, or concurrently with the deletion) touches nothing: Yjs collects it too when applied.
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';

export type TouchKind = 'create' | 'change' | 'delete';

export interface Touch {
  root: string;
  key: string;
  kind: TouchKind;
  /**
   * Top-level fields of the entry's value that the update writes, with their new plain values
   * (undefined for a shared type, a deletion or content other than a plain value).
   */
  fields: Map<string, unknown>;
}

/** Where an item sits: its root, the entry key (null in a root sequence), and whether it is the entry's value or a field of it. */
interface Place {
  root: string;
  key: string | null;
  /** 0: the entry's value; 1: a field of the value map; 2: deeper. */
  level: number;
  field: string | null;
}

const MAX_HOPS = 200;

export type Touched = { ok: true; touches: Touch[] } | { ok: false };

/** `context`: items of updates queued before this one (not yet in `doc`) that it may build on. */
export function touchedEntries(update: Uint8Array, doc: Y.Doc, context: readonly Y.Item[] = []): Touched & { items?: Y.Item[] } {
  const { structs, ds } = decodedUpdate(update);
  const own = indexItems(context.length ? [...structs, ...context] : structs);
  const touches = new Map<string, Touch>();
  const touch = (root: string, key: string, kind: TouchKind): Touch => {
    const id = `${root}\u0000${key}`;
    const t = touches.get(id);
    if (!t) {
      const made: Touch = { root, key, kind, fields: new Map() };
      touches.set(id, made);
      return made;
    }
    // A deletion and a new value in one update replace the entry: the new value is what counts.
    if (kind === 'create' || (kind === 'delete' && t.kind === 'change')) t.kind = kind;
    return t;
  };

  // References to collected content: Yjs collects the item as well (Item.getMissing: its parent
  // becomes null). Set by `find` during a walk.
  const walk = { collected: false };
  const find = (id: Y.ID): Y.Item | null => {
    const found = findItem(id, doc, own);
    if (found === COLLECTED) walk.collected = true;
    return found === COLLECTED ? null : found;
  };
  const placeOfUpdateItem = (item: Y.Item, hops: number): Place | null => {
    if (hops > MAX_HOPS) return null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, key: item.parentSub, level: 0, field: null };
    if (parent instanceof Y.ID) {
      const container = find(parent);
      const up = container && placeOf(container, hops + 1);
      return up ? deeper(up, item.parentSub) : null;
    }
    // Parent info left out: the item goes where its origin (or right origin) is, beside it; beside
    // collected content on either side, it is collected.
    if ([item.origin, item.rightOrigin].some((id) => id && findItem(id, doc, own) === COLLECTED)) {
      walk.collected = true;
      return null;
    }
    const neighbour = item.origin ?? item.rightOrigin;
    const beside = neighbour && find(neighbour);
    return beside ? placeOf(beside, hops + 1) : null;
  };
  const placeOf = (item: Y.Item, hops: number): Place | null => {
    if (own.has(item)) return placeOfUpdateItem(item, hops);
    return placeOfDocItem(item);
  };

  const fieldsOf = new Map<string, Y.Item[]>();
  for (const f of structs) {
    if (!(f instanceof Y.Item) || !(f.parent instanceof Y.ID) || f.parentSub === null) continue;
    const list = fieldsOf.get(idKey(f.parent)) ?? [];
    list.push(f);
    fieldsOf.set(idKey(f.parent), list);
  }

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    // Items the document already has are resent history (a client's sync step 2), not changes.
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue;
    walk.collected = false;
    const place = placeOfUpdateItem(s, 0);
    if (!place) {
      if (walk.collected as boolean) continue;
      return { ok: false };
    }
    if (place.key === null) continue;
    if (place.level === 0 && s.content instanceof Y.ContentDeleted) {
      // A value deleted before it was sent (a note made and removed offline) creates nothing; over
      // a current value it may take its place, as a deletion would.
      if (hasValue(doc, place.root, place.key)) touch(place.root, place.key, 'delete');
      continue;
    }
    const t = touch(place.root, place.key, place.level === 0 ? 'create' : 'change');
    if (place.level === 1 && place.field !== null) t.fields.set(place.field, plainValue(s));
    else if (place.level > 1 && place.field !== null && !t.fields.has(place.field)) t.fields.set(place.field, undefined);
    if (place.level === 0) {
      // The entry's own fields written in this update: items whose parent is this new value.
      for (const f of fieldsOf.get(idKey(s.id)) ?? []) t.fields.set(f.parentSub!, plainValue(f));
    }
  }

  for (const [client, ranges] of ds.clients) {
    const store = doc.store.clients.get(client);
    if (!store) continue;
    const known = Y.getState(doc.store, client);
    for (const r of ranges) {
      const end = Math.min(r.clock + r.len, known);
      if (r.clock >= end) continue;
      for (let i = Y.findIndexSS(store, r.clock); i < store.length && store[i]!.id.clock < end; i++) {
        const item = store[i]!;
        if (!(item instanceof Y.Item) || item.deleted) continue;
        const place = placeOfDocItem(item);
        if (!place || place.key === null) continue;
        const t = touch(place.root, place.key, place.level === 0 ? 'delete' : 'change');
        if (place.level >= 1 && place.field !== null && !t.fields.has(place.field)) t.fields.set(place.field, undefined);
      }
    }
  }
  // A deleted entry's fields go with it: nothing of them is written.
  for (const t of touches.values()) if (t.kind === 'delete') t.fields.clear();
  return { ok: true, touches: [...touches.values()], items: structs.filter((s): s is Y.Item => s instanceof Y.Item) };
}

/** Whether the root map `root` holds a (not deleted) value under `key`; read without creating the root. */
function hasValue(doc: Y.Doc, root: string, key: string): boolean {
  const item = doc.share.get(root)?._map.get(key);
  return item !== undefined && !item.deleted;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

function deeper(p: Place, parentSub: string | null): Place {
  return { root: p.root, key: p.key, level: p.level + 1, field: p.level === 0 ? parentSub : p.field };
}

/** An integrated item's place, walking up through the types that contain it. */
function placeOfDocItem(item: Y.Item): Place | null {
  const chain: Y.Item[] = [item];
  let it = item;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const parent = it.parent as Y.AbstractType<unknown> | null;
    if (!parent) return null;
    if (parent._item === null) {
      const root = rootName(parent);
      if (root === null) return null;
      const top = chain[chain.length - 1]!;
      const level = chain.length - 1;
      const field = level >= 1 ? chain[chain.length - 2]!.parentSub : null;
      return { root, key: top.parentSub, level, field };
    }
    it = parent._item;
    chain.push(it);
  }
  return null;
}

/** Yjs's own lookup, which throws for a type that is not a root of its document. */
function rootName(type: Y.AbstractType<unknown>): string | null {
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return null;
  }
}

type Own = Set<Y.Item> & { byClient?: Map<number, Y.Item[]> };

function indexItems(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Own {
  const own: Own = new Set();
  const byClient = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    own.add(s);
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  own.byClient = byClient;
  return own;
}

/** Stands for a garbage-collected struct of the document (the content of a deleted type). */
const COLLECTED = Symbol('collected');

/** The item holding clock `id` in the document or in the update, COLLECTED, or null when neither has it. */
function findItem(id: Y.ID, doc: Y.Doc, own: Own): Y.Item | typeof COLLECTED | null {
  const list = own.byClient?.get(id.client);
  if (list) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
  }
  const store = doc.store.clients.get(id.client);
  if (!store || id.clock >= Y.getState(doc.store, id.client)) return null;
  const s = store[Y.findIndexSS(store, id.clock)];
  return s instanceof Y.Item ? s : s instanceof Y.GC ? COLLECTED : null;
}

function plainValue(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.arr[item.content.arr.length - 1] : item.content instanceof Y.ContentString ? item.content.str : undefined;
}
