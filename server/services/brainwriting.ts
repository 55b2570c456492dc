/**
 * Brainwriting (issue #16): a facilitator opens a round on a board; everyone writes notes that
 * the server keeps, each visible only to its author (not even to the facilitator), while
 * broadcasts carry counts only; the reveal writes every note onto the board as a grid inside a
 * new frame, then forgets them. A note of an attributed round carries its author like any note;
 * one of an anonymous round carries no author at all, and nothing names its author afterwards:
 * not the board, not the audit entry (the facilitator and the count only), not the store (the
 * notes are deleted with the reveal) and not the order (anonymous notes are sorted by text).
 * Adding and removing notes is not audited, like answers and dots.
 */
import { BoardDoc } from '../../shared/board/board-doc.js';
import { insertNoteGrid, type GridNote } from '../../shared/board/note-grid.js';
import type { Author } from '../../shared/board/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import { RealtimeLimits, type BrainwritingMine, type BrainwritingRoundView, type CommandPayload } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { BrainwritingNoteRecord, BrainwritingRoundRecord, Store } from '../store/types.js';
import { requireBoard } from './facilitation.js';
import { recorded, type DecisionDeps } from './ports.js';

export type BrainwritingService = ReturnType<typeof createBrainwritingService>;

/** The frame's title when the round has no prompt, in the workshop's language. */
const TITLE = { nn: 'Idémyldring', nb: 'Idémyldring', en: 'Brainwriting' } as const;

const noRound = () => new AppError(ErrorCode.notFound, 404, 'roundId: no such brainwriting round in this workshop.', { field: 'roundId' });
const notOpen = () => new AppError(ErrorCode.conflict, 409, 'This brainwriting round takes no more notes.');

const noteView = (n: BrainwritingNoteRecord) => ({ noteId: n.id, text: n.text, at: n.at });

export function createBrainwritingService(deps: DecisionDeps) {
  const { store, sink } = deps;

  async function roundOf(workshopId: string, roundId: string): Promise<BrainwritingRoundRecord> {
    const r = await store.brainwriting.round(workshopId, roundId);
    if (!r) throw noRound();
    return r;
  }

  /** The member's own notes and the counts, after an add or a removal; the counts are broadcast. */
  async function mineAndCount(workshopId: string, roundId: string, memberId: string, change: (tx: Store) => Promise<void>): Promise<BrainwritingMine> {
    const { result: counts, seq } = await recorded(deps, workshopId, async (tx) => {
      await change(tx);
      return tx.brainwriting.count(roundId);
    });
    sink.broadcast(workshopId, 'brainwriting.counted', { seq, roundId, ...counts });
    return { roundId, mine: (await store.brainwriting.notesOf(roundId, memberId)).map(noteView), ...counts };
  }

  /** How the board names a member: their name and organisation now (as a client writes them). */
  async function authors(workshopId: string): Promise<(memberId: string, organisationId: string | null) => Author> {
    const [members, orgs] = await Promise.all([store.workshops.members(workshopId), store.workshops.organisations(workshopId)]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const name = new Map(members.map((m) => [m.id, m.displayName]));
    return (id, organisationId) => ({ id, name: name.get(id) ?? '', organisationId, organisationName: organisationId ? (orgName.get(organisationId) ?? null) : null });
  }

  return {
    async open(actor: Actor, p: CommandPayload<'brainwriting.open'>): Promise<{ roundId: string }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      await requireBoard(deps, workshopId, p.boardId);
      const round: BrainwritingRoundRecord = {
        id: deps.newId(), workshopId, boardId: p.boardId, prompt: p.prompt ?? null, anonymous: p.anonymous, status: 'open',
        openedBy: actor.member.id, openedAt: deps.now().toISOString(), revealed: null,
      };
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await tx.brainwriting.openRound(round);
        await tx.audit.append({ workshopId, at: round.openedAt, actorId: actor.member.id, type: 'brainwriting.opened', data: { roundId: round.id, boardId: round.boardId, prompt: round.prompt, anonymous: round.anonymous } });
      });
      sink.broadcast(workshopId, 'brainwriting.opened', { seq, roundId: round.id, boardId: round.boardId, prompt: round.prompt, anonymous: round.anonymous });
      return { roundId: round.id };
    },

    async add(actor: Actor, p: CommandPayload<'brainwriting.add'>): Promise<BrainwritingMine> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      await roundOf(workshopId, p.roundId);
      const note: BrainwritingNoteRecord = { id: deps.newId(), roundId: p.roundId, memberId: actor.member.id, organisationId: actor.member.organisationId, text: p.text, at: deps.now().toISOString() };
      const perPerson = RealtimeLimits.brainwritingNotesPerPerson;
      return mineAndCount(workshopId, p.roundId, actor.member.id, async (tx) => {
        const added = await tx.brainwriting.add(workshopId, note, perPerson);
        if (added === 'not_open') throw notOpen();
        if (added === 'over_limit') throw new AppError(ErrorCode.conflict, 409, `You have written all ${perPerson} notes a round takes from one person.`);
      });
    },

    async remove(actor: Actor, p: CommandPayload<'brainwriting.remove'>): Promise<BrainwritingMine> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      const r = await roundOf(workshopId, p.roundId);
      if (r.status !== 'open') throw notOpen();
      return mineAndCount(workshopId, p.roundId, actor.member.id, async (tx) => {
        if (!(await tx.brainwriting.remove(workshopId, p.roundId, actor.member.id, p.noteId))) {
          throw new AppError(ErrorCode.notFound, 404, 'noteId: you have no such note in this round, or it takes no more changes.', { field: 'noteId' });
        }
      });
    },

    /**
     * Closes the round (no more notes), then writes its notes onto the board and records the
     * reveal in the board update's transaction. A reveal that could not be stored leaves the round
     * closed with its notes, and may be tried again.
     */
    async reveal(actor: Actor, roundId: string): Promise<{ roundId: string; frameId: string | null; count: number }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const r = await roundOf(workshopId, roundId);
      if (r.status === 'revealed') throw new AppError(ErrorCode.conflict, 409, 'This brainwriting round has already been revealed.');
      await store.brainwriting.close(workshopId, roundId);
      const notes = await store.brainwriting.notes(roundId);
      const at = deps.now().toISOString();
      const audit = async (tx: Store, frameId: string | null, noteIds: string[]) => {
        if (!(await tx.brainwriting.reveal(workshopId, roundId, { at, frameId, notes: notes.length, writers: new Set(notes.map((n) => n.memberId)).size }))) throw new AppError(ErrorCode.conflict, 409, 'This brainwriting round has already been revealed.');
        const seq = await tx.facilitation.nextSeq(workshopId);
        // An anonymous round's entry names nobody but the facilitator (its actor).
        const written = r.anonymous ? {} : { notes: notes.map((n, i) => ({ elementId: noteIds[i], memberId: n.memberId, organisationId: n.organisationId })) };
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'brainwriting.revealed', data: { roundId, boardId: r.boardId, anonymous: r.anonymous, frameId, count: notes.length, ...written } });
        return seq;
      };
      let seq = 0;
      let frameId: string | null = null;
      if (notes.length === 0) {
        seq = await store.transaction((tx) => audit(tx, null, []));
      } else {
        const author = await authors(workshopId);
        const grid: GridNote[] = notes.map((n) => ({ text: n.text, author: r.anonymous ? null : author(n.memberId, n.organisationId) }));
        // Anonymous notes in text order: the order they were written in would hint at who wrote them.
        if (r.anonymous) grid.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
        const workshop = await store.workshops.get(workshopId);
        const title = r.prompt ?? TITLE[workshop?.language ?? 'nn'];
        const revealer = author(actor.member.id, actor.member.organisationId);
        let noteIds: string[] = [];
        await deps.docs.change(
          formatRoom({ workshopId, part: { kind: 'board', boardId: r.boardId } }),
          (doc) => {
            const placed = insertNoteGrid(new BoardDoc(doc, deps.newId), title, grid, revealer, 'server');
            frameId = placed.frameId;
            noteIds = placed.noteIds;
          },
          async (tx) => {
            seq = await audit(tx, frameId, r.anonymous ? [] : noteIds);
          },
        );
      }
      sink.broadcast(workshopId, 'brainwriting.revealed', { seq, roundId, boardId: r.boardId, frameId, count: notes.length });
      return { roundId, frameId, count: notes.length };
    },

    /** Every round as this actor may see it: counts, and the actor's own notes only. */
    async views(actor: Actor): Promise<BrainwritingRoundView[]> {
      const rounds = await store.brainwriting.rounds(actor.member.workshopId);
      return Promise.all(
        rounds.map(async (r) => ({
          roundId: r.id, boardId: r.boardId, prompt: r.prompt, anonymous: r.anonymous, status: r.status, frameId: r.revealed?.frameId ?? null,
          ...(r.revealed ? r.revealed : await store.brainwriting.count(r.id)),
          mine: (await store.brainwriting.notesOf(r.id, actor.member.id)).map(noteView),
        })),
      );
    },
  };
}
