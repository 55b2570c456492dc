/** `/api/workshops…` and `/api/join`: parse, call the service, answer. */
import { Router, type Request } from 'express';
import { AddOrganisationBody, CreateInviteBody, CreateWorkshopBody, Id, JoinBody, OrganisationPatchBody, UpdateWorkshopBody } from '../../../shared/api.js';
import type { Authenticator } from '../../auth/authenticator.js';
import type { WorkshopService } from '../../services/workshops.js';
import { actorOf, requireActor, sessionLookup } from '../auth-middleware.js';
import { parseInput } from '../errors.js';
import type { RequestHandler } from 'express';

export interface WorkshopRouteDeps {
  workshops: WorkshopService;
  auth: Authenticator;
  publicUrl: string | null;
  /** Rate limit for unauthenticated writes (create, join). */
  openLimit: RequestHandler;
}

export function workshopRoutes(deps: WorkshopRouteDeps): Router {
  const { workshops, auth } = deps;
  const r = Router();
  const member = requireActor(auth, deps.publicUrl);
  const base = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const secure = (req: Request) => base(req).startsWith('https:');
  const id = (req: Request) => parseInput(Id, req.params.id);

  r.post('/workshops', deps.openLimit, async (req, res) => {
    const created = await workshops.create(parseInput(CreateWorkshopBody, req.body));
    res.setHeader('Set-Cookie', auth.cookieHeader(created.id, created.token, secure(req)));
    res.status(201).json(created);
  });

  r.post('/join', deps.openLimit, async (req, res) => {
    // Already a member of this workshop (bearer token or this browser's session): back in as themselves.
    const joined = await workshops.join(parseInput(JoinBody, req.body), sessionLookup(auth, deps.publicUrl, req, true));
    res.setHeader('Set-Cookie', auth.cookieHeader(joined.workshopId, joined.token, secure(req)));
    res.status(joined.existing ? 200 : 201).json(joined);
  });

  r.get('/workshops/:id', member, async (req, res) => {
    res.json(await workshops.get(actorOf(res.locals), id(req)));
  });

  r.patch('/workshops/:id', member, async (req, res) => {
    await workshops.update(actorOf(res.locals), id(req), parseInput(UpdateWorkshopBody, req.body));
    res.json(await workshops.get(actorOf(res.locals), id(req)));
  });

  r.post('/workshops/:id/organisations', member, async (req, res) => {
    const { name, orgNumber } = parseInput(AddOrganisationBody, req.body);
    await workshops.addOrganisation(actorOf(res.locals), id(req), name, orgNumber ?? null);
    res.status(201).json(await workshops.get(actorOf(res.locals), id(req)));
  });

  r.patch('/workshops/:id/organisations/:orgId', member, async (req, res) => {
    const patch = parseInput(OrganisationPatchBody, req.body);
    await workshops.updateOrganisation(actorOf(res.locals), id(req), parseInput(Id, req.params.orgId), patch);
    res.json(await workshops.get(actorOf(res.locals), id(req)));
  });

  r.get('/workshops/:id/members', member, async (req, res) => {
    res.json({ members: await workshops.members(actorOf(res.locals), id(req)) });
  });

  r.post('/workshops/:id/invites', member, async (req, res) => {
    const body = parseInput(CreateInviteBody, req.body);
    res.status(201).json(await workshops.createInvite(actorOf(res.locals), id(req), body, base(req)));
  });

  r.get('/workshops/:id/invites', member, async (req, res) => {
    res.json({ invites: await workshops.invites(actorOf(res.locals), id(req)) });
  });

  r.delete('/workshops/:id/invites/:inviteId', member, async (req, res) => {
    await workshops.revokeInvite(actorOf(res.locals), id(req), parseInput(Id, req.params.inviteId));
    res.status(204).end();
  });

  r.delete('/workshops/:id', member, async (req, res) => {
    await workshops.delete(actorOf(res.locals), id(req));
    res.setHeader('Set-Cookie', auth.clearCookieHeader(id(req), secure(req)));
    res.status(204).end();
  });

  return r;
}
