/**
 * Reading several top-level blocks of the vision as one text, for a change that adds, removes or
 * splits paragraphs under suggestion mode (issue #17). Each block's start is a unit of its own,
 * a paragraph break, read like a character: agreed (with the block's type and attributes as its
 * formatting, and a pending deletion when someone suggests joining it onto the block before), or
 * a pending insertion when a suggestion split it off (`suggestedBreak`, suggestion-marks.ts).
 * Splitting "Hello world" into "Hello " and "world" by a suggestion then reads as the same agreed
 * characters with a suggested break between them, although Yjs deletes "world" from the first
 * paragraph and writes it anew in the second; the rules for characters (suggestion-rules.ts,
 * suggestion-resolve.ts) then judge breaks too.
 */
import * as Y from 'yjs';
import { readBreak, SUGGESTED_BREAK } from './suggestion-marks.js';
import { readText, stableJson, type TextReading } from './suggestion-rules.js';

/** The blocks a suggested break may start: text blocks directly in the vision. */
export const BREAKABLE = new Set(['paragraph', 'heading']);

/** The character a paragraph break reads as. */
export const BREAK_CHAR = '\u2029';

type Visible = (item: Y.Item, offset: number) => boolean;

/** An element's attributes as they are where `visible` says (a map keeps overwritten values as deleted items). */
function attributesOf(el: Y.XmlElement, visible: Visible): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, last] of el._map) {
    for (let n: Y.Item | null = last; n; n = n.left) {
      if (!visible(n, 0)) continue;
      const values = n.content.getContent();
      out[key] = values[values.length - 1];
      break;
    }
  }
  return out;
}

/** Appends `part` to `into`, its insertions placed after what `into` already holds. */
function append(into: TextReading, part: TextReading): void {
  const offset = into.agreed.length;
  into.agreed.push(...part.agreed);
  into.deletions.push(...part.deletions);
  into.formats.push(...part.formats);
  into.writers.push(...part.writers);
  for (const run of part.insertions) into.insertions.push({ ...run, at: run.at + offset });
}

/**
 * `items` (consecutive items of the vision's fragment) read as one text where `visible` says a
 * unit is there, or null when one of them is no text block and `touched(item)` says the change
 * reaches it (a list or quote is not split by suggestion). A block that `read(item)` does not
 * ask for and the change does not reach reads as one unit named by its id, the same before and
 * after: a change reaching the first and last paragraph of a long vision reads only those.
 */
export function readBlocks(items: readonly Y.Item[], visible: Visible, touched: (item: Y.Item) => boolean, read: (item: Y.Item) => boolean = () => true): TextReading | null {
  const out: TextReading = { agreed: [], deletions: [], formats: [], writers: [], insertions: [] };
  const opaque = (item: Y.Item, what: string) => {
    out.agreed.push(`\uFFFC\u0000${what}`);
    out.deletions.push(undefined);
    out.formats.push(undefined);
    out.writers.push(item.id.client);
  };
  for (const item of items) {
    if (!visible(item, 0)) continue;
    if (!touched(item) && !read(item)) {
      opaque(item, `#${item.id.client}:${item.id.clock}`);
      continue;
    }
    const el = item.content instanceof Y.ContentType ? item.content.type : null;
    if (!(el instanceof Y.XmlElement) || !BREAKABLE.has(el.nodeName)) {
      if (touched(item)) return null;
      opaque(item, el ? el.toString() : stableJson(item.content.getContent()));
      continue;
    }
    const attrs = attributesOf(el, visible);
    const br = readBreak(attrs[SUGGESTED_BREAK]);
    // A value that is no break stays part of the block: writing one changes the block.
    if (br) delete attrs[SUGGESTED_BREAK];
    const block = stableJson({ block: el.nodeName, ...attrs });
    if (br?.kind === 'insertion') {
      const { kind: _kind, ...suggestion } = br;
      out.insertions.push({ at: out.agreed.length, raw: stableJson({ block, insertion: suggestion }), rest: block, attrs: suggestion, text: BREAK_CHAR });
    } else {
      out.agreed.push(`${BREAK_CHAR}\u0000${block}`);
      out.deletions.push(br ? { id: br.id, memberId: br.memberId, organisationId: br.organisationId, createdAt: br.createdAt } : undefined);
      out.formats.push(undefined);
      out.writers.push(item.id.client);
    }
    for (let n = el._start; n; n = n.right) {
      if (!n.countable || !visible(n, 0)) continue;
      const child = n.content instanceof Y.ContentType ? n.content.type : null;
      if (child instanceof Y.XmlText) append(out, readText(child, visible));
      else opaque(n, child instanceof Y.XmlElement ? child.toString() : stableJson(n.content.getContent()));
    }
  }
  return out;
}
