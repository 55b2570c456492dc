/**
 * Yjs updates written byte by byte (update format v1), the way a modified client can send them:
 * content kinds the API no longer creates (ContentJSON), nesting that breaks re-encoding, delete
 * ranges over clocks that do not exist. Each is one item (or only a delete set) from `client`.
 */
import * as encoding from 'lib0/encoding';

/** Content refs of the v1 format (yjs/src/structs/Item.js). */
export const ContentRef = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
/** Type refs inside ContentType (yjs/src/types). */
export const TypeRef = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const;

export interface CraftedItem {
  client: number;
  clock?: number;
  /** Root type the item is written into (no origins, so the parent is named). */
  root: string;
  /** Instead of `root`: a parent given by the id of an item (which may be no type at all). */
  parentId?: [client: number, clock: number];
  /** A left origin: the parent is then not written (it is the origin's). */
  origin?: [client: number, clock: number];
  /** Key in a map root; null for a sequence (text, array, fragment). */
  key: string | null;
  ref: number;
  content: (e: encoding.Encoder) => void;
}

export function craftUpdate(items: CraftedItem[], deletes: Array<[client: number, clock: number, len: number]> = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, items.length);
  for (const it of items) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, it.client);
    encoding.writeVarUint(e, it.clock ?? 0);
    encoding.writeUint8(e, (it.ref & 0b11111) | (it.origin ? 0b10000000 : 0) | (it.key !== null && !it.origin ? 0b100000 : 0));
    if (it.origin) {
      encoding.writeVarUint(e, it.origin[0]);
      encoding.writeVarUint(e, it.origin[1]);
    } else if (it.parentId) {
      encoding.writeVarUint(e, 0); // parent is an item, by id
      encoding.writeVarUint(e, it.parentId[0]);
      encoding.writeVarUint(e, it.parentId[1]);
    } else {
      encoding.writeVarUint(e, 1); // parent is a root type, named
      encoding.writeVarString(e, it.root);
    }
    if (it.key !== null && !it.origin) encoding.writeVarString(e, it.key);
    it.content(e);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const [client, clock, len] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

/** `depth` nested arrays as JSON text, built without recursion. */
export const nestedJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** ContentJSON holding one value given as JSON text (the legacy kind; nothing creates it today). */
export const jsonContent = (json: string) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, json);
};

/** ContentAny holding `value` (lib0's `writeAny`), for values built without recursion. */
export const anyContent = (value: unknown) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, value as Parameters<typeof encoding.writeAny>[1]);
};

/** ContentAny of `depth` nested arrays, written iteratively (writeAny itself would recurse). */
export const deepAnyContent = (depth: number) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, 1);
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, 117); // array
    encoding.writeVarUint(e, i === depth - 1 ? 0 : 1);
  }
};

export const typeContent = (typeRef: number, name?: string) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, typeRef);
  if (name !== undefined) encoding.writeVarString(e, name);
};

/** ContentDeleted: only a length. */
export const deletedContent = (len: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, len);

export const stringContent = (s: string) => (e: encoding.Encoder) => encoding.writeVarString(e, s);

export const binaryContent = (bytes: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, bytes);

export const embedContent = (json: string) => (e: encoding.Encoder) => encoding.writeVarString(e, json);

export const formatContent = (key: string, json: string) => (e: encoding.Encoder) => {
  encoding.writeVarString(e, key);
  encoding.writeVarString(e, json);
};

/** ContentDoc: a sub-document by guid, with its options as `any`. */
export const docContent = (guid: string) => (e: encoding.Encoder) => {
  encoding.writeVarString(e, guid);
  encoding.writeAny(e, {});
};
