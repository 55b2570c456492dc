/**
 * Comment ranges as Yjs relative positions, so they follow the text through concurrent edits:
 * `anchorSelection` turns a ProseMirror range into the bytes stored with the comment,
 * `resolveAnchor` turns them back into a ProseMirror range, or null when the commented text is
 * gone (deleted, or its paragraph deleted): the comment is then "detached" and kept.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';

/** y-prosemirror's map from Yjs types to the ProseMirror nodes rendered from them. */
export type PMMapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

export interface StoredAnchor {
  anchor: Uint8Array;
  head: Uint8Array;
}

export function anchorRange(fragment: Y.XmlFragment, mapping: PMMapping, from: number, to: number): StoredAnchor {
  return {
    anchor: Y.encodeRelativePosition(absolutePositionToRelativePosition(from, fragment, mapping)),
    head: Y.encodeRelativePosition(absolutePositionToRelativePosition(to, fragment, mapping)),
  };
}

/** True when the position points into a type that was deleted, or that no longer exists. */
function inDeletedType(doc: Y.Doc, rel: Y.RelativePosition): boolean {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  if (!abs) return true;
  for (let item = abs.type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) if (item.deleted) return true;
  return false;
}

function decode(bytes: Uint8Array): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null; // untrusted bytes from the document
  }
}

/** The commented range now, or null when its text is gone. */
export function resolveAnchor(fragment: Y.XmlFragment, mapping: PMMapping, stored: StoredAnchor): { from: number; to: number } | null {
  const doc = fragment.doc;
  const a = decode(stored.anchor);
  const h = decode(stored.head);
  if (!doc || !a || !h || inDeletedType(doc, a) || inDeletedType(doc, h)) return null;
  try {
    const from = relativePositionToAbsolutePosition(doc, fragment, a, mapping);
    const to = relativePositionToAbsolutePosition(doc, fragment, h, mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null; // a position into a type this view has not rendered
  }
}
