/**
 * Suggestions in the live editor: the per-person mode (a plugin whose state the toolbar reads),
 * the list of pending suggestions read from the document, and accepting or rejecting them.
 *
 * Accepting an insertion keeps its text (the mark goes), rejecting it deletes the text;
 * accepting a deletion deletes the text, rejecting it keeps the text (the mark goes); accepting
 * formatting sets it, rejecting it leaves the text as it was (the mark goes either way).
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
import { canJoin } from 'prosemirror-transform';
import {
  FORMAT_MARK,
  readBreak,
  readFormatting,
  SUGGESTED_BREAK,
  suggestionAttrs,
  type FormatSuggestion,
  type SuggestionAttrs,
  type SuggestionKind,
} from '../../shared/vision/suggestion-marks.js';
import { formattingOf } from './suggest-format.js';
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

/** A suggestion's kind: inserted or deleted text (or paragraph break), or formatting. */
export type ListedKind = SuggestionKind | 'formatting';

export interface Suggestion {
  /** `kind:id`: an id is unique to one suggestion of one kind. */
  key: string;
  id: string;
  kind: ListedKind;
  /** For formatting: what it sets. */
  format?: Pick<FormatSuggestion, 'strong' | 'em'>;
  attrs: SuggestionAttrs;
  /** For a paragraph break (suggest-breaks.ts): one empty range at the start of the block after it. */
  ranges: Array<{ from: number; to: number }>;
  /** A paragraph break's: the position of the block after it. */
  block?: number;
  /** For a break, the first words of the block after it. */
  text: string;
}

/** Pending suggestions in document order. */
export function listSuggestions(doc: PMNode): Suggestion[] {
  const byKey = new Map<string, Suggestion>();
  doc.descendants((node, pos) => {
    const br = node.isTextblock ? readBreak(node.attrs[SUGGESTED_BREAK]) : null;
    if (br && doc.resolve(pos).depth === 0) {
      const { kind, ...attrs } = br;
      const words = node.textContent.slice(0, 40);
      byKey.set(`${kind}:${br.id}`, { key: `${kind}:${br.id}`, id: br.id, kind, attrs, ranges: [{ from: pos + 1, to: pos + 1 }], block: pos, text: words });
    }
    if (!node.isText) return true;
    for (const kind of ['insertion', 'deletion', FORMAT_MARK] as const) {
      const raw = visionSchema.marks[kind]!.isInSet(node.marks)?.attrs;
      const f = kind === FORMAT_MARK ? readFormatting(raw) : null;
      const attrs = kind === FORMAT_MARK ? f : suggestionAttrs(raw);
      if (!attrs) continue;
      const key = `${kind}:${attrs.id}`;
      const s: Suggestion = byKey.get(key) ?? { key, id: attrs.id, kind, attrs, ranges: [], text: '', ...(f ? { format: { strong: f.strong, em: f.em } } : {}) };
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

/**
 * One transaction resolving `list` (accept or reject), passed through suggestion mode as it is.
 * A break's suggestion is its block's attribute: accepting a new break or rejecting a join drops
 * the attribute, rejecting a new break or accepting a join joins the block onto the one before.
 */
export function resolveSuggestions(state: EditorState, list: readonly Suggestion[], accept: boolean): Transaction {
  const tr = state.tr;
  const ops = list.flatMap((s) => (s.block !== undefined ? [{ from: s.block, to: s.block, kind: s.kind, block: true, s }] : s.ranges.map((r) => ({ ...r, kind: s.kind, block: false, s }))));
  ops.sort((a, b) => b.from - a.from || Number(a.block) - Number(b.block)); // from the end: earlier positions stay valid
  for (const op of ops) {
    if (op.to > tr.doc.content.size) continue;
    if (op.kind === FORMAT_MARK) {
      // Accepting sets the suggested formatting; either way the suggestion's mark goes.
      if (accept) {
        const { add, remove } = formattingOf(op.s.format);
        for (const m of add) tr.addMark(op.from, op.to, m);
        for (const t of remove) tr.removeMark(op.from, op.to, t);
      }
      tr.removeMark(op.from, op.to, visionSchema.marks[FORMAT_MARK]!);
      continue;
    }
    const removesText = (op.kind === 'insertion') !== accept;
    if (op.block) {
      if (!removesText) tr.setNodeAttribute(op.from, SUGGESTED_BREAK, null);
      else if (canJoin(tr.doc, op.from)) tr.join(op.from);
      else tr.setNodeAttribute(op.from, SUGGESTED_BREAK, null); // nothing before it to join onto
    } else if (removesText) tr.delete(op.from, op.to);
    else tr.removeMark(op.from, op.to, visionSchema.marks[op.kind]!);
  }
  return tr.setMeta(SUGGEST_SKIP, true);
}

/**
 * Where the text a suggestion changes starts: the first deleted character, or the agreed
 * character before an insertion in its paragraph (else the one after). Null: no such text.
 */
export function changedTextAt(doc: PMNode, s: Suggestion): number | null {
  if (s.block !== undefined) return s.kind === 'insertion' ? lastAgreedBefore(doc, s.block) : null;
  if (s.kind !== 'insertion') return s.ranges[0]?.from ?? null;
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

/** The last agreed character of the block that ends at `pos` (a new break breaks its text), or null. */
function lastAgreedBefore(doc: PMNode, pos: number): number | null {
  const before = doc.resolve(pos).nodeBefore;
  if (!before?.isTextblock) return null;
  let found: number | null = null;
  before.forEach((n, offset) => {
    if (n.isText && !visionSchema.marks.insertion!.isInSet(n.marks)) found = pos - before.nodeSize + 1 + offset + n.nodeSize - 1;
  });
  return found;
}
