/**
 * Who wrote and who deleted what in the vision, as the server recorded it (clients cannot forge
 * it: we do not use `Y.PermanentUserData` in the document). `createAuthorship` turns
 * `GET …/vision/authors` into the object y-prosemirror's snapshot rendering asks for in place of a
 * PermanentUserData: `getUserByClientId(client)` for insertions, `getUserByDeletedId(id)` for
 * deletions, and `dss` (one delete set per member), which y-prosemirror walks first so that a run
 * deleted by two people is split where one stopped and the other began.
 *
 * "User" is always a member id; null when the server does not know the client (e.g. the
 * template, written by the server itself).
 */
import * as Y from 'yjs';
import type { VisionAuthorsDto } from '../../shared/vision/api.js';

interface DeleteRange {
  clock: number;
  len: number;
  memberId: string;
}

/** A delete set in the shape `Y.iterateDeletedStructs` reads (`clients` → sorted `{ clock, len }`). */
interface DeleteSetLike {
  clients: Map<number, Array<{ clock: number; len: number }>>;
}

export interface Authorship {
  readonly dss: Map<string, DeleteSetLike>;
  getUserByClientId(client: number): string | null;
  getUserByDeletedId(id: Y.ID): string | null;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * `local` adds client ids the server has not reported yet (this tab's own client id), so one's
 * own fresh edits are attributed to oneself.
 */
export function createAuthorship(dto: VisionAuthorsDto, local: Map<number, string> = new Map()): Authorship {
  const clients = new Map<number, string>();
  for (const [client, memberId] of Object.entries(dto.clients ?? {})) {
    const n = Number(client);
    if (isCount(n) && typeof memberId === 'string') clients.set(n, memberId);
  }
  local.forEach((memberId, client) => clients.set(client, memberId));

  const raw = new Map<number, Array<DeleteRange & { order: number }>>();
  const dss = new Map<string, DeleteSetLike>();
  let order = 0;
  for (const d of dto.deletions ?? []) {
    if (typeof d?.memberId !== 'string' || !Array.isArray(d.ranges)) continue;
    const ds: DeleteSetLike = dss.get(d.memberId) ?? { clients: new Map() };
    dss.set(d.memberId, ds);
    for (const r of d.ranges) {
      if (!Array.isArray(r)) continue;
      const [client, clock, len] = r;
      if (!isCount(client) || !isCount(clock) || !isCount(len) || len === 0) continue;
      const list = raw.get(client) ?? [];
      list.push({ clock, len, memberId: d.memberId, order: order++ });
      raw.set(client, list);
      const own = ds.clients.get(client) ?? [];
      own.push({ clock, len });
      ds.clients.set(client, own);
    }
  }
  const byClient = new Map<number, DeleteRange[]>();
  raw.forEach((list, client) => byClient.set(client, flatten(list)));
  dss.forEach((ds) => ds.clients.forEach((list) => list.sort((a, b) => a.clock - b.clock)));

  return {
    dss,
    getUserByClientId: (client) => clients.get(client) ?? null,
    getUserByDeletedId(id) {
      const list = byClient.get(id.client);
      if (!list) return null;
      // The last range starting at or before the clock (flattened: ranges do not overlap).
      let lo = 0;
      let hi = list.length - 1;
      let found: DeleteRange | null = null;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = list[mid]!;
        if (r.clock <= id.clock) {
          found = r;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && id.clock < found.clock + found.len ? found.memberId : null;
    },
  };
}

/**
 * Makes overlapping ranges disjoint. Where two members are recorded for the same deleted item,
 * the one listed first wins: the server may record a range again for a member whose client only
 * re-sent a deletion it had received (its sync step 2 carries its whole delete set).
 */
function flatten(ranges: Array<DeleteRange & { order: number }>): DeleteRange[] {
  const points = [...new Set(ranges.flatMap((r) => [r.clock, r.clock + r.len]))].sort((a, b) => a - b);
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const out: DeleteRange[] = [];
  let active: Array<DeleteRange & { order: number }> = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (next < sorted.length && sorted[next]!.clock <= from) active.push(sorted[next++]!);
    active = active.filter((r) => r.clock + r.len > from);
    if (active.length === 0) continue;
    const winner = active.reduce((a, b) => (b.order < a.order ? b : a));
    const last = out[out.length - 1];
    if (last && last.memberId === winner.memberId && last.clock + last.len === from) last.len += to - from;
    else out.push({ clock: from, len: to - from, memberId: winner.memberId });
  }
  return out;
}

/**
 * Keeps only the ranges this document has structs for: `Y.iterateDeletedStructs` must not be
 * asked to split structs that have not arrived yet (e.g. while offline).
 */
export function clampToDoc(a: Authorship, doc: Y.Doc): Authorship {
  const dss = new Map<string, DeleteSetLike>();
  a.dss.forEach((ds, member) => {
    const clients = new Map<number, Array<{ clock: number; len: number }>>();
    ds.clients.forEach((list, client) => {
      const known = Y.getState(doc.store, client);
      const kept = list.filter((r) => r.clock < known).map((r) => ({ clock: r.clock, len: Math.min(r.len, known - r.clock) }));
      if (kept.length > 0) clients.set(client, kept);
    });
    dss.set(member, { clients });
  });
  return { dss, getUserByClientId: a.getUserByClientId, getUserByDeletedId: a.getUserByDeletedId };
}
