/**
 * A commit's ownership check (server/sync/ownership.ts): each member's update in the batch is
 * placed against the document and the batch's earlier updates, and the room kind's guard says
 * whether that member may make those changes. Refused updates are dropped from the batch (their
 * senders get a final 4422); the rest carry the audit entries to write with them and the
 * last-editor records to keep.
 */
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.js';
import { UpdateRule } from '../../shared/sync/content-rules.js';
import type { LastEdit, NewAuditEntry } from '../store/types.js';
import type { RoomKind } from './room-kind.js';
import type { Pending } from './room-types.js';
import { touchedEntries } from './touched.js';
import { screenNesting } from './update-check.js';

export interface Guarded {
  kept: Pending[];
  audit: NewAuditEntry[];
  edits: LastEdit[];
  refused: number;
}

class Unplaceable extends Error {}

/**
 * `catchUp`: brings the document up to the store. An update may build on items this instance has
 * not received yet (another instance stored them, fan-out is behind, or it was killed): such an
 * update is placed again after catching up once, and refused only if it still cannot be placed.
 */
export async function guardBatch(kind: RoomKind, batch: Pending[], doc: () => Y.Doc, catchUp: () => Promise<void>): Promise<Guarded> {
  const out: Guarded = { kept: [], audit: [], edits: [], refused: 0 };
  const guard = kind.guard;
  if (!guard) return { ...out, kept: batch };
  const context: Y.Item[] = [];
  for (const p of batch) {
    if (!p.peer) {
      out.kept.push(p);
      continue;
    }
    let reason: string | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      // Placed only when the guard asks (the vision's guard looks at client ids, not entries).
      let touched: ReturnType<typeof touchedEntries> | null = null;
      const touches = () => {
        touched ??= touchedEntries(p.update, doc(), context);
        if (!touched.ok) throw new Unplaceable();
        return touched.touches;
      };
      try {
        const verdict = await guard(p.peer, touches, doc(), p.update);
        if ('refused' in verdict) reason = verdict.refused;
        else {
          out.audit.push(...verdict.audit);
          out.edits.push(...verdict.edits);
          const placed = touched as ReturnType<typeof touchedEntries> | null; // set by the guard's call, if any
          for (const item of placed?.ok ? (placed.items ?? []) : []) context.push(item);
        }
        break;
      } catch (err) {
        reason = err instanceof Unplaceable ? UpdateRule.unknownParent : 'unreadable';
        if (!(err instanceof Unplaceable) || attempt > 0) break;
        reason = null;
        await catchUp();
      }
    }
    if (reason === null) out.kept.push(p);
    else {
      out.refused++;
      p.settle?.(new Error(reason));
      p.peer.fail(CloseCode.updateRefused, `update refused: ${reason}`);
    }
  }
  return out;
}

/** The batch less the members' updates that nest shared types too deep (their senders get 4422). */
export function withoutTooDeep(batch: Pending[], doc: Y.Doc, kind: RoomKind, refused: () => void): Pending[] {
  const verdicts = screenNesting(batch.map((p) => ({ update: p.update, structs: p.peer ? (p.structs ?? null) : null })), doc, kind.rules);
  return batch.filter((p, i) => {
    const v = verdicts[i];
    if (!v || v.ok) return true;
    refused();
    p.peer?.fail(v.code, v.reason);
    return false;
  });
}
