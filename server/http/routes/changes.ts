/**
 * `GET /api/workshops/:id/changes?room=…` (any member): who last changed each entry of the charter
 * or a board, as the server recorded it from authenticated connections (server/sync/ownership.ts),
 * never from document fields. Without `room`, every room's records.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { Id } from '../../../shared/api.js';
import { authorize } from '../../auth/access.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { Store } from '../../store/types.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

const ChangesQuery = z.strictObject({ room: z.string().regex(/^(charter|board\/[A-Za-z0-9_-]{16})$/, 'must be "charter" or "board/<boardId>"').optional() });

export interface ChangesRouteDeps {
  store: Store;
  /** Records a moment old are written first, so a change just made is listed. */
  flushLastEdits: () => Promise<void>;
  auth: Authenticator;
  publicUrl: string | null;
}

export function changesRoutes(deps: ChangesRouteDeps): Router {
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);
  r.get('/workshops/:id/changes', member, async (req, res) => {
    const workshopId = id(req);
    authorize(actorOf(res.locals), 'doc.read', workshopId);
    const { room } = parseInput(ChangesQuery, req.query);
    await deps.flushLastEdits();
    const edits = await deps.store.edits.list(workshopId, room ?? null);
    res.json({ changes: edits.map((e) => ({ room: e.room, key: e.key, memberId: e.memberId, organisationId: e.organisationId, at: e.at })) });
  });
  return r;
}
