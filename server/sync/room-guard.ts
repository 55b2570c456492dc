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

export interface Guarded {
  kept: Pending[];
  audit: NewAuditEntry[];
  edits: LastEdit[];
  refused: number;
}

export async function guardBatch(kind: RoomKind, batch: Pending[], doc: Y.Doc): Promise<Guarded> {
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
    try {
      const touched = touchedEntries(p.update, doc, context);
      if (!touched.ok) reason = UpdateRule.unknownParent;
      else {
        const verdict = await guard(p.peer, touched.touches, doc, p.update);
        if ('refused' in verdict) reason = verdict.refused;
        else {
          out.audit.push(...verdict.audit);
          out.edits.push(...verdict.edits);
          for (const item of touched.items ?? []) context.push(item);
        }
      }
    } catch {
      reason = 'unreadable';
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
