/**
 * Bold and italic as suggestions (issue #17): while someone suggests, making agreed text bold or
 * italic (or not) marks it with a formatting suggestion in their name instead
 * (shared/vision/suggestion-marks.ts, `formatting`); their own pending insertions are formatted
 * directly, and text someone else has a suggestion on is left alone. Toggling back what one
 * suggested withdraws it. Links, headings, lists and quotes are not suggested.
 */
import { type Mark, type MarkType } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import { FORMAT_KEYS, FORMAT_MARK, readFormatting, suggestionAttrs, type FormatKey, type FormatSuggestion } from '../../shared/vision/suggestion-marks.js';
import { visionSchema } from '../../shared/vision/schema.js';
import type { Suggester } from './suggest-transform.js';

const insertion = visionSchema.marks.insertion!;
const formatting = visionSchema.marks[FORMAT_MARK]!;
const keyOf = (type: MarkType): FormatKey | null => (FORMAT_KEYS as readonly string[]).includes(type.name) ? (type.name as FormatKey) : null;

/**
 * `tr` as formatting suggestions by `me`; null when it formats in a way that cannot be suggested;
 * undefined when it is no change of formatting.
 */
export function suggestFormatting(state: EditorState, tr: Transaction, me: Suggester): Transaction | null | undefined {
  if (!tr.steps.length || !tr.steps.every((s) => s instanceof AddMarkStep || s instanceof RemoveMarkStep)) return undefined;
  const out = state.tr;
  for (const step of tr.steps as Array<AddMarkStep | RemoveMarkStep>) {
    const key = keyOf(step.mark.type);
    if (!key) return null;
    const add = step instanceof AddMarkStep;
    // One new suggestion per change, however many text nodes it spans.
    let fresh: Record<string, unknown> | null = null;
    const made = () => (fresh ??= { id: me.newId(), memberId: me.memberId, organisationId: me.organisationId, createdAt: me.now(), strong: null, em: null });
    out.doc.nodesBetween(step.from, step.to, (node, pos) => {
      if (!node.isText) return true;
      const a = Math.max(pos, step.from);
      const b = Math.min(pos + node.nodeSize, step.to);
      const ins = suggestionAttrs(insertion.isInSet(node.marks)?.attrs);
      if (ins) {
        // One's own pending words take the formatting itself; someone else's stay as they are.
        if (ins.memberId === me.memberId && add) out.addMark(a, b, step.mark);
        else if (ins.memberId === me.memberId) out.removeMark(a, b, step.mark.type);
        return false;
      }
      const pending = formatting.isInSet(node.marks);
      const current = pending ? readFormatting(pending.attrs) : null;
      if (pending && current?.memberId !== me.memberId) return false; // someone else's suggestion on it
      const has = !!step.mark.type.isInSet(node.marks);
      const attrs: Record<string, unknown> = { ...(current ?? made()) };
      // The text's own formatting already as asked: one's suggestion of the opposite is withdrawn;
      // asking again what one suggested (Ctrl+B twice, as the toolbar cannot show it pressed)
      // withdraws it too.
      const asked = add ? 'add' : 'remove';
      attrs[key] = has === add || current?.[key] === asked ? null : asked;
      if (readFormatting(attrs)) out.addMark(a, b, formatting.create(attrs));
      else if (pending) out.removeMark(a, b, formatting);
      return false;
    });
  }
  for (const key of ['addToHistory', 'uiEvent']) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key));
  return out.setSelection(state.selection.map(out.doc, out.mapping));
}

/** The formatting a pending suggestion would set, as marks to add and mark types to remove. */
export function formattingOf(f: Partial<Pick<FormatSuggestion, 'strong' | 'em'>> | null | undefined): { add: Mark[]; remove: MarkType[] } {
  const add: Mark[] = [];
  const remove: MarkType[] = [];
  for (const key of FORMAT_KEYS) {
    if (f?.[key] === 'add') add.push(visionSchema.marks[key]!.create());
    else if (f?.[key] === 'remove') remove.push(visionSchema.marks[key]!);
  }
  return { add, remove };
}
