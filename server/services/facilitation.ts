/**
 * The facilitator's kit: agenda phase, timer, summon, raised hands and board locks. Each change
 * is stored (with an audit entry where it is a decision) and then broadcast with the workshop's
 * next event number.
 */
import type { CommandPayload, HandView, TimerView } from '../../shared/realtime/index.js';
import { pauseTimer, remainingMs, resumeTimer, startTimer, type TimerState } from '../../shared/realtime/timer.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { authorize, type Actor } from '../auth/access.js';
import type { BoardLocks } from './board-locks.js';
import { recorded, type DecisionDeps } from './ports.js';

export type FacilitationService = ReturnType<typeof createFacilitationService>;

export function timerView(t: TimerState, now: number): TimerView {
  return { ...t, running: t.startedAt !== null && remainingMs(t, now) > 0, remainingMs: remainingMs(t, now), serverNow: now };
}

export function createFacilitationService(deps: DecisionDeps & { locks: BoardLocks }) {
  const { store, sink } = deps;
  const ws = (actor: Actor) => actor.member.workshopId;

  async function changeTimer(actor: Actor, next: (t: TimerState, now: number) => TimerState): Promise<TimerView> {
    const workshopId = ws(actor);
    authorize(actor, 'facilitation.run', workshopId);
    const now = deps.now().getTime();
    const { result: view, seq } = await recorded(deps, workshopId, async (tx) => {
      const timer = next((await tx.facilitation.get(workshopId)).timer, now);
      await tx.facilitation.setTimer(workshopId, timer);
      return timerView(timer, now);
    });
    sink.broadcast(workshopId, 'timer.changed', { seq, timer: view });
    return view;
  }

  return {
    async setPhase(actor: Actor, p: CommandPayload<'phase.set'>): Promise<{ phase: string; agenda: string[] }> {
      const workshopId = ws(actor);
      authorize(actor, 'facilitation.run', workshopId);
      const { result, seq } = await recorded(deps, workshopId, async (tx) => {
        const agenda = p.agenda ?? (await tx.facilitation.get(workshopId)).agenda;
        await tx.facilitation.setPhase(workshopId, p.phase, agenda);
        await tx.audit.append({ workshopId, at: deps.now().toISOString(), actorId: actor.member.id, type: 'phase.set', data: { phase: p.phase } });
        return { phase: p.phase, agenda };
      });
      sink.broadcast(workshopId, 'phase.changed', { seq, ...result });
      return result;
    },

    startTimer: (actor: Actor, seconds: number) => changeTimer(actor, (_t, now) => startTimer(seconds, now)),
    pauseTimer: (actor: Actor) => changeTimer(actor, pauseTimer),
    resumeTimer: (actor: Actor) => changeTimer(actor, resumeTimer),
    resetTimer: (actor: Actor) => changeTimer(actor, () => ({ startedAt: null, durationMs: 0, pausedRemainingMs: null })),

    /** Everyone's board jumps to the facilitator's view; nothing to store but the event number. */
    async summon(actor: Actor, view: CommandPayload<'view.summon'>): Promise<{ seq: number }> {
      const workshopId = ws(actor);
      authorize(actor, 'facilitation.run', workshopId);
      await requireBoard(deps, workshopId, view.boardId);
      const seq = await store.facilitation.nextSeq(workshopId);
      sink.broadcast(workshopId, 'view.summoned', { seq, by: actor.member.id, ...view });
      return { seq };
    },

    async raiseHand(actor: Actor): Promise<HandView> {
      const workshopId = ws(actor);
      authorize(actor, 'facilitation.take_part', workshopId);
      const { result: hand, seq } = await recorded(deps, workshopId, (tx) => tx.facilitation.raiseHand(workshopId, actor.member.id, deps.now().toISOString()));
      sink.broadcast(workshopId, 'hand.raised', { seq, ...hand });
      return hand;
    },

    /** Your own hand; a facilitator may lower anyone's. */
    async lowerHand(actor: Actor, memberId: string | undefined): Promise<{ memberId: string }> {
      const workshopId = ws(actor);
      const target = memberId ?? actor.member.id;
      authorize(actor, target === actor.member.id ? 'facilitation.take_part' : 'facilitation.run', workshopId);
      const { result: lowered, seq } = await recorded(deps, workshopId, (tx) => tx.facilitation.lowerHand(workshopId, target));
      if (lowered) sink.broadcast(workshopId, 'hand.lowered', { seq, memberId: target });
      return { memberId: target };
    },

    /** Without boardId: every board of the workshop. */
    async lockBoards(actor: Actor, p: CommandPayload<'board.lock'>): Promise<{ lockedBoards: string[] }> {
      const workshopId = ws(actor);
      authorize(actor, 'facilitation.run', workshopId);
      const boards = p.boardId ? [await requireBoard(deps, workshopId, p.boardId)] : (await store.workshops.boards(workshopId)).map((b) => b.id);
      const at = deps.now().toISOString();
      const { result: lockedBoards, seq } = await recorded(deps, workshopId, async (tx) => {
        const locked = await tx.facilitation.setBoardLocks(workshopId, boards, p.locked, actor.member.id, at);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: p.locked ? 'board.locked' : 'board.unlocked', data: { boardIds: boards } });
        return locked;
      });
      deps.locks.changed(workshopId, lockedBoards);
      sink.broadcast(workshopId, 'board.locked', { seq, lockedBoards });
      return { lockedBoards };
    },
  };
}

export async function requireBoard(deps: Pick<DecisionDeps, 'store'>, workshopId: string, boardId: string): Promise<string> {
  const boards = await deps.store.workshops.boards(workshopId);
  if (!boards.some((b) => b.id === boardId)) throw new AppError(ErrorCode.notFound, 404, 'boardId: no such board in this workshop.', { field: 'boardId' });
  return boardId;
}
