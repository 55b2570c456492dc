/**
 * What each kind of room needs beyond plain sync. The vision keeps its history (no garbage
 * collection, for milestones and "since your last visit"), has a length cap, and tells the
 * attribution recorder which member's connection wrote each stored update. On boards, elements a
 * facilitator deletes are written to the audit log with the update that deletes them.
 */
import { visionTextLength } from '../../shared/vision/schema.js';
import { BoardKey } from '../../shared/board/schema.js';
import { parseRoom } from '../../shared/ids.js';
import type { RoomKind } from './room.js';

export interface RoomKindDeps {
  visionMaxChars: number;
  /** A stored update from a member's connection to `<workshopId>/vision`. */
  onVisionStored(workshopId: string, memberId: string, update: Uint8Array, doc: import('yjs').Doc): void;
  now?: () => Date;
}

const PLAIN: RoomKind = { gc: true };

/** A facilitator deleting board elements is a decision for the audit log, like `content.remove`. */
function boardKind(workshopId: string, boardId: string, now: () => Date): RoomKind {
  return {
    gc: true,
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
    if (ref?.part.kind === 'board') return boardKind(ref.workshopId, ref.part.boardId, deps.now ?? (() => new Date()));
    if (ref?.part.kind !== 'vision') return PLAIN;
    const { workshopId } = ref;
    return {
      gc: false,
      cap: { max: deps.visionMaxChars, measure: visionTextLength },
      onStored: (memberId, update, doc) => deps.onVisionStored(workshopId, memberId, update, doc),
    };
  };
}
