/**
 * What each kind of room needs beyond plain sync. The vision keeps its history (no garbage
 * collection, for milestones and "since your last visit"), has a length cap, and tells the
 * attribution recorder which member's connection wrote each stored update.
 */
import { visionTextLength } from '../../shared/vision/schema.js';
import { parseRoom } from '../../shared/ids.js';
import type { RoomKind } from './room.js';

export interface RoomKindDeps {
  visionMaxChars: number;
  /** A stored update from a member's connection to `<workshopId>/vision`. */
  onVisionStored(workshopId: string, memberId: string, update: Uint8Array, doc: import('yjs').Doc): void;
}

const PLAIN: RoomKind = { gc: true };

export function createRoomKinds(deps: RoomKindDeps): (name: string) => RoomKind {
  return (name) => {
    const ref = parseRoom(name);
    if (ref?.part.kind !== 'vision') return PLAIN;
    const { workshopId } = ref;
    return {
      gc: false,
      cap: { max: deps.visionMaxChars, measure: visionTextLength },
      onStored: (memberId, update, doc) => deps.onVisionStored(workshopId, memberId, update, doc),
    };
  };
}
