/**
 * The length cap: a local change that would take the text past `maxChars` characters is refused
 * whole (never cut), and `onRefused` says so. Changes that shorten the text always pass, and so
 * do changes arriving from Yjs (other people, undo): refusing those would split the editor from
 * the document. The server enforces the same cap.
 */
import { Plugin } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

export function lengthCapPlugin(maxChars: number, onRefused: (length: number) => void): Plugin {
  return new Plugin({
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
      const after = tr.doc.textContent.length;
      if (after <= maxChars || after <= state.doc.textContent.length) return true;
      onRefused(after);
      return false;
    },
  });
}
