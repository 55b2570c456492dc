/**
 * What the outline writes: adding a note to a frame and moving an element between frames, each
 * one transaction (one undo step), placed in a free spot so nothing lands on top of anything.
 */
import type { BoardDoc } from '../../../shared/board/board-doc.js';
import type { Author } from '../../../shared/board/schema.js';
import { freeSpot } from './outline-model.js';
import { isBox, KINDS } from '../../../shared/board/kinds.js';

const NOTE = { w: KINDS.note.size[0], h: KINDS.note.size[1] };

/** Adds a sticky note in `frameId`'s area (null: outside every frame); returns its id. */
export function addNote(board: BoardDoc, frameId: string | null, text: string, author: Author, origin: unknown): string {
  const frame = frameId ? board.get(frameId) : null;
  const spot = freeSpot(board, frame, NOTE);
  let id = '';
  board.doc.transact(() => {
    if (frame && spot.frameSize) board.update(frame.id, spot.frameSize, origin);
    id = board.create({ kind: 'note', x: spot.x, y: spot.y, ...NOTE, text }, author, origin);
  }, origin);
  return id;
}

/** Moves an element into `frameId`'s area (null: to the right of all frames). */
export function moveToFrame(board: BoardDoc, id: string, frameId: string | null, origin: unknown): boolean {
  const e = board.get(id);
  if (!e || KINDS[e.kind].container || !isBox(e)) return false;
  const frame = frameId ? board.get(frameId) : null;
  if (frameId && !(frame && KINDS[frame.kind].container)) return false;
  const spot = freeSpot(board, frame, { w: e.w, h: e.h }, id);
  board.doc.transact(() => {
    if (frame && spot.frameSize) board.update(frame.id, spot.frameSize, origin);
    board.move([id], spot.x - e.x, spot.y - e.y, origin);
  }, origin);
  return true;
}
