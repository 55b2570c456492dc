import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from './board-doc.js';
import { KINDS } from './kinds.js';
import { insertNoteGrid } from './note-grid.js';
import { F } from './schema.js';

const author = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'NAV' };
let n = 0;
const board = () => new BoardDoc(new Y.Doc(), () => `id${n++}`);

describe('insertNoteGrid', () => {
  it('lays notes out in a grid inside a new frame below existing content, overlapping nothing', () => {
    const b = board();
    b.create({ kind: 'note', x: 100, y: 200, text: 'before' }, author, 'local');
    const notes = Array.from({ length: 5 }, (_, i) => ({ text: `idea ${i}`, author }));
    const { frameId, noteIds } = insertNoteGrid(b, 'Idémyldring', notes, author, 'server');
    const frame = b.get(frameId)!;
    expect(frame.text).toBe('Idémyldring');
    expect(frame.y).toBeGreaterThanOrEqual(200 + KINDS.note.size[1]);
    const placed = noteIds.map((id) => b.get(id)!);
    expect(placed.map((e) => e.text)).toEqual(notes.map((x) => x.text));
    expect(b.inside(frame).map((e) => e.id).sort()).toEqual([...noteIds].sort());
    // Three columns for five notes: the fourth starts the second row.
    expect(placed[3]!.x).toBe(placed[0]!.x);
    expect(placed[3]!.y).toBeGreaterThan(placed[0]!.y);
    for (const a of placed) for (const c of placed) if (a !== c) expect(a.x + a.w <= c.x || c.x + c.w <= a.x || a.y + a.h <= c.y || c.y + c.h <= a.y).toBe(true);
  });

  it('writes an author-less note with no author fields at all', () => {
    const b = board();
    const { noteIds } = insertNoteGrid(b, 'x', [{ text: 'anonymous', author: null }], null, 'server');
    const m = b.elements.get(noteIds[0]!)!;
    for (const f of [F.authorId, F.authorName, F.organisationId, F.organisationName]) expect(m.has(f), f).toBe(false);
    expect(b.get(noteIds[0]!)!.author).toEqual({ id: '', name: '', organisationId: null, organisationName: null });
  });
});
