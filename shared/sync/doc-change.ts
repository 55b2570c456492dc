/**
 * Following a document's changes without its 'update' event. While anything listens to 'update',
 * Yjs encodes every transaction as an update to hand it over, whether the listener reads it or not:
 * for views that only re-render, that is every edit encoded once more, and the 4.3 MB first sync
 * of a 10,000-element board encoded again before it can paint (0.17 s, issue #19). A view that only
 * needs to know that something changed listens with `onDocChange` instead.
 */
import type * as Y from 'yjs';

/** Whether a transaction changed the document (when Yjs would emit an 'update' for it). */
export function changedBy(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** Calls `fn` after each transaction that changed `doc`; returns the way to stop. */
export function onDocChange(doc: Y.Doc, fn: (tr: Y.Transaction) => void): () => void {
  const listener = (tr: Y.Transaction) => {
    if (changedBy(tr)) fn(tr);
  };
  doc.on('afterTransaction', listener);
  return () => doc.off('afterTransaction', listener);
}
