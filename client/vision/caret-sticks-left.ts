/**
 * Keeps my caret before what someone else types at the same spot, so two people typing at the
 * end of one paragraph each keep their run of letters together (as in Etherpad and Google Docs)
 * instead of interleaving them ("NSAkVa tstk rsivkr…").
 *
 * y-prosemirror (1.3) restores the local selection after a remote change from Yjs relative
 * positions taken when the change began (`binding.beforeTransactionSelection`, set by its
 * `beforeAllTransactions` handler). Those stick to the character on their right; at the end of a
 * paragraph there is none, so the caret followed the paragraph's end past the other person's
 * letter, and my next letter landed after theirs. Taken again so that they stick to the character
 * on their left (assoc -1), the caret stays after my own last letter. Upstream has no option for
 * this; this plugin re-takes the caret right after y-prosemirror took it (its handler was
 * registered first, when the sync plugin's view was created, and runs first).
 *
 * Only a caret (an empty text selection) inside text is changed: a selected range, a caret
 * between blocks or at the very start of a paragraph keep y-prosemirror's positions.
 *
 * Must come after `ySyncPlugin` in the plugin list.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';

/** The part of y-prosemirror's binding this plugin reads and writes. */
interface Binding {
  doc: Y.Doc;
  prosemirrorView: EditorView | null;
  beforeTransactionSelection: { type: string; anchor: Y.RelativePosition | null; head: Y.RelativePosition | null } | null;
}

/** `pos` made to stick to the character on its left, when it lies in text after one. */
export function stickLeft(pos: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
  const abs = Y.createAbsolutePositionFromRelativePosition(pos, doc);
  if (!abs || !(abs.type instanceof Y.XmlText) || abs.index === 0) return pos;
  return Y.createRelativePositionFromTypeIndex(abs.type, abs.index, -1);
}

export function caretSticksLeftPlugin(): Plugin {
  return new Plugin({
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding;
      if (!binding) return {};
      const doc = binding.doc;
      const stick = () => {
        const sel = binding.beforeTransactionSelection;
        if (!sel || sel.type !== 'text' || !sel.anchor || binding.prosemirrorView !== view || !view.state.selection.empty) return;
        const caret = stickLeft(sel.anchor, doc);
        binding.beforeTransactionSelection = { ...sel, anchor: caret, head: caret };
      };
      doc.on('beforeAllTransactions', stick);
      return { destroy: () => doc.off('beforeAllTransactions', stick) };
    },
  });
}
