/**
 * How deep the shared types an update creates would sit: a root type is level 0, a type inside it
 * level 1 (a board element), and so on. A member could otherwise build a chain of thousands of
 * nested types that every reader walks recursively (y-prosemirror in other members' browsers,
 * `toJSON`, the backup's id rewrite). Items are resolved through the update itself and the
 * server's document, iteratively and memoised, so the check is linear in the update's items plus
 * the (bounded) depth of what already exists.
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;
type Step = { level: number } | { item: Y.Item; add: number } | null;

/** Longer chains than this are refused without walking further (far deeper than any rule). */
const WALK_LIMIT = 10_000;

/**
 * `waits`: a new type's place depends on items neither in the document nor in the update, all of
 * them from a client that wrote this update: a provider's own earlier edits, which it sends in its
 * sync step 2 right after edits it made as it reconnected. Unknowable now, not wrong.
 */
export type DepthVerdict = 'ok' | 'too-deep' | 'no-parent' | 'waits';

/** Checks every new shared type of `structs` against `maxLevel`; `earlier`: updates queued before it, not yet in `doc`. */
export function checkTypeDepth(structs: readonly Struct[], doc: Y.Doc, maxLevel: number, earlier: readonly Struct[] = []): DepthVerdict {
  const writers = new Set(structs.map((s) => s.id.client));
  let missing: Y.ID | null;
  const local = new Map<number, Struct[]>();
  for (const s of [...earlier, ...structs]) {
    const list = local.get(s.id.client);
    if (list) list.push(s);
    else local.set(s.id.client, [s]);
  }
  for (const list of local.values()) list.sort((x, y) => x.id.clock - y.id.clock);
  const memo = new Map<Y.Item, number>();
  const find = (id: Y.ID): { item: Struct; inDoc: boolean } | null => {
    const mine = local.get(id.client);
    const hit = mine ? covering(mine, id.clock) : undefined;
    if (hit) return { item: hit, inDoc: false };
    if (id.clock < Y.getState(doc.store, id.client)) return { item: Y.getItem(doc.store, id), inDoc: true };
    missing = id;
    return null;
  };
  const step = (item: Y.Item): Step => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { level: 0 };
    if (parent instanceof Y.ID) {
      const p = find(parent);
      if (!p || !(p.item instanceof Y.Item) || !(p.item.content instanceof Y.ContentType)) return null;
      return p.inDoc ? { level: levelOf(p.item.content.type) } : { item: p.item, add: 1 };
    }
    const originId = item.origin ?? item.rightOrigin;
    const o = originId ? find(originId) : null;
    if (!o) return null;
    if (!(o.item instanceof Y.Item)) return { level: 0 }; // a collected origin: the item is collected too
    return o.inDoc ? { level: o.item.parent instanceof Y.AbstractType ? levelOf(o.item.parent) : 0 } : { item: o.item, add: 0 };
  };
  let waits = false;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue;
    missing = null;
    const container = containerLevel(s, step, memo);
    if (container === null) {
      const ref = missing as Y.ID | null; // set by `find` during the walk
      if (!ref || !writers.has(ref.client)) return 'no-parent';
      waits = true;
      continue;
    }
    if (container + 1 > maxLevel) return 'too-deep';
  }
  return waits ? 'waits' : 'ok';
}

/** The level of the type `start` lives in; null when its chain cannot be resolved. */
function containerLevel(start: Y.Item, step: (item: Y.Item) => Step, memo: Map<Y.Item, number>): number | null {
  const chain: Array<[Y.Item, number]> = [];
  let acc = 0;
  let cur = start;
  let base: number | null = null;
  for (;;) {
    const known = memo.get(cur);
    if (known !== undefined) {
      base = known;
      break;
    }
    chain.push([cur, acc]);
    if (chain.length > WALK_LIMIT) break;
    const next = step(cur);
    if (next === null) break;
    if ('level' in next) {
      base = next.level;
      break;
    }
    acc += next.add;
    cur = next.item;
  }
  if (base === null) return chain.length > WALK_LIMIT ? WALK_LIMIT : null;
  for (const [item, at] of chain) memo.set(item, base + acc - at);
  return base + acc;
}

/** Level of a type in the document: hops from it up to its root type. */
function levelOf(type: Y.AbstractType<unknown>): number {
  let n = 0;
  for (let t: Y.AbstractType<unknown> | null = type; t?._item && n < WALK_LIMIT; t = t._item.parent as Y.AbstractType<unknown> | null) n++;
  return n;
}

/** The struct of `sorted` (by clock) that covers `clock`, by binary search. */
function covering(sorted: readonly Struct[], clock: number): Struct | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}
