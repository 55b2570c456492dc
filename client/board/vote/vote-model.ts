/** Dot voting, pure: which round the board shows, what can be voted on, dots per element, results in order. */
import type { BoardElement } from '../../../shared/board/schema.js';
import type { VoteResult, VoteRoundView, WorkshopState } from '../../../shared/realtime/index.js';
import { isFrame, KINDS, shownText } from '../../../shared/board/kinds.js';
import { containingFrame } from '../canvas/geometry.js';

/** The open round on this board, else the last closed one; null when there is none. */
export function currentRound(state: WorkshopState | null, boardId: string): VoteRoundView | null {
  const rounds = (state?.rounds ?? []).filter((r) => r.boardId === boardId);
  return rounds.find((r) => r.status === 'open') ?? rounds.at(-1) ?? null;
}

/** The round's elements when it names them, else every note and shape (not guidance text, frames or lines); top to bottom. */
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

/** What a dot vote can be limited to: the candidates in the selection, and those in each frame. */
export interface VoteScopes {
  /** The board shown, where a vote opens. */
  boardId: string;
  /** The votable elements selected, with those inside a selected frame. */
  selection: string[];
  /** Each frame with votable elements inside, top to bottom: its name and those elements. */
  frames: Array<{ name: string; ids: string[] }>;
}

export function voteScopes(boardId: string, elements: readonly BoardElement[], selected: ReadonlySet<string>): VoteScopes {
  const frames = elements.filter(isFrame).sort((a, b) => a.y - b.y || a.x - b.x);
  const inFrame = new Map<string, string[]>(frames.map((f) => [f.id, []]));
  const selection: string[] = [];
  for (const e of candidates(elements, null)) {
    const f = containingFrame(e, frames);
    if (f) inFrame.get(f.id)!.push(e.id);
    if (selected.has(e.id) || (f && selected.has(f.id))) selection.push(e.id);
  }
  return {
    boardId,
    selection,
    frames: frames.filter((f) => inFrame.get(f.id)!.length).map((f) => ({ name: shownText(f).trim(), ids: inFrame.get(f.id)! })),
  };
}
