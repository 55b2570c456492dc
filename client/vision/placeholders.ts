/**
 * Placeholders (issue #17): a paragraph whose `placeholder` attribute holds a template's prompt
 * shows it while the paragraph is empty, as a node decoration: the class `placeholder` and the
 * prompt in `data-placeholder`, drawn muted by CSS (never text: not in the document's text, not
 * copied, not exported) and given to assistive technology as the paragraph's `aria-description`.
 * Once someone writes in the paragraph, the attribute goes, in the same change (an undo brings it
 * back with the empty paragraph). Changes that arrive from the room (others', undo, snapshots)
 * are left as they are: whoever wrote them cleared their own.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { PLACEHOLDER_MAX, VisionKey } from '../../shared/vision/schema.js';

const ATTR = VisionKey.placeholder;

/** Every paragraph with its position (paragraphs hold no blocks, so their insides are skipped). */
function eachParagraph(doc: Node, fn: (p: Node, pos: number) => void): void {
  doc.descendants((node, pos) => {
    if (node.type.name !== 'paragraph') return true;
    fn(node, pos);
    return false;
  });
}

const fromRoom = (tr: Transaction) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/** The placeholders shown in `doc`: one node decoration per empty paragraph with a prompt. */
function placeholders(doc: Node): DecorationSet {
  const shown: Decoration[] = [];
  eachParagraph(doc, (p, pos) => {
    const prompt = p.attrs[ATTR] as unknown;
    if (typeof prompt !== 'string' || p.content.size > 0) return;
    const text = prompt.slice(0, PLACEHOLDER_MAX);
    shown.push(Decoration.node(pos, pos + p.nodeSize, { class: 'placeholder', 'data-placeholder': text, 'aria-description': text }));
  });
  return shown.length ? DecorationSet.create(doc, shown) : DecorationSet.empty;
}

const key = new PluginKey<DecorationSet>('sk-placeholders');

export function placeholdersPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    // Found again only when the document changed, not on every selection change.
    state: {
      init: (_config, state) => placeholders(state.doc),
      apply: (tr, shown, _before, state) => (tr.docChanged ? placeholders(state.doc) : shown),
    },
    props: {
      decorations: (state) => key.getState(state),
    },
    appendTransaction(trs, _before, state) {
      if (!trs.some((tr) => tr.docChanged && !fromRoom(tr))) return null;
      let tr: Transaction | null = null;
      eachParagraph(state.doc, (p, pos) => {
        if (p.attrs[ATTR] !== null && p.content.size > 0) tr = (tr ?? state.tr).setNodeAttribute(pos, ATTR, null);
      });
      return tr;
    },
  });
}
