/** `/api/workshops/:id/vision…` and `/api/workshops/:id/milestones…`: parse, call the service, answer. */
import { Router, type Request } from 'express';
import { Id } from '../../../shared/api.js';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import { CreateMilestoneBody, SeenBody } from '../../../shared/vision/api.js';
import { ID_PATTERN } from '../../../shared/ids.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { VisionService } from '../../services/vision.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

export interface VisionRouteDeps {
  vision: VisionService;
  auth: Authenticator;
  publicUrl: string | null;
}

export function visionRoutes(deps: VisionRouteDeps): Router {
  const { vision } = deps;
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);

  r.get('/workshops/:id/vision/authors', member, async (req, res) => {
    res.json(await vision.authors(actorOf(res.locals), id(req)));
  });

  r.get('/workshops/:id/vision/seen', member, async (req, res) => {
    res.json(await vision.seen(actorOf(res.locals), id(req)));
  });

  r.put('/workshops/:id/vision/seen', member, async (req, res) => {
    await vision.setSeen(actorOf(res.locals), id(req), parseInput(SeenBody, req.body).snapshot);
    res.status(204).end();
  });

  r.post('/workshops/:id/vision/reset', member, async (req, res) => {
    await vision.reset(actorOf(res.locals), id(req));
    res.status(204).end();
  });

  r.get('/workshops/:id/vision/history', member, async (req, res) => {
    res.json(await vision.history(actorOf(res.locals), id(req)));
  });

  r.post('/workshops/:id/vision/compact', member, async (req, res) => {
    res.json(await vision.compactHistory(actorOf(res.locals), id(req)));
  });

  r.get('/workshops/:id/milestones', member, async (req, res) => {
    res.json({ milestones: await vision.milestones(actorOf(res.locals), id(req)) });
  });

  r.post('/workshops/:id/milestones', member, async (req, res) => {
    const { name } = parseInput(CreateMilestoneBody, req.body);
    res.status(201).json(await vision.createMilestone(actorOf(res.locals), id(req), name));
  });

  r.get('/workshops/:id/milestones/:milestoneId', member, async (req, res) => {
    const milestoneId = String(req.params.milestoneId);
    const workshopId = id(req);
    // A malformed id cannot name a milestone: the same 404 as an unknown one.
    if (!ID_PATTERN.test(milestoneId)) throw new AppError(ErrorCode.milestoneNotFound, 404, 'No such milestone in this workshop.');
    res.json(await vision.milestone(actorOf(res.locals), workshopId, milestoneId));
  });

  return r;
}
