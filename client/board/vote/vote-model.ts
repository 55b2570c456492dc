/** Dot voting, pure: which round the board shows, what can be voted on, dots per element, results in order. */
import type { BoardElement } from '../../../shared/board/schema.js';
import type { VoteResult, VoteRoundView, WorkshopState } from '../../../shared/realtime/index.js';
import { KINDS } from '../../../shared/board/kinds.js';

/** The open round on this board, else the last closed one; null when there is none. */
export function currentRound(state: WorkshopState | null, boardId: string): VoteRoundView | null {
  const rounds = (state?.rounds ?? []).filter((r) => r.boardId === boardId);
  return rounds.find((r) => r.status === 'open') ?? rounds.at(-1) ?? null;
}

/** The round's elements when it names them, else every note, text, shape and frame; in reading order. */
export function candidates(elements: readonly BoardElement[], only: readonly string[] | null): BoardElement[] {
  const allowed = only ? new Set(only) : null;
  return elements
    .filter((e) => (allowed ? allowed.has(e.id) : KINDS[e.kind].votable))
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
}

/** One entry per dot → dots per element. */
export function countDots(mine: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of mine) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

/** Most votes first; ties in a stable order. */
export const resultRows = (results: readonly VoteResult[]): VoteResult[] =>
  results.filter((r) => r.votes > 0).sort((a, b) => b.votes - a.votes || (a.elementId < b.elementId ? -1 : 1));
