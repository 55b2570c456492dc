/**
 * What each kind of room may hold, checked on every update a member sends before it is stored
 * (server/sync/update-check.ts). The allow list is the schema's shape, not its details: which
 * Yjs content kinds, which shared types, and how deep a plain value may nest. Anything else
 * (JSON, embeds, sub-documents, binary outside the vision's comments, XML hooks, deeper nesting)
 * is refused with 4422, so no member can store content that breaks encoding, exports or other
 * members' clients.
 *
 * Rule names travel in the close reason (`update refused: <rule>`) and are stable: the client
 * translates them.
 */
import * as Y from 'yjs';

export type RoomKindName = 'board' | 'charter' | 'vision';

export const UpdateRule = {
  /** A content kind the room does not allow (ContentJSON, ContentEmbed, ContentDoc, …). */
  contentKind: 'content-kind',
  /** A shared type the room does not allow (a Y.Array on a board, an XML hook, …). */
  typeKind: 'type-kind',
  /** A plain value, a format attribute or a shared type nested deeper than the room allows. */
  nesting: 'nesting',
  /** A new shared type whose parent is neither in the document nor in the update. */
  unknownParent: 'unknown-parent',
  /** A plain value larger than the room allows (a huge string in one field). */
  valueSize: 'value-size',
} as const;
export type UpdateRule = (typeof UpdateRule)[keyof typeof UpdateRule];

type Content = Y.Item['content'];
type ContentClass = abstract new (...args: never[]) => Content;
type TypeClass = abstract new (...args: never[]) => object;

export interface ContentRules {
  contents: ReadonlySet<ContentClass>;
  /** Exact classes: Y.XmlText extends Y.Text and Y.XmlHook extends Y.Map, so no instanceof. */
  types: ReadonlySet<TypeClass>;
  /** Depth of a plain value: a number is 0, `[1]` is 1, `{a: [1]}` is 2. */
  maxValueDepth: number;
  /**
   * Level of the deepest shared type: a root is 0, a board element's map 1, its text 2. Board and
   * charter are flat (a map per entry, texts in it); the vision nests quotes and lists.
   */
  maxTypeLevel: number;
}

/** Deep enough for every field the schemas write (pen points are `[[x, y], …]`, depth 2). */
export const MAX_VALUE_DEPTH = 8;

const MAP_AND_TEXT: ReadonlySet<TypeClass> = new Set<TypeClass>([Y.Map, Y.Text]);

export const CONTENT_RULES: Record<RoomKindName, ContentRules> = {
  board: { contents: new Set<ContentClass>([Y.ContentAny, Y.ContentString, Y.ContentType, Y.ContentDeleted]), types: MAP_AND_TEXT, maxValueDepth: MAX_VALUE_DEPTH, maxTypeLevel: 4 },
  charter: { contents: new Set<ContentClass>([Y.ContentAny, Y.ContentString, Y.ContentType, Y.ContentDeleted]), types: MAP_AND_TEXT, maxValueDepth: MAX_VALUE_DEPTH, maxTypeLevel: 4 },
  vision: {
    // Comments anchor to the text by `Y.encodeRelativePosition` bytes, which a map keeps as ContentBinary.
    contents: new Set<ContentClass>([Y.ContentAny, Y.ContentString, Y.ContentType, Y.ContentDeleted, Y.ContentFormat, Y.ContentBinary]),
    // Comments keep their replies in a Y.Array (shared/vision/comments.ts).
    types: new Set<TypeClass>([Y.Map, Y.Text, Y.Array, Y.XmlFragment, Y.XmlElement, Y.XmlText]),
    maxValueDepth: MAX_VALUE_DEPTH,
    // A list level is two elements (list, item): 64 is thirty lists deep, beyond any writer.
    maxTypeLevel: 64,
  },
};

/** The first rule `structs` break, or null. `structs` come from `Y.decodeUpdate`. */
export function brokenRule(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>, rules: ContentRules): UpdateRule | null {
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const content = s.content;
    if (!rules.contents.has(content.constructor as ContentClass)) return UpdateRule.contentKind;
    if (content instanceof Y.ContentType && !rules.types.has(content.type.constructor as TypeClass)) return UpdateRule.typeKind;
    if (content instanceof Y.ContentAny && content.arr.some((v) => tooDeep(v, rules.maxValueDepth))) return UpdateRule.nesting;
    if (content instanceof Y.ContentFormat && tooDeep(content.value, rules.maxValueDepth)) return UpdateRule.nesting;
  }
  return null;
}

/** True when `value` nests arrays or objects deeper than `max`; iterative, so any depth is safe. */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
