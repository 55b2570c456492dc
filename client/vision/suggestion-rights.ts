/**
 * What this person may do with each pending suggestion (the rule: client/vision/suggestions.ts),
 * and their own choice of suggestion mode, kept per workshop and member in this browser.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { absolutePositionToRelativePosition } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Authorship } from './attribution.js';
import type { PMMapping } from './comment-anchors.js';
import { changedTextAt, type Suggestion } from './suggestions.js';
import type { VisionSession } from './vision-session.js';

export type SuggestionRight = 'resolve' | 'withdraw' | 'none';
export interface ListedSuggestion extends Suggestion {
  may: SuggestionRight;
}

const modeKey = (s: VisionSession) => `samskap.vision.suggesting.${s.workshopId}.${s.me.id}`;

/** Off unless this person turned it on here. */
export function storedMode(s: VisionSession): boolean {
  try {
    return localStorage.getItem(modeKey(s)) === 'on';
  } catch {
    return false; // storage blocked: off, the default
  }
}

export function storeMode(s: VisionSession, on: boolean): void {
  try {
    if (on) localStorage.setItem(modeKey(s), 'on');
    else localStorage.removeItem(modeKey(s));
  } catch {
    // storage blocked: the choice lasts for this page
  }
}

/**
 * `binding`: the live editor's fragment and y-prosemirror's mapping, to find the Yjs item (and
 * so its writer, from `authorship`) of a character; without them, only one's own suggestions
 * and a facilitator's rights are known.
 */
export function rightTo(
  s: VisionSession,
  doc: PMNode,
  binding: { type: Y.XmlFragment; mapping: PMMapping } | null,
  authorship: Authorship | null,
): (x: Suggestion) => SuggestionRight {
  const writer = (pos: number | null): string | null => {
    if (pos === null || !binding || !authorship) return null;
    const item = (absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition).item;
    return item ? authorship.getUserByClientId(item.client) : null;
  };
  const blockWriter = (pos: number): string | null => {
    const node = doc.nodeAt(pos);
    if (!node || !binding || !authorship) return null;
    for (const [type, pm] of binding.mapping) if (pm === node && type._item) return authorship.getUserByClientId(type._item.id.client);
    return null;
  };
  return (x) => {
    if (x.attrs.memberId === s.me.id) return s.facilitator ? 'resolve' : 'withdraw';
    if (s.facilitator) return 'resolve';
    if (s.readOnly) return 'none';
    // A suggested join is the writer's of the paragraph it joins on.
    if (x.block !== undefined && x.kind === 'deletion') return blockWriter(x.block) === s.me.id ? 'resolve' : 'none';
    // A deletion or formatting is the writer's of every character it changes; an insertion, of the text it joins.
    const at = x.kind !== 'insertion' ? x.ranges.flatMap((r) => Array.from({ length: r.to - r.from }, (_, i) => r.from + i)) : [changedTextAt(doc, x)];
    return at.length > 0 && at.every((pos) => writer(pos) === s.me.id) ? 'resolve' : 'none';
  };
}
