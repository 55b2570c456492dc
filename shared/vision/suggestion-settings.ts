/**
 * The facilitators' setting "suggestion mode for participants", kept in the vision document
 * itself (`settings` map, key `suggestionsRequired`): every member's client learns it with the
 * text, offline too, and the sync layer reads it from the document it already holds when it
 * checks an update (server/sync/suggestion-guard.ts), on every instance, with no cache to go
 * stale. Only facilitators may write the map (server/sync/ownership.ts, `settings`).
 */
import * as Y from 'yjs';
import { VisionKey } from './schema.js';

export const SUGGESTIONS_REQUIRED = 'suggestionsRequired';

export const visionSettings = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(VisionKey.settings);

/** True when participants' changes to the vision must be suggestions. */
export function suggestionsRequired(doc: Y.Doc): boolean {
  return visionSettings(doc).get(SUGGESTIONS_REQUIRED) === true;
}

export function setSuggestionsRequired(doc: Y.Doc, required: boolean, origin: unknown): void {
  doc.transact(() => visionSettings(doc).set(SUGGESTIONS_REQUIRED, required), origin);
}

export function observeSuggestionsRequired(doc: Y.Doc, fn: (required: boolean) => void): () => void {
  const map = visionSettings(doc);
  const handler = () => fn(suggestionsRequired(doc));
  map.observe(handler);
  return () => map.unobserve(handler);
}
