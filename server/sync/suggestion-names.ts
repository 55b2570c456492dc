/**
 * Nobody makes a suggestion in someone else's name (issue #17), whether or not a facilitator
 * requires suggestion mode, facilitators included: a suggestion an update writes (an insertion,
 * deletion or formatting mark, or a paragraph break) that names another member must be one the
 * vision already knows, by id and by the same member and organisation. Editors write others'
 * suggestions again in ordinary ways: y-prosemirror rewrites a paragraph by a string diff and
 * formats the text it re-inserts with the marks it had, and undoing an accepted suggestion puts
 * its mark back. The vision keeps deleted content (no garbage collection), so an accepted or
 * withdrawn suggestion is still known. What the check cannot tell apart from such a rewrite, text
 * added to another member's existing suggestion while the mode is off, is judged by meaning only
 * while the mode is required (suggestion-guard.ts).
 */
import * as Y from 'yjs';
import { FORMAT_MARK, readBreak, SuggestionMark, suggestionAttrs, type SuggestionAttrs } from '../../shared/vision/suggestion-marks.js';

const MARKS = new Set<string>([SuggestionMark.insertion, SuggestionMark.deletion, FORMAT_MARK]);

/**
 * The suggestion an item writes, if any: a mark's format attribute, or a block's break. A break is
 * known by its value alone: an attribute written again names its key only in its first value.
 */
function suggestionOf(item: Y.Item): SuggestionAttrs | null {
  const c = item.content;
  if (c instanceof Y.ContentFormat) return MARKS.has(c.key) && c.value !== null ? suggestionAttrs(c.value) : null;
  if (c instanceof Y.ContentAny) return readBreak(c.arr.at(-1));
  return null;
}

const nameOf = (a: SuggestionAttrs) => `${a.memberId}\u0000${a.organisationId ?? ''}`;

/** Every suggestion the document holds or held: id → who. */
function knownSuggestions(doc: Y.Doc): Map<string, string> {
  const known = new Map<string, string>();
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const a = suggestionOf(s);
      if (a) known.set(a.id, nameOf(a));
    }
  }
  return known;
}

/**
 * The rule an update (its decoded `structs`) breaks by writing a suggestion `doc` does not already know as written: one in
 * another member's name (`suggestion-others`), or in the sender's with another organisation than
 * theirs (`suggestion-identity`); null when it writes none.
 */
export function forgedSuggestion(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[], me: { memberId: string; organisationId: string | null }): string | null {
  const others: SuggestionAttrs[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const a = suggestionOf(s);
    if (a && (a.memberId !== me.memberId || (a.organisationId ?? null) !== me.organisationId)) others.push(a);
  }
  if (!others.length) return null;
  const known = knownSuggestions(doc);
  const forged = others.find((a) => known.get(a.id) !== nameOf(a));
  return !forged ? null : forged.memberId === me.memberId ? 'suggestion-identity' : 'suggestion-others';
}
