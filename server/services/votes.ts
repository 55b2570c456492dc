/**
 * Dot voting. The budget (votes per person) is enforced atomically by the store. While a round is
 * open each voter sees only their own votes; results are anonymous counts, broadcast on close.
 * Casts are not audited one by one: the close entry carries the tally.
 */
import { KINDS } from '../../shared/board/kinds.js';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CommandPayload, VoteResult, VoteRoundView } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { VoteRoundRecord } from '../store/types.js';
import { requireBoard } from './facilitation.js';
import { recorded, type DecisionDeps } from './ports.js';

export type VoteService = ReturnType<typeof createVoteService>;

type Mine = { roundId: string; mine: string[]; remaining: number };

export function createVoteService(deps: DecisionDeps) {
  const { store, sink } = deps;

  async function roundOf(workshopId: string, roundId: string): Promise<VoteRoundRecord> {
    const r = await store.votes.round(workshopId, roundId);
    if (!r) throw new AppError(ErrorCode.notFound, 404, 'roundId: no such vote round in this workshop.', { field: 'roundId' });
    return r;
  }
  async function mine(r: VoteRoundRecord, memberId: string): Promise<Mine> {
    const votes = await store.votes.votesOf(r.id, memberId);
    return { roundId: r.id, mine: votes, remaining: Math.max(0, r.votesPerPerson - votes.length) };
  }

  return {
    async open(actor: Actor, p: CommandPayload<'vote.open'>): Promise<{ roundId: string }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      await requireBoard(deps, workshopId, p.boardId);
      const elementIds = p.elementIds ? [...new Set(p.elementIds)] : null;
      const round: VoteRoundRecord = {
        id: deps.newId(), workshopId, boardId: p.boardId, votesPerPerson: p.votesPerPerson, elementIds,
        status: 'open', openedBy: actor.member.id, openedAt: deps.now().toISOString(), closedAt: null,
      };
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await tx.votes.openRound(round);
        await tx.audit.append({ workshopId, at: round.openedAt, actorId: actor.member.id, type: 'vote.opened', data: { roundId: round.id, boardId: round.boardId, votesPerPerson: round.votesPerPerson, elementIds } });
      });
      sink.broadcast(workshopId, 'vote.opened', { seq, roundId: round.id, boardId: round.boardId, votesPerPerson: round.votesPerPerson, elementIds });
      return { roundId: round.id };
    },

    async cast(actor: Actor, p: CommandPayload<'vote.cast'>): Promise<Mine> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      const r = await roundOf(workshopId, p.roundId);
      if (r.elementIds && !r.elementIds.includes(p.elementId)) {
        throw new AppError(ErrorCode.validationFailed, 400, 'elementId: not one of the elements in this round', { field: 'elementId' });
      }
      // A round over the whole board: the element must be on it (as the server's copy has it), and
      // be a candidate (a note or a shape: not a frame, guidance text, line or drawing).
      if (!r.elementIds) {
        const room = formatRoom({ workshopId, part: { kind: 'board', boardId: r.boardId } });
        const kind = await deps.docs.read(room, (doc) => new BoardDoc(doc, () => '').get(p.elementId)?.kind ?? null);
        if (!kind) throw new AppError(ErrorCode.validationFailed, 400, 'elementId: no such element on this board', { field: 'elementId' });
        if (!KINDS[kind].votable) throw new AppError(ErrorCode.validationFailed, 400, `elementId: a ${kind} is not voted on; only notes and shapes are`, { field: 'elementId' });
      }
      const result = await store.votes.cast(workshopId, r.id, actor.member.id, p.elementId, deps.now().toISOString());
      if (result === 'closed') throw new AppError(ErrorCode.conflict, 409, 'This vote round is closed.');
      if (result === 'over_budget') throw new AppError(ErrorCode.voteBudgetSpent, 409, `You have used all ${r.votesPerPerson} of your votes in this round.`);
      return mine(r, actor.member.id);
    },

    async retract(actor: Actor, p: CommandPayload<'vote.retract'>): Promise<Mine> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      const r = await roundOf(workshopId, p.roundId);
      if (r.status !== 'open') throw new AppError(ErrorCode.conflict, 409, 'This vote round is closed.');
      if (!(await store.votes.retract(workshopId, r.id, actor.member.id, p.elementId))) {
        throw new AppError(ErrorCode.notFound, 404, 'elementId: you have no vote on this element in this round.', { field: 'elementId' });
      }
      return mine(r, actor.member.id);
    },

    async close(actor: Actor, roundId: string): Promise<{ roundId: string; results: VoteResult[]; voters: number }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const r = await roundOf(workshopId, roundId);
      const at = deps.now().toISOString();
      const { result, seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.votes.close(workshopId, roundId, at))) throw new AppError(ErrorCode.conflict, 409, 'This vote round is already closed.');
        const tally = await tx.votes.results(roundId);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'vote.closed', data: { roundId, boardId: r.boardId, ...tally } });
        return tally;
      });
      sink.broadcast(workshopId, 'vote.closed', { seq, roundId, boardId: r.boardId, ...result });
      return { roundId, ...result };
    },

    async views(actor: Actor): Promise<VoteRoundView[]> {
      const rounds = await store.votes.rounds(actor.member.workshopId);
      return Promise.all(
        rounds.map(async (r) => {
          const closed = r.status === 'closed' ? await store.votes.results(r.id) : null;
          return {
            roundId: r.id, boardId: r.boardId, votesPerPerson: r.votesPerPerson, elementIds: r.elementIds, status: r.status,
            mine: await store.votes.votesOf(r.id, actor.member.id), results: closed?.results ?? null, voters: closed?.voters ?? null,
          };
        }),
      );
    },
  };
}
