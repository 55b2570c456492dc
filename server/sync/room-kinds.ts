/**
 * What each kind of room needs beyond plain sync. The vision keeps its history (no garbage
 * collection, for milestones and "since your last visit"), has a length cap, and tells the
 * attribution recorder which member's connection wrote each stored update. On boards, elements a
 * facilitator deletes are written to the audit log with the update that deletes them.
 */
import { visionTextLength } from '../../shared/vision/schema.js';
import { BoardKey } from '../../shared/board/schema.js';
import { parseRoom } from '../../shared/ids.js';
import { CONTENT_RULES } from '../../shared/sync/content-rules.js';
import type { Logger } from '../log.js';
import type { LastEdit, Store } from '../store/types.js';
import type { LastEditRecorder } from './last-edits.js';
import { boardGuard, charterGuard, visionGuard } from './ownership.js';
import type { RoomKind } from './room.js';

export interface RoomKindDeps {
  /** For ownership checks (a principle's state, a workshop's settings) and last-editor records. */
  store: Store;
  log: Logger;
  visionMaxChars: number;
  boardMaxElements: number;
  /** A stored update from a member's connection to `<workshopId>/vision`. */
  onVisionStored(workshopId: string, memberId: string, update: Uint8Array, doc: import('yjs').Doc): void;
  lastEdits: LastEditRecorder;
  now?: () => Date;
}

/** Last-editor records are kept best effort, off the sync path (last-edits.ts), like the vision's attribution. */
function editRecorder(deps: RoomKindDeps, workshopId: string): (edits: LastEdit[]) => void {
  return (edits) => deps.lastEdits.record(workshopId, edits);
}

/** A facilitator deleting board elements is a decision for the audit log, like `content.remove`. */
function boardKind(deps: RoomKindDeps, workshopId: string, boardId: string, now: () => Date): RoomKind {
  const maxElements = deps.boardMaxElements;
  return {
    gc: true,
    rules: CONTENT_RULES.board,
    guard: boardGuard({ store: deps.store, workshopId, boardId, now }),
    recordEdits: editRecorder(deps, workshopId),
    caps: { keys: { map: (doc) => doc.getMap(BoardKey.elements), name: BoardKey.elements, max: maxElements } },
    removals: {
      map: (doc) => doc.getMap(BoardKey.elements),
      by: (peer) => peer.user.role === 'facilitator',
      entry: (memberId, ids) => ({ workshopId, at: now().toISOString(), actorId: memberId, type: 'content.removed', data: { room: 'board', boardId, ids, via: 'edit' } }),
    },
  };
}

export function createRoomKinds(deps: RoomKindDeps): (name: string) => RoomKind {
  return (name) => {
    const ref = parseRoom(name);
    const now = deps.now ?? (() => new Date());
    if (ref?.part.kind === 'board') return boardKind(deps, ref.workshopId, ref.part.boardId, now);
    if (!ref) return { gc: true, rules: CONTENT_RULES.charter };
    const { workshopId } = ref;
    if (ref.part.kind === 'charter') {
      return { gc: true, rules: CONTENT_RULES.charter, guard: charterGuard({ store: deps.store, workshopId, now }), recordEdits: editRecorder(deps, workshopId) };
    }
    return {
      gc: false,
      rules: CONTENT_RULES.vision,
      caps: { measure: { max: deps.visionMaxChars, of: visionTextLength } },
      guard: visionGuard({ store: deps.store, workshopId, now }),
      onStored: (memberId, update, doc) => deps.onVisionStored(workshopId, memberId, update, doc),
    };
  };
}
