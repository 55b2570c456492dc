/**
 * "12 changes by 3 organisations": counts the passages inserted or deleted between two snapshots
 * of the vision by other members, the way y-prosemirror renders them. A passage is a run of
 * consecutive changed text by one member, of one kind (inserted or deleted); unchanged text or
 * another member's change ends it, block boundaries alone do not (a pasted three-paragraph
 * passage is one change). Pure over the Yjs document; the document must be kept with gc off.
 */
import * as Y from 'yjs';
import type { Authorship } from './attribution.js';

export interface ChangeSummary {
  /** Passages by other members. */
  passages: number;
  /** organisation id ('' for none or unknown) → passages. */
  byOrganisation: Map<string, number>;
}

interface YChange {
  user: string | null;
  type: 'added' | 'removed';
}

/** Text runs between two snapshots in document order, with the change each is part of (or null). */
export function diffRuns(fragment: Y.XmlFragment, snapshot: Y.Snapshot, prevSnapshot: Y.Snapshot, authorship: Authorship): Array<{ text: string; change: YChange | null }> {
  const doc = fragment.doc;
  if (!doc) return [];
  const runs: Array<{ text: string; change: YChange | null }> = [];
  const compute = (type: 'added' | 'removed', id: Y.ID): YChange => ({
    type,
    user: type === 'added' ? authorship.getUserByClientId(id.client) : authorship.getUserByDeletedId(id),
  });
  const both = new Y.Snapshot(prevSnapshot.ds, snapshot.sv);
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of Y.typeListToArraySnapshot(type, both)) {
      if (child instanceof Y.XmlText) {
        const ops = child.toDelta(snapshot, prevSnapshot, compute) as Array<{ insert: unknown; attributes?: { ychange?: YChange } }>;
        for (const op of ops) if (typeof op.insert === 'string') runs.push({ text: op.insert, change: op.attributes?.ychange ?? null });
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  doc.transact((tr) => {
    // As y-prosemirror does before rendering: split runs deleted by different members.
    authorship.dss.forEach((ds) => Y.iterateDeletedStructs(tr, ds as unknown as Parameters<typeof Y.iterateDeletedStructs>[1], () => {}));
    walk(fragment);
  }, COUNT_ORIGIN);
  return runs;
}

/** Origin of the read-only transaction that splits structs for counting (nothing is written). */
export const COUNT_ORIGIN = Symbol('vision-change-count');

export function countChanges(
  fragment: Y.XmlFragment,
  snapshot: Y.Snapshot,
  prevSnapshot: Y.Snapshot,
  authorship: Authorship,
  opts: { isMine: (memberId: string | null) => boolean; organisationOf: (memberId: string | null) => string },
): ChangeSummary {
  const summary: ChangeSummary = { passages: 0, byOrganisation: new Map() };
  let last: YChange | null = null;
  for (const run of diffRuns(fragment, snapshot, prevSnapshot, authorship)) {
    const c = run.change;
    if (!c || opts.isMine(c.user)) {
      last = null;
      continue;
    }
    if (last && last.user === c.user && last.type === c.type) continue;
    last = c;
    summary.passages++;
    const org = opts.organisationOf(c.user);
    summary.byOrganisation.set(org, (summary.byOrganisation.get(org) ?? 0) + 1);
  }
  return summary;
}

export const encodeSnapshotBase64 = (s: Y.Snapshot): string => bytesToBase64(Y.encodeSnapshot(s));
export const decodeSnapshotBase64 = (b64: string): Y.Snapshot => Y.decodeSnapshot(base64ToBytes(b64));

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
