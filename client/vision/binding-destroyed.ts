/**
 * Tells y-prosemirror's pending cursor updates that the view is gone (issue #16, point 14).
 *
 * The cursor plugin answers an awareness change (the caret leaving the text when a link is
 * clicked, others' cursors going when the room closes) by queueing a transaction for the next
 * task (`setMeta` in y-prosemirror's lib.js). That task skips a view whose binding
 * `isDestroyed`, but 1.3 never sets that flag (yjs/y-prosemirror#199), so when the page left the
 * vision in between, the queued transaction reached the destroyed view and ProseMirror threw
 * "Cannot read properties of null (reading 'matchesNode')", on every way out of the page. This
 * plugin sets the flag when the view is destroyed.
 */
import { Plugin } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

export function bindingDestroyedPlugin(): Plugin {
  return new Plugin({
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: { isDestroyed?: boolean } } | undefined)?.binding;
      return {
        destroy() {
          if (binding) binding.isDestroyed = true;
        },
      };
    },
  });
}
