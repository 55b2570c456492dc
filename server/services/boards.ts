/**
 * Several boards per workshop (issue #16): facilitators add, rename, reorder, duplicate and
 * delete them. Each board is its own room (`<workshop>/board/<id>`) with its own lock, dot votes
 * and export. Every change is audited and broadcast as `boards.changed` with the whole ordered
 * list, so every open page follows. A deleted board's live connections close with 4404 (unknown
 * room) on every instance before its document goes; a workshop always keeps one board.
 */
import * as Y from 'yjs';
import type { BoardDto, CreateBoardBody, DuplicateBoardBody, Language, UpdateBoardBody } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import { Limits } from '../../shared/limits.js';
import { authorize, type Actor } from '../auth/access.js';
import type { BoardRecord } from '../store/types.js';
import { recorded, type DecisionDeps } from './ports.js';

/** Closes a board room's connections here and on other instances, and unloads it (no compaction). */
export interface RoomEvictor {
  evictRoom(room: string): Promise<void>;
}

export interface BoardServiceDeps extends DecisionDeps {
  evictor: RoomEvictor;
  /** Called after a board is gone, so the write guard forgets its lock on every instance. */
  locksChanged: (workshopId: string) => void;
}

export const boardRoom = (workshopId: string, boardId: string): string => formatRoom({ workshopId, part: { kind: 'board', boardId } });
const toDto = (b: BoardRecord): BoardDto => ({ id: b.id, title: b.title, room: boardRoom(b.workshopId, b.id) });

/** A copy's default title, in the workshop's language. */
const COPY: Record<Language, (title: string) => string> = {
  nn: (t) => `${t} (kopi)`,
  nb: (t) => `${t} (kopi)`,
  en: (t) => `${t} (copy)`,
};

export function createBoardService(deps: BoardServiceDeps) {
  const { store, sink } = deps;

  async function boardOf(workshopId: string, boardId: string): Promise<{ board: BoardRecord; all: BoardRecord[] }> {
    const all = await store.workshops.boards(workshopId);
    const board = all.find((b) => b.id === boardId);
    if (!board) throw new AppError(ErrorCode.notFound, 404, 'There is no such board in this workshop.');
    return { board, all };
  }

  function roomForMore(all: BoardRecord[]): void {
    if (all.length >= Limits.boardsMax) throw new AppError(ErrorCode.conflict, 409, `A workshop has at most ${Limits.boardsMax} boards. Delete one you no longer need first.`);
  }

  /** The list after a change, ordered, for the answer and the broadcast. */
  async function announce(workshopId: string, seq: number): Promise<BoardDto[]> {
    const boards = (await store.workshops.boards(workshopId)).map(toDto);
    sink.broadcast(workshopId, 'boards.changed', { seq, boards });
    return boards;
  }

  /** Positions 0…n-1 in the given order, written only where they changed. */
  async function renumber(tx: typeof store, workshopId: string, ordered: BoardRecord[]): Promise<void> {
    for (const [position, b] of ordered.entries()) if (b.position !== position) await tx.workshops.updateBoard(workshopId, b.id, { position });
  }

  return {
    async list(actor: Actor, workshopId: string): Promise<BoardDto[]> {
      authorize(actor, 'workshop.read', workshopId);
      return (await store.workshops.boards(workshopId)).map(toDto);
    },

    async create(actor: Actor, workshopId: string, body: CreateBoardBody): Promise<BoardDto> {
      authorize(actor, 'facilitation.run', workshopId);
      const all = await store.workshops.boards(workshopId);
      roomForMore(all);
      const at = deps.now().toISOString();
      const board: BoardRecord = { id: deps.newId(), workshopId, title: body.title, createdAt: at, position: all.length };
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await renumber(tx, workshopId, all);
        await tx.workshops.addBoard(board);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'board.created', data: { boardId: board.id, title: board.title } });
      });
      await announce(workshopId, seq);
      return toDto(board);
    },

    async update(actor: Actor, workshopId: string, boardId: string, body: UpdateBoardBody): Promise<BoardDto[]> {
      authorize(actor, 'facilitation.run', workshopId);
      const { board, all } = await boardOf(workshopId, boardId);
      const at = deps.now().toISOString();
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        if (body.title !== undefined) await tx.workshops.updateBoard(workshopId, boardId, { title: body.title });
        if (body.order !== undefined) {
          const rest = all.filter((b) => b.id !== boardId);
          rest.splice(Math.min(body.order, rest.length), 0, board);
          await renumber(tx, workshopId, rest);
        }
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'board.updated', data: { boardId, ...(body.title !== undefined ? { title: body.title } : {}), ...(body.order !== undefined ? { order: body.order } : {}) } });
      });
      return announce(workshopId, seq);
    },

    /** A new board after the original, with a copy of its content as the server has it now. */
    async duplicate(actor: Actor, workshopId: string, boardId: string, body: DuplicateBoardBody): Promise<BoardDto> {
      authorize(actor, 'facilitation.run', workshopId);
      const { board: source, all } = await boardOf(workshopId, boardId);
      roomForMore(all);
      const workshop = await store.workshops.get(workshopId);
      const at = deps.now().toISOString();
      const title = body.title ?? COPY[workshop?.language ?? 'nn'](source.title).slice(0, Limits.boardTitleMax);
      const copy: BoardRecord = { id: deps.newId(), workshopId, title, createdAt: at, position: source.position + 1 };
      const content = await deps.docs.read(boardRoom(workshopId, boardId), (doc) => Y.encodeStateAsUpdate(doc));
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await tx.workshops.addBoard(copy);
        const ordered = all.flatMap((b) => (b.id === source.id ? [b, copy] : [b]));
        await renumber(tx, workshopId, ordered);
        await tx.docs.appendUpdate(boardRoom(workshopId, copy.id), content);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'board.duplicated', data: { boardId: copy.id, from: boardId, title } });
      });
      await announce(workshopId, seq);
      return toDto(copy);
    },

    async remove(actor: Actor, workshopId: string, boardId: string): Promise<BoardDto[]> {
      authorize(actor, 'facilitation.run', workshopId);
      const { board, all } = await boardOf(workshopId, boardId);
      if (all.length === 1) throw new AppError(ErrorCode.conflict, 409, 'A workshop keeps at least one board. Add another board before deleting this one.');
      const room = boardRoom(workshopId, boardId);
      // Connections first, so nothing writes into the room while it goes (refused until it is gone).
      await deps.evictor.evictRoom(room);
      const at = deps.now().toISOString();
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await tx.docs.delete(room);
        await tx.workshops.deleteBoard(workshopId, boardId);
        await renumber(tx, workshopId, all.filter((b) => b.id !== boardId));
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'board.deleted', data: { boardId, title: board.title } });
      });
      deps.locksChanged(workshopId);
      return announce(workshopId, seq);
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
