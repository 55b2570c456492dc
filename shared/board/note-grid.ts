/**
 * A frame of notes laid out as a tidy grid (revealed brainwriting, issue #16): written in one
 * transaction, placed below everything on the board so it overlaps nothing. Each note carries its
 * author, or none at all (an anonymous round: see BoardDoc.create).
 */
import { isBox, KINDS } from './kinds.js';
import type { BoardDoc } from './board-doc.js';
import type { Author } from './schema.js';

export interface GridNote {
  text: string;
  author: Author | null;
}

const GAP = 24;
const PAD = 40;
/** Room for the frame's title above the first row. */
const TITLE = 56;
const MAX_COLUMNS = 6;
/** Space between existing content and the new frame. */
const MARGIN = 120;

export function gridSize(count: number): { w: number; h: number; columns: number } {
  const [nw, nh] = KINDS.note.size;
  const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(count))));
  const rows = Math.max(1, Math.ceil(count / columns));
  return { w: PAD * 2 + columns * nw + (columns - 1) * GAP, h: PAD * 2 + TITLE + rows * nh + (rows - 1) * GAP, columns };
}

/** Top-left corner for a box of `size`: (0, 0) on an empty board, else below all content, aligned with its left edge. */
export function spotBelow(board: BoardDoc): { x: number; y: number } {
  const boxes = board.list().filter(isBox);
  if (boxes.length === 0) return { x: 0, y: 0 };
  return { x: Math.round(Math.min(...boxes.map((e) => e.x))), y: Math.round(Math.max(...boxes.map((e) => e.y + e.h)) + MARGIN) };
}

/**
 * Writes a frame titled `title` holding `notes` row by row, in one transaction. The frame names
 * `frameAuthor` (who revealed them; null for none). Returns the frame's id and the notes' ids.
 */
export function insertNoteGrid(board: BoardDoc, title: string, notes: readonly GridNote[], frameAuthor: Author | null, origin: unknown): { frameId: string; noteIds: string[] } {
  const { w, h, columns } = gridSize(notes.length);
  const [nw, nh] = KINDS.note.size;
  const at = spotBelow(board);
  let frameId = '';
  const noteIds: string[] = [];
  board.doc.transact(() => {
    frameId = board.create({ kind: 'frame', x: at.x, y: at.y, w, h, text: title }, frameAuthor, origin);
    notes.forEach((n, i) => {
      const x = at.x + PAD + (i % columns) * (nw + GAP);
      const y = at.y + PAD + TITLE + Math.floor(i / columns) * (nh + GAP);
      noteIds.push(board.create({ kind: 'note', x, y, text: n.text, color: 'yellow' }, n.author, origin));
    });
  }, origin);
  return { frameId, noteIds };
}
