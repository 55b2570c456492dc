/**
 * Paragraph breaks as suggestions (issue #17), for blocks directly in the vision: Enter splits the
 * paragraph and marks the new one as split off by this person (a suggested break); Backspace at a
 * paragraph's start (Delete at its end) suggests joining it onto the one before (after), or
 * withdraws one's own suggested break by joining them for good. The break is a string attribute
 * of the block after it (shared/vision/suggestion-marks.ts); the server reads it as a character
 * (shared/vision/suggestion-blocks.ts). In lists and quotes, Enter is no suggestion.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { BREAKABLE } from '../../shared/vision/suggestion-blocks.js';
import { readBreak, SUGGESTED_BREAK, writeBreak, type SuggestedBreak, type SuggestionKind } from '../../shared/vision/suggestion-marks.js';
import { visionSchema } from '../../shared/vision/schema.js';
import { SUGGEST_SKIP, type Suggester } from './suggest-transform.js';
import { suggesting } from './suggestions.js';

const fresh = (me: Suggester, kind: SuggestionKind): SuggestedBreak => ({ kind, id: me.newId(), memberId: me.memberId, organisationId: me.organisationId, createdAt: me.now() });
const done = (tr: Transaction) => tr.setMeta(SUGGEST_SKIP, true).scrollIntoView();

/** Enter: a suggested break at the caret. */
function suggestSplit(me: Suggester): Command {
  return (state, dispatch) => {
    const { $from, empty } = state.selection;
    if (!suggesting(state) || !empty || $from.depth !== 1 || !BREAKABLE.has($from.parent.type.name)) return false;
    const block = $from.parent;
    // After a heading's last word comes a paragraph, as without suggestion mode.
    const type = $from.parentOffset === block.content.size && block.type !== visionSchema.nodes.paragraph ? visionSchema.nodes.paragraph! : block.type;
    const attrs = { ...(type === block.type ? block.attrs : {}), placeholder: null, [SUGGESTED_BREAK]: writeBreak(fresh(me, 'insertion')) };
    if (dispatch) dispatch(done(state.tr.split($from.pos, 1, [{ type, attrs }])));
    return true;
  };
}

/**
 * The break before the block at `pos` (Backspace at its start, or Delete at the end of the block
 * before), with the caret left at `caret`.
 */
function suggestJoin(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, me: Suggester, pos: number, caret: number): boolean {
  const $pos = state.doc.resolve(pos);
  const block: PMNode | null = $pos.nodeAfter;
  const before: PMNode | null = $pos.nodeBefore;
  if ($pos.depth !== 0 || !block || !before || !BREAKABLE.has(block.type.name) || !before.isTextblock) return false;
  if (!dispatch) return true;
  const br = readBreak(block.attrs[SUGGESTED_BREAK]);
  if (br?.kind === 'insertion' && br.memberId === me.memberId) {
    dispatch(done(state.tr.join(pos))); // one's own suggested break, withdrawn
    return true;
  }
  const tr = state.tr;
  // Anyone's pending break stays as it is; an agreed one is suggested away.
  if (!br) tr.setNodeAttribute(pos, SUGGESTED_BREAK, writeBreak(fresh(me, 'deletion')));
  dispatch(done(tr.setSelection(TextSelection.create(tr.doc, caret))));
  return true;
}

/** Enter, Backspace and Delete while suggesting; each falls through where it does not apply. */
export function suggestBreakKeys(me: Suggester): Record<string, Command> {
  return {
    Enter: suggestSplit(me),
    Backspace: (state, dispatch) => {
      const { $from, empty } = state.selection;
      if (!suggesting(state) || !empty || $from.depth !== 1 || $from.parentOffset !== 0 || $from.index(0) === 0) return false;
      const at = $from.before(1);
      return suggestJoin(state, dispatch, me, at, at - 1);
    },
    Delete: (state, dispatch) => {
      const { $from, empty } = state.selection;
      if (!suggesting(state) || !empty || $from.depth !== 1 || $from.parentOffset !== $from.parent.content.size) return false;
      return suggestJoin(state, dispatch, me, $from.after(1), $from.pos);
    },
  };
}

interface BreakLook {
  colour(memberId: string): { strong: string; soft: string };
  title(kind: SuggestionKind, memberId: string): string;
}

/**
 * Each suggested break shown on the block after it: a pilcrow (¶) in the suggesting
 * organisation's colour before its first word, struck through for a join, with who suggested it
 * as the block's title.
 */
export function breakDecorationsPlugin(look: BreakLook): Plugin {
  const build = (doc: PMNode) => {
    const decorations: Decoration[] = [];
    doc.forEach((node, pos) => {
      const br = node.isTextblock ? readBreak(node.attrs[SUGGESTED_BREAK]) : null;
      if (!br) return;
      const c = look.colour(br.memberId);
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          class: `suggested-break ${br.kind}`,
          style: `--change-strong:${c.strong};--change-soft:${c.soft}`,
          title: look.title(br.kind, br.memberId),
          'data-suggestion': `${br.kind}:${br.id}`,
        }),
      );
    });
    return DecorationSet.create(doc, decorations);
  };
  const plugin: Plugin<DecorationSet> = new Plugin<DecorationSet>({
    state: {
      init: (_, state) => build(state.doc),
      apply: (tr, set) => (tr.docChanged ? build(tr.doc) : set),
    },
    props: { decorations: (state) => plugin.getState(state) },
  });
  return plugin;
}
