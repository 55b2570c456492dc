import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../../../shared/board/board-doc.js';
import type { BoardSession } from '../board-session.js';
import { insertTemplateAtCenter } from './insert.js';

let n = 0;
function session(readOnly: boolean): BoardSession {
  const board = new BoardDoc(new Y.Doc(), () => `i${++n}`);
  const origin = { local: 'm1' };
  const me = { id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Nav', role: readOnly ? 'observer' : 'participant' } as const;
  const undo = new Y.UndoManager(board.elements, { trackedOrigins: new Set([origin]) });
  return { board, me, readOnly, origin, undo } as unknown as BoardSession;
}

describe('insertTemplateAtCenter', () => {
  it('inserts as me, around the centre, in the given language, beside what is already there', () => {
    const s = session(false);
    const first = insertTemplateAtCenter(s, 'start-stop-continue', { x: 500, y: 300 }, 'nb');
    const frames = first.map((id) => s.board.get(id)!).filter((e) => e.kind === 'frame');
    expect(frames.map((f) => f.text)).toEqual(['Start', 'Stopp', 'Fortsett']);
    const left = Math.min(...frames.map((f) => f.x));
    const right = Math.max(...frames.map((f) => f.x + f.w));
    expect((left + right) / 2).toBeCloseTo(500, -1);
    expect(frames[0]!.author).toEqual({ id: 'm1', name: 'Kari', organisationId: 'o1', organisationName: 'Nav' });

    const second = insertTemplateAtCenter(s, 'start-stop-continue', { x: 500, y: 300 }, 'nb');
    const top = Math.min(...second.map((id) => s.board.get(id)!.y));
    expect(top).toBeGreaterThanOrEqual(Math.max(...frames.map((f) => f.y + f.h)));
  });

  it('writes nothing for observers', () => {
    const s = session(true);
    expect(insertTemplateAtCenter(s, 'actor-map', { x: 0, y: 0 }, 'nn')).toEqual([]);
    expect(s.board.list()).toEqual([]);
  });
});
