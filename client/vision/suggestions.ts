/**
 * Suggestions in the live editor: the per-person mode (a plugin whose state the toolbar reads),
 * the list of pending suggestions read from the document, and accepting or rejecting them.
 *
 * Accepting an insertion keeps its text (the mark goes), rejecting it deletes the text;
 * accepting a deletion deletes the text, rejecting it keeps the text (the mark goes).
 *
 * Who may resolve a suggestion: a facilitator, or the member whose text it changes: for a
 * deletion the writer of every character it strikes, for an insertion the writer of the agreed
 * text just before it in its paragraph (else just after it; in an empty paragraph, facilitators
 * only), as the server's attribution says. While suggestions are required of participants, the
 * server checks the same rule (shared/vision/suggestion-resolve.ts). Everyone may withdraw their
 * own.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { suggestionAttrs, type SuggestionAttrs, type SuggestionKind } from '../../shared/vision/suggestion-marks.js';
import { visionSchema } from '../../shared/vision/schema.js';
import { SUGGEST_SKIP } from './suggest-transform.js';

export interface SuggestMode {
  /** This person suggests instead of editing. */
  on: boolean;
  /** A facilitator requires it of participants: the person cannot turn it off. */
  forced: boolean;
}

export const suggestModeKey = new PluginKey<SuggestMode>('vision-suggest-mode');

export function suggestModePlugin(initial: SuggestMode): Plugin<SuggestMode> {
  return new Plugin<SuggestMode>({
    key: suggestModeKey,
    state: {
      init: () => initial,
      apply: (tr, mode) => {
        const next = tr.getMeta(suggestModeKey) as Partial<SuggestMode> | undefined;
        if (!next) return mode;
        const merged = { ...mode, ...next };
        return { on: merged.on || merged.forced, forced: merged.forced };
      },
    },
  });
}

export const suggesting = (state: EditorState): boolean => suggestModeKey.getState(state)?.on ?? false;

export interface Suggestion {
  /** `kind:id`: an id is unique to one suggestion of one kind. */
  key: string;
  id: string;
  kind: SuggestionKind;
  attrs: SuggestionAttrs;
  ranges: Array<{ from: number; to: number }>;
  text: string;
}

/** Pending suggestions in document order. */
export function listSuggestions(doc: PMNode): Suggestion[] {
  const byKey = new Map<string, Suggestion>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const kind of ['insertion', 'deletion'] as const) {
      const attrs = suggestionAttrs(visionSchema.marks[kind]!.isInSet(node.marks)?.attrs);
      if (!attrs) continue;
      const key = `${kind}:${attrs.id}`;
      const s = byKey.get(key) ?? { key, id: attrs.id, kind, attrs, ranges: [], text: '' };
      byKey.set(key, s);
      const last = s.ranges.at(-1);
      if (last && last.to === pos) last.to += node.nodeSize;
      else {
        if (last) s.text += ' … ';
        s.ranges.push({ from: pos, to: pos + node.nodeSize });
      }
      s.text += node.text ?? '';
    }
    return false;
  });
  return [...byKey.values()];
}

/** One transaction resolving `list` (accept or reject), passed through suggestion mode as it is. */
export function resolveSuggestions(state: EditorState, list: readonly Suggestion[], accept: boolean): Transaction {
  const tr = state.tr;
  const ops = list.flatMap((s) => s.ranges.map((r) => ({ ...r, kind: s.kind })));
  ops.sort((a, b) => b.from - a.from); // from the end: earlier positions stay valid
  for (const op of ops) {
    if (op.to > tr.doc.content.size) continue;
    const removesText = (op.kind === 'insertion') !== accept;
    if (removesText) tr.delete(op.from, op.to);
    else tr.removeMark(op.from, op.to, visionSchema.marks[op.kind]!);
  }
  return tr.setMeta(SUGGEST_SKIP, true);
}

/**
 * Where the text a suggestion changes starts: the first deleted character, or the agreed
 * character before an insertion in its paragraph (else the one after). Null: no such text.
 */
export function changedTextAt(doc: PMNode, s: Suggestion): number | null {
  if (s.kind === 'deletion') return s.ranges[0]?.from ?? null;
  const first = s.ranges[0];
  if (!first) return null;
  const $pos = doc.resolve(first.from);
  const start = $pos.start();
  const end = $pos.end();
  const agreed = (n: PMNode | null | undefined) => !!n && n.isText && !visionSchema.marks.insertion!.isInSet(n.marks);
  for (let p = first.from; p > start; p--) if (agreed(doc.resolve(p).nodeBefore)) return p - 1;
  const last = s.ranges.at(-1)!;
  for (let p = last.to; p < end; p++) if (agreed(doc.resolve(p).nodeAfter)) return p;
  return null;
}
