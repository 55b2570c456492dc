import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './board-doc.js';
import { isBox, KINDS, placedAt, shownText } from './kinds.js';
import { ELEMENT_KINDS } from './schema.js';

const author = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Bergen kommune' };

describe('element kinds', () => {
  it('has a rule for every kind', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...ELEMENT_KINDS].sort());
  });

  it('places a note centred on the point, at its default size', () => {
    const board = new BoardDoc(new Y.Doc(), () => 'n1');
    const at = placedAt('note', { x: 500, y: 300 });
    const n = board.get(board.create({ kind: 'note', ...at }, author, {}))!;
    expect({ cx: n.x + n.w / 2, cy: n.y + n.h / 2, w: n.w, h: n.h }).toEqual({ cx: 500, cy: 300, w: 180, h: 140 });
  });

  it('keeps connectors as lines that carry a label and cannot be connected', () => {
    expect(isBox({ kind: 'connector' })).toBe(false);
    expect(KINDS.connector).toMatchObject({ field: 'label', connectable: false, resizable: false });
    expect(KINDS.pen).toMatchObject({ field: null, shape: 'box', connectable: false });
    const board = new BoardDoc(new Y.Doc(), () => 'c1');
    const c = board.get(board.create({ kind: 'connector', x: 0, y: 0, label: 'leads to' }, author, {}))!;
    expect(shownText(c)).toBe('leads to');
  });
});
