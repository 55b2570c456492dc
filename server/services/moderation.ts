/**
 * A facilitator removes content from a board or the charter (an off-topic note, a duplicate
 * actor). The removal is made as the server, like any update, and recorded in the audit log with
 * what was removed, so the log shows who took what away.
 */
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { CharterKey } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CommandPayload } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import { requireBoard } from './facilitation.js';
import type { DecisionDeps } from './ports.js';

export type ModerationService = ReturnType<typeof createModerationService>;

const SNIPPET = 200;

/** A short, plain description of a map for the audit log. */
function describe(m: unknown): Record<string, string> {
  if (!(m instanceof Y.Map)) return {};
  const out: Record<string, string> = {};
  for (const key of ['kind', 'name', 'label', 'text', 'who', 'what', 'organisationId']) {
    const v = m.get(key);
    const text = v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : null;
    if (text) out[key] = text.slice(0, SNIPPET);
  }
  return out;
}

/**
 * A closed principle is frozen for everyone, facilitators included (it is retired, or amended,
 * instead), and so is a retired one: removing either from the charter is a `conflict`.
 */
async function requireRemovable(deps: DecisionDeps, workshopId: string, principleId: string): Promise<void> {
  const [rec, lifecycle] = await Promise.all([deps.store.principles.get(workshopId, principleId), deps.store.principles.lifecycle(workshopId)]);
  if (rec?.closed) throw new AppError(ErrorCode.conflict, 409, 'This principle is closed and frozen: retire it, or amend it, instead of deleting it.');
  if (lifecycle.some((l) => l.principleId === principleId && l.retiredAt)) throw new AppError(ErrorCode.conflict, 409, 'This principle has been retired and stays in the record.');
}

export function createModerationService(deps: DecisionDeps) {
  return {
    async remove(actor: Actor, p: CommandPayload<'content.remove'>): Promise<{ removed: boolean }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      if (p.room === 'board') await requireBoard(deps, workshopId, p.boardId);
      if (p.room === 'charter' && p.collection === 'principles') await requireRemovable(deps, workshopId, p.id);
      const room = p.room === 'board' ? formatRoom({ workshopId, part: { kind: 'board', boardId: p.boardId } }) : formatRoom({ workshopId, part: { kind: 'charter' } });
      let what: Record<string, string> | null = null;
      const target = { room: p.room, boardId: p.room === 'board' ? p.boardId : null, collection: p.room === 'charter' ? p.collection : null, id: p.id };
      let seq = 0;
      // The removal and its audit entry are written in one transaction.
      await deps.docs.change(
        room,
        (doc) => {
          if (p.room === 'board') {
            const board = new BoardDoc(doc, deps.newId);
            if (!board.elements.has(p.id)) return;
            what = describe(board.elements.get(p.id));
            board.delete([p.id], 'server');
          } else {
            const map = doc.getMap<unknown>(CharterKey[p.collection]);
            if (!map.has(p.id)) return;
            what = describe(map.get(p.id));
            new CharterDoc(doc, deps.newId).remove(p.collection, p.id, 'server');
          }
        },
        async (tx) => {
          seq = await tx.facilitation.nextSeq(workshopId);
          await tx.audit.append({ workshopId, at: deps.now().toISOString(), actorId: actor.member.id, type: 'content.removed', data: { ...target, removed: what } });
        },
      );
      if (!what) return { removed: false };
      deps.sink.broadcast(workshopId, 'content.removed', { seq, ...target, by: actor.member.id });
      return { removed: true };
    },
  };
}
