import { describe, expect, it } from 'vitest';
import type { BoardElement } from '../../../shared/board/schema.js';
import type { VoteRoundView, WorkshopState } from '../../../shared/realtime/index.js';
import { candidates, countDots, currentRound, resultRows, voteScopes } from './vote-model.js';

const el = (id: string, kind: BoardElement['kind'], x: number, y: number, w = 100, h = 80, text = '') => ({ id, kind, x, y, w, h, text, label: '' }) as BoardElement;
const round = (roundId: string, boardId: string, status: 'open' | 'closed'): VoteRoundView => ({ roundId, boardId, votesPerPerson: 3, elementIds: null, status, mine: [], results: null, voters: null });

describe('dot vote model', () => {
  it('shows the open round of this board, else its last closed one', () => {
    const state = { rounds: [round('r1', 'b', 'closed'), round('r2', 'other', 'open'), round('r3', 'b', 'closed')] } as WorkshopState;
    expect(currentRound(state, 'b')?.roundId).toBe('r3');
    expect(currentRound({ ...state, rounds: [...state.rounds, round('r4', 'b', 'open')] }, 'b')?.roundId).toBe('r4');
    expect(currentRound(null, 'b')).toBeNull();
  });

  it('offers notes and shapes top to bottom (no guidance text, frame or line), or only the elements the round names', () => {
    const all = [el('c', 'connector', 0, 0), el('n2', 'note', 10, 50), el('n1', 'note', 300, 10), el('p', 'pen', 0, 0), el('f', 'frame', 0, 200), el('t', 'text', 0, 5), el('r', 'rect', 0, 300)];
    expect(candidates(all, null).map((e) => e.id)).toEqual(['n1', 'n2', 'r']);
    expect(candidates(all, ['n2', 'c']).map((e) => e.id)).toEqual(['c', 'n2']);
  });

  it('limits a vote to the selection (a selected frame brings what lies in it) or to one frame', () => {
    const all = [
      el('f1', 'frame', 0, 0, 500, 400, 'Start'), el('f2', 'frame', 600, 0, 500, 400, 'Stopp'), el('empty', 'frame', 0, 1000, 300, 300, 'Tom'),
      el('a', 'note', 20, 100), el('b', 'note', 200, 100), el('guide', 'text', 20, 20), el('c', 'note', 700, 100), el('loose', 'note', 2000, 0),
    ];
    const scopes = voteScopes('b1', all, new Set(['f1', 'loose', 'guide']));
    expect(scopes.selection.sort()).toEqual(['a', 'b', 'loose']);
    expect(scopes.frames).toEqual([
      { name: 'Start', ids: ['a', 'b'] },
      { name: 'Stopp', ids: ['c'] },
    ]);
    expect(voteScopes('b1', all, new Set()).selection).toEqual([]);
  });

  it('counts my dots and orders results by votes', () => {
    expect([...countDots(['a', 'b', 'a'])]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(resultRows([{ elementId: 'x', votes: 1 }, { elementId: 'y', votes: 4 }, { elementId: 'z', votes: 0 }]).map((r) => r.elementId)).toEqual(['y', 'x']);
  });
});
