/**
 * An imported workshop's new ids inside the vision's suggestion marks: they name their member
 * and organisation (shared/vision/suggestion-marks.ts) in text format attributes, which the
 * import's map rewriting (id-remap.ts) does not reach, nor a suggested paragraph break's block
 * attribute. Each marked run is formatted again with the new ids (a break's attribute set again),
 * in one transaction; the text and its history are untouched.
 */
import * as Y from 'yjs';
import { visionFragment } from '../../shared/vision/schema.js';
import { FORMAT_MARK, readBreak, SUGGESTED_BREAK, SuggestionMark, writeBreak, type SuggestedBreak } from '../../shared/vision/suggestion-marks.js';

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

export function remapSuggestions(doc: Y.Doc, remap: { text(s: string): string }): void {
  const rewrite = (v: unknown): unknown =>
    v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? remap.text(x) : x])) : v;
  doc.transact(() => {
    const stack: unknown[] = visionFragment(doc).toArray();
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node instanceof Y.XmlElement) {
        for (const child of node.toArray()) stack.push(child);
        const br = readBreak(node.getAttribute(SUGGESTED_BREAK));
        if (br) {
          const next = writeBreak(rewrite(br) as SuggestedBreak);
          if (next !== node.getAttribute(SUGGESTED_BREAK)) node.setAttribute(SUGGESTED_BREAK, next);
        }
      }
      if (!(node instanceof Y.XmlText)) continue;
      const changes: Array<[number, number, Record<string, unknown>]> = [];
      let index = 0;
      for (const op of node.toDelta() as DeltaOp[]) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1;
        const attrs: Record<string, unknown> = {};
        for (const key of [...Object.values(SuggestionMark), FORMAT_MARK]) {
          const value = op.attributes?.[key];
          const next = rewrite(value);
          if (value !== undefined && JSON.stringify(next) !== JSON.stringify(value)) attrs[key] = next;
        }
        if (Object.keys(attrs).length) changes.push([index, length, attrs]);
        index += length;
      }
      for (const [at, length, attrs] of changes) node.format(at, length, attrs);
    }
  }, 'import');
}
