/**
 * Suggestion mode enforced by the sync layer (issue #17): while a facilitator requires it
 * (shared/vision/suggestion-settings.ts), a participant's update to the vision text may only add
 * suggestions in their own name, or withdraw their own (shared/vision/suggestion-rules.ts), or
 * resolve suggestions that change their own text (shared/vision/suggestion-resolve.ts; the caller
 * asks the attribution whose text it is). A paragraph is split or joined only by a suggested
 * break in the sender's name (shared/vision/suggestion-blocks.ts reads the blocks a change reaches
 * as one text); none is otherwise added, removed or restyled, no agreed text is otherwise removed
 * or reformatted, and no one else's suggestion is touched.
 *
 * The update is tried on a shadow copy of the vision kept beside the room's document: the copy
 * catches up with the document before each check (only what it lacks), so it also holds the
 * updates accepted earlier in the same batch, which the document gets only when the batch
 * commits. Yjs's own transaction then says which types the update changed (items that waited
 * for this one included) and what was there before: what existed before it and was not deleted
 * by it. A refused update leaves the copy behind; it is rebuilt on the next check. The copy
 * lives only while the mode is required. An update that leaves items or deletions waiting for
 * someone else's text is refused (`unknown-parent`): it would take effect, unchecked, when that
 * text arrives.
 */
import * as Y from 'yjs';
import { decodedUpdate } from '../../shared/sync/decoded.js';
import { visionFragment, VisionKey } from '../../shared/vision/schema.js';
import { SUGGESTIONS_REQUIRED, visionSettings } from '../../shared/vision/suggestion-settings.js';
import { BREAK_CHAR, readBlocks } from '../../shared/vision/suggestion-blocks.js';
import { resolutionBroken, resolutionWriters } from '../../shared/vision/suggestion-resolve.js';
import { readText, suggestionRuleBroken, type Suggester, type TextReading } from '../../shared/vision/suggestion-rules.js';

const MAX_DEPTH = 200;

/** What `topItem` reads of a Yjs type (Yjs types its tree loosely). */
interface TypeLike {
  _item: Y.Item | null;
}

/** A paragraph whose change is no suggestion: it may still resolve suggestions (suggestion-resolve.ts). */
export interface ResolutionCandidate {
  before: TextReading;
  after: TextReading;
  /** The suggestion rule it breaks, the refusal when it is no resolution either. */
  broken: string;
}

/** What an update does under suggestion mode: refused outright, or only suggestions and candidate resolutions. */
export type SuggestionJudgement = { refused: string } | { resolutions: ResolutionCandidate[] };

/** Judges `tr`, the transaction that applied the update to `doc`. */
export function judgeSuggestion(doc: Y.Doc, tr: Y.Transaction, me: Suggester): SuggestionJudgement {
  const fragment = visionFragment(doc);
  const existed = (item: Y.Item, offset: number) => item.id.clock + offset < (tr.beforeState.get(item.id.client) ?? 0);
  const deletedNow = (item: Y.Item, offset: number) => Y.isDeleted(tr.deleteSet, Y.createID(item.id.client, item.id.clock + offset));
  const visibleBefore = (n: Y.Item, i: number) => existed(n, i) && (!n.deleted || deletedNow(n, i));
  const visibleAfter = (n: Y.Item) => !n.deleted;
  const texts = new Set<Y.XmlText>();
  const structure = { refused: 'suggestion-structure' };
  // Blocks of the vision the update reaches, and whether it adds, removes or re-attributes one.
  const top = new Set<Y.Item>();
  let blocksChanged = false;
  for (const [type, keys] of tr.changed) {
    if ((type as unknown) === fragment) {
      blocksChanged = true;
      for (let n = fragment._start; n; n = n.right) if (existed(n, 0) ? n.deleted && deletedNow(n, 0) : !n.deleted) top.add(n);
      continue;
    }
    const block = topItem(type, fragment);
    if (!block) continue; // not the vision's text (comments, settings)
    top.add(block);
    if ([...keys].some((k) => k !== null)) {
      if (block === type._item) {
        blocksChanged = true; // a block's own attributes: its type, level or suggested break
        continue;
      }
      return structure; // attributes deeper down: list items, line breaks
    }
    if (type instanceof Y.XmlText) {
      texts.add(type);
      continue;
    }
    // An element: only a first text in an empty paragraph (typing into it).
    for (let n = type._start; n; n = n.right) {
      if (!existed(n, 0)) {
        if (n.deleted) continue;
        if (!(n.content instanceof Y.ContentType && n.content.type instanceof Y.XmlText)) return structure;
        texts.add(n.content.type);
      } else if (n.deleted && deletedNow(n, 0)) return structure;
    }
  }
  if (blocksChanged) {
    // From the first block reached to the last, read as one text with breaks (suggestion-blocks.ts).
    const items: Y.Item[] = [];
    for (let n = fragment._start; n; n = n.right) items.push(n);
    // The block before too: a suggested break is resolved by the writer of the text it breaks.
    const first = Math.max(0, items.findIndex((n) => top.has(n)) - 1);
    const last = items.findLastIndex((n) => top.has(n));
    const window = items.slice(first, last + 1);
    // Untouched blocks between are one unit each, but for the one before a touched block (whose text a break breaks).
    const read = (n: Y.Item) => {
      let next = n.right;
      while (next && next.deleted && !top.has(next)) next = next.right; // deleted before this change
      return next !== null && top.has(next);
    };
    const before = readBlocks(window, visibleBefore, (n) => top.has(n), read);
    const after = readBlocks(window, visibleAfter, (n) => top.has(n), read);
    if (!before || !after) return structure;
    const broken = suggestionRuleBroken(before, after, me);
    // Blocks added, removed or changed outside a suggestion: the structure rule, unless it resolves.
    const shape = (r: TextReading) => r.agreed.filter((a) => a.startsWith(BREAK_CHAR) || a.startsWith('\uFFFC')).join('\u0001');
    return { resolutions: broken ? [{ before, after, broken: shape(before) === shape(after) ? broken : 'suggestion-structure' }] : [] };
  }
  const resolutions: ResolutionCandidate[] = [];
  for (const text of texts) {
    const before = readText(text, visibleBefore);
    const after = readText(text, visibleAfter);
    const broken = suggestionRuleBroken(before, after, me);
    if (broken) resolutions.push({ before, after, broken });
  }
  return { resolutions };
}

/** The item of `root`'s child that holds `type` (null when it is `root` or not inside it). */
function topItem(type: TypeLike, root: TypeLike): Y.Item | null {
  let t: TypeLike | null = type;
  for (let hops = 0; t && hops < MAX_DEPTH; hops++) {
    const item: Y.Item | null = t._item;
    if (!item) return null;
    if ((item.parent as unknown) === root) return item;
    t = item.parent as unknown as TypeLike;
  }
  return null;
}

/**
 * The rule `resolutions` break as `memberId`'s, or null: each paragraph only resolves suggestions
 * on that member's text. `owners(clients)` gives each client's member (the attribution).
 */
export async function resolutionRefusal(
  resolutions: readonly ResolutionCandidate[],
  memberId: string,
  owners: (clients: number[]) => Promise<ReadonlyMap<number, string>>,
): Promise<string | null> {
  if (!resolutions.length) return null;
  const writers = await owners([...new Set(resolutions.flatMap((r) => [...resolutionWriters(r.before)]))]);
  for (const r of resolutions) {
    const broken = resolutionBroken(r.before, r.after, memberId, (c) => writers.get(c) === memberId, r.broken);
    if (broken) return broken;
  }
  return null;
}

/** Clients whose items a document's pending structs or deletions wait for. */
function pendingClients(doc: Y.Doc): Set<number> {
  const out = new Set<number>(doc.store.pendingStructs?.missing.keys() ?? []);
  // Yjs keeps these in the v2 encoding.
  if (doc.store.pendingDs) for (const c of Y.decodeUpdateV2(doc.store.pendingDs).ds.clients.keys()) out.add(c);
  return out;
}

export interface SuggestionCheck {
  /**
   * `update` as `me`'s: refused, or the paragraphs where it may resolve suggestions (the caller
   * decides those with the attribution and calls `drop` when it refuses).
   */
  check(doc: Y.Doc, update: Uint8Array, me: Suggester): SuggestionJudgement;
  /** The mode is off, or an update the copy took was refused: the shadow copy is dropped. */
  drop(): void;
}

export function createSuggestionCheck(): SuggestionCheck {
  let shadow: Y.Doc | null = null;
  const drop = () => {
    shadow?.destroy();
    shadow = null;
  };
  return {
    drop,
    check(doc, update, me) {
      if (!shadow) {
        shadow = new Y.Doc({ gc: false });
        // Typed before any content arrives: a root read later is a new object, not the one changed.
        visionFragment(shadow);
        Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
      } else Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(shadow)));
      const copy = shadow;
      const waiting = pendingClients(copy);
      let verdict: SuggestionJudgement = { resolutions: [] };
      let seen = false;
      // The first transaction is the update's; Yjs may follow it with a formatting clean-up.
      const judge = (tr: Y.Transaction) => {
        if (seen) return;
        seen = true;
        verdict = judgeSuggestion(copy, tr, me);
      };
      copy.on('afterTransaction', judge);
      try {
        Y.applyUpdate(copy, update);
      } catch {
        verdict = { refused: 'unreadable' };
      } finally {
        copy.off('afterTransaction', judge);
      }
      // Items or deletions left waiting for someone else's text: they would take effect when that
      // text arrives, unchecked (unmarked text beside it, or deleting it as it comes).
      const own = new Set(decodedUpdate(update).structs.map((st) => st.id.client));
      if (!('refused' in verdict) && [...pendingClients(copy)].some((c) => !waiting.has(c) && !own.has(c))) verdict = { refused: 'unknown-parent' };
      if ('refused' in verdict) drop();
      return verdict;
    },
  };
}

/**
 * Whether `update` writes the vision's settings map (a new value, or one deleted), and what it
 * sets `suggestionsRequired` to last (null: not set). A value in a root map names the map as its
 * parent only when it is the key's first; later ones name the value they follow (their origin).
 */
export function settingsWrite(doc: Y.Doc, update: Uint8Array): { touched: boolean; required: boolean | null } {
  const known: Y.Item[] = [];
  for (const item of visionSettings(doc)._map.values()) for (let n: Y.Item | null = item; n; n = n.left) known.push(n);
  // id → key: a value that names its origin leaves its key out, and has the origin's.
  const keys = new Map(known.map((n) => [`${n.id.client}:${n.id.clock}`, n.parentSub]));
  const keyOf = (id: Y.ID | null) => (id === null ? undefined : keys.get(`${id.client}:${id.clock}`));
  const { structs, ds } = decodedUpdate(update);
  let touched = false;
  let required: boolean | null = null;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue;
    const key = (s.parent as unknown) === VisionKey.settings ? s.parentSub : (keyOf(s.origin) ?? keyOf(s.rightOrigin));
    if (key === undefined) continue;
    touched = true;
    keys.set(`${s.id.client}:${s.id.clock}`, key); // a later value of the same key follows this one
    if (key === SUGGESTIONS_REQUIRED) required = s.content instanceof Y.ContentAny && s.content.arr.at(-1) === true;
  }
  for (const n of known) {
    if (n.deleted) continue;
    if ((ds.clients.get(n.id.client) ?? []).some((r) => r.clock <= n.id.clock && n.id.clock < r.clock + r.len)) touched = true;
  }
  return { touched, required };
}
