/** `/api/workshops/:id/principles`, `/api/workshops/:id/audit` and `/api/audit-key`: parse, call the service, answer. */
import { Router, type Request } from 'express';
import { Id } from '../../../shared/api.js';
import { CreatePrincipleBody } from '../../../shared/charter/api.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { AuditLogService } from '../../services/audit-log.js';
import type { PrincipleService } from '../../services/principles.js';
import { actorOf, requireActor } from '../auth-middleware.js';
import { parseInput } from '../errors.js';

export interface GovernanceRouteDeps {
  principles: PrincipleService;
  audit: AuditLogService;
  auth: Authenticator;
  publicUrl: string | null;
}

export function governanceRoutes(deps: GovernanceRouteDeps): Router {
  const r = Router();
  const member = requireActor(deps.auth, deps.publicUrl);
  const id = (req: Request) => parseInput(Id, req.params.id);

  r.post('/workshops/:id/principles', member, async (req, res) => {
    const { text } = parseInput(CreatePrincipleBody, req.body);
    res.status(201).json(await deps.principles.createDraft(actorOf(res.locals), id(req), text));
  });

  r.get('/workshops/:id/principles', member, async (req, res) => {
    res.json({ principles: await deps.principles.views(actorOf(res.locals), id(req)) });
  });

  r.get('/workshops/:id/audit', member, async (req, res) => {
    res.json(await deps.audit.read(actorOf(res.locals), id(req)));
  });

  r.get('/audit-key', async (_req, res) => {
    res.json(await deps.audit.key());
  });

  return r;
}
