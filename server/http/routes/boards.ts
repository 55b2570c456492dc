/** `/api/workshops/:id/boards…`: several boards per workshop (facilitators change them; docs/api.md). */
import { Router, type Request } from 'express';
import { CreateBoardBody, DuplicateBoardBody, Id, UpdateBoardBody } from '../../../shared/api.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { BoardService } from '../../services/boards.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

export interface BoardRouteDeps {
  boards: BoardService;
  auth: Authenticator;
  publicUrl: string | null;
}

export function boardRoutes(deps: BoardRouteDeps): Router {
  const { boards } = deps;
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);
  const boardId = (req: Request) => parseInput(Id, req.params.boardId);

  r.get('/workshops/:id/boards', member, async (req, res) => {
    res.json(await boards.list(actorOf(res.locals), id(req)));
  });

  r.post('/workshops/:id/boards', member, async (req, res) => {
    res.status(201).json(await boards.create(actorOf(res.locals), id(req), parseInput(CreateBoardBody, req.body)));
  });

  r.patch('/workshops/:id/boards/:boardId', member, async (req, res) => {
    res.json(await boards.update(actorOf(res.locals), id(req), boardId(req), parseInput(UpdateBoardBody, req.body)));
  });

  r.post('/workshops/:id/boards/:boardId/duplicate', member, async (req, res) => {
    res.status(201).json(await boards.duplicate(actorOf(res.locals), id(req), boardId(req), parseInput(DuplicateBoardBody, req.body ?? {})));
  });

  r.delete('/workshops/:id/boards/:boardId', member, async (req, res) => {
    res.json(await boards.remove(actorOf(res.locals), id(req), boardId(req)));
  });

  return r;
}
