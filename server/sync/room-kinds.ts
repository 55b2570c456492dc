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
import type { RoomKind } from './room.js';

export interface RoomKindDeps {
  visionMaxChars: number;
  boardMaxElements: number;
  /** A stored update from a member's connection to `<workshopId>/vision`. */
  onVisionStored(workshopId: string, memberId: string, update: Uint8Array, doc: import('yjs').Doc): void;
  now?: () => Date;
}

const CHARTER: RoomKind = { gc: true, rules: CONTENT_RULES.charter };

/** A facilitator deleting board elements is a decision for the audit log, like `content.remove`. */
function boardKind(workshopId: string, boardId: string, maxElements: number, now: () => Date): RoomKind {
  return {
    gc: true,
    rules: CONTENT_RULES.board,
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
    if (ref?.part.kind === 'board') return boardKind(ref.workshopId, ref.part.boardId, deps.boardMaxElements, deps.now ?? (() => new Date()));
    if (ref?.part.kind !== 'vision') return CHARTER;
    const { workshopId } = ref;
    return {
      gc: false,
      rules: CONTENT_RULES.vision,
      caps: { measure: { max: deps.visionMaxChars, of: visionTextLength } },
      onStored: (memberId, update, doc) => deps.onVisionStored(workshopId, memberId, update, doc),
    };
  };
}
