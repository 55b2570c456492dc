/**
 * Suggestion mode's transform: a change someone makes while suggesting becomes suggestions
 * instead. Typed or pasted text is inserted with an insertion mark in their name; agreed text
 * they delete is kept and marked as a suggested deletion; their own pending insertions are
 * really deleted (never agreed, so nothing to keep). Here, only changes to words inside a
 * paragraph; paragraph breaks (suggest-breaks.ts) and bold and italic (suggest-format.ts) have
 * their own; other structure (lists, headings, quotes, links) is refused, as the server refuses it
 * from participants while a facilitator requires suggestions (server/sync/suggestion-guard.ts).
 *
 * Written here rather than taken from @handlewithcare/prosemirror-suggest-changes: that library
 * marks whole inserted or deleted blocks with node marks, which y-prosemirror (1.3) does not
 * keep in Yjs, so such suggestions would vanish for everyone else; it joins a new suggestion to
 * a neighbouring one by rewriting the neighbour's id, i.e. changing another member's suggestion,
 * which the server must refuse; and its marks carry only an id, not who made them.
 */
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { ReplaceStep, type Step } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';
import { FORMAT_MARK, suggestionAttrs, type SuggestionAttrs } from '../../shared/vision/suggestion-marks.js';
import { visionSchema } from '../../shared/vision/schema.js';
import { suggestFormatting } from './suggest-format.js';

export interface Suggester {
  memberId: string;
  organisationId: string | null;
  now(): string;
  newId(): string;
}

/** Set on transactions that must pass as they are (accepting and rejecting suggestions). */
export const SUGGEST_SKIP = 'vision-suggest-skip';

const insertion = visionSchema.marks.insertion!;
const deletion = visionSchema.marks.deletion!;

/** The inline content of a slice that stays inside one paragraph, or null. */
function inlineContent(step: ReplaceStep): Fragment | null {
  let { content } = step.slice;
  let { openStart, openEnd } = step.slice;
  while (content.childCount === 1 && !content.firstChild!.isInline && openStart > 0 && openEnd > 0) {
    content = content.firstChild!.content;
    openStart--;
    openEnd--;
  }
  if (content.size && (openStart || openEnd)) return null;
  let ok = true;
  content.forEach((n) => (ok &&= n.isText));
  return ok ? content : null;
}

const attrsOf = (marks: readonly Mark[], type: typeof insertion): SuggestionAttrs | null => suggestionAttrs(type.isInSet(marks)?.attrs);

/** Maps a position of `tr.docs[i]` to the transformed transaction's document. */
function rebase(pos: number, steps: readonly Step[], i: number, out: Transaction, assoc = 1): number {
  let p = pos;
  for (let j = i - 1; j >= 0; j--) p = steps[j]!.getMap().invert().map(p, assoc);
  return out.mapping.map(p, assoc);
}

/**
 * `tr` as suggestions by `me`, `tr` itself when it needs no change (no edit, the Yjs binding's
 * own, or SUGGEST_SKIP), or null when it cannot be suggested (refused). Bold and italic are
 * suggested by suggest-format.ts.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, me: Suggester): Transaction | null {
  // The binding's own transactions (remote changes, undo and redo, rendering and leaving a
  // snapshot) all carry its meta; a person's edits never do.
  if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta(SUGGEST_SKIP)) return tr;
  const formatted = suggestFormatting(state, tr, me);
  if (formatted !== undefined) return formatted;
  if (!tr.steps.every((s) => s instanceof ReplaceStep)) return null;
  const out = state.tr;
  let caret: number | null = null;
  const mine = (a: SuggestionAttrs | null) => a !== null && a.memberId === me.memberId;
  const fresh = (): SuggestionAttrs => ({ id: me.newId(), memberId: me.memberId, organisationId: me.organisationId, createdAt: me.now() });
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i] as ReplaceStep;
    const content = inlineContent(step);
    if (!content) return null;
    const from = rebase(step.from, tr.steps, i, out);
    const to = rebase(step.to, tr.steps, i, out, -1);
    const $from = out.doc.resolve(from);
    if (!$from.parent.isTextblock || (to > from && !$from.sameParent(out.doc.resolve(to)))) return null;

    const base = out.steps.length;
    // Deletion: agreed text is marked, one's own insertions go, others' suggestions stay.
    const mark: Array<[number, number]> = [];
    const remove: Array<[number, number]> = [];
    out.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      const a = Math.max(pos, from);
      const b = Math.min(pos + node.nodeSize, to);
      if (mine(attrsOf(node.marks, insertion))) remove.push([a, b]);
      else if (!insertion.isInSet(node.marks) && !deletion.isInSet(node.marks)) mark.push([a, b]);
      return false;
    });
    if (mark.length) {
      // Deleting on from one's own deletion (Backspace, Backspace…) keeps one suggestion.
      const near = [out.doc.resolve(mark[0]![0]).nodeBefore, out.doc.resolve(mark.at(-1)![1]).nodeAfter];
      const attrs = near.map((n) => (n ? attrsOf(n.marks, deletion) : null)).find(mine) ?? fresh();
      for (const [a, b] of mark) out.addMark(a, b, deletion.create(attrs));
    }
    for (const [a, b] of remove.reverse()) out.delete(a, b);

    // New text goes after what was struck through (Google Docs does the same).
    const since = out.mapping.slice(base);
    const start = since.map(from, -1);
    let at = Math.max(start, Math.min(since.map(to, 1), out.doc.resolve(start).end()));
    if (content.size) {
      at = afterOthersInsertion(out.doc, at, me.memberId);
      const $at = out.doc.resolve(at);
      const attrs = [$at.nodeBefore, $at.nodeAfter].map((n) => (n ? attrsOf(n.marks, insertion) : null)).find(mine) ?? fresh();
      const nodes: PMNode[] = [];
      content.forEach((n) => nodes.push(n.mark(n.marks.filter((m) => m.type !== insertion && m.type !== deletion && m.type.name !== FORMAT_MARK).concat(insertion.create(attrs)))));
      out.insert(at, Fragment.from(nodes));
      caret = at + content.size;
    } else {
      // Backspace leaves the caret before what it struck through, Delete after it.
      const backward = i === 0 && state.selection.empty && state.selection.from === step.to;
      caret = backward ? start : at;
    }
  }
  // A keystroke's transaction may leave the selection to mapping, which would keep the caret
  // after text it only struck through: the caret is placed whenever it was at the change.
  const first = tr.steps[0] as ReplaceStep;
  const atChange = state.selection.from >= first.from && state.selection.to <= first.to;
  if (caret !== null && (tr.selectionSet || atChange)) out.setSelection(TextSelection.create(out.doc, caret));
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const key of ['paste', 'uiEvent', 'addToHistory']) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key));
  return out;
}

/** Text typed inside another member's suggested insertion goes after it, so theirs stays whole. */
function afterOthersInsertion(doc: PMNode, pos: number, memberId: string): number {
  let p = pos;
  for (;;) {
    const $p = doc.resolve(p);
    const before = $p.nodeBefore ? attrsOf($p.nodeBefore.marks, insertion) : null;
    const after = $p.nodeAfter ? attrsOf($p.nodeAfter.marks, insertion) : null;
    if (!before || !after || before.id !== after.id || before.memberId === memberId) return p;
    p += $p.nodeAfter!.nodeSize;
  }
}
