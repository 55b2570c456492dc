/** The express app: security headers, JSON API under /api, the built client with SPA routes. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Registry } from 'prom-client';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Logger } from '../log.js';
import type { BackupService } from '../services/backup.js';
import type { ExportService } from '../services/exports.js';
import type { VisionService } from '../services/vision.js';
import type { WorkshopService } from '../services/workshops.js';
import type { BoardService } from '../services/boards.js';
import type { ImageService } from '../services/images.js';
import type { MemberService } from '../services/members.js';
import type { Store } from '../store/types.js';
import { errorHandler } from './errors.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/import.js';
import { createImportGate } from './import-gate.js';
import { runImportWorker } from '../services/import-runner.js';
import type { ImportLimits } from '../config/index.js';
import { jsonBodyParser } from './json-depth.js';
import { perMemberLimit } from './member-limit.js';
import { visionRoutes } from './routes/vision.js';
import { changesRoutes } from './routes/changes.js';
import { governanceRoutes } from './routes/governance.js';
import type { PrincipleService } from '../services/principles.js';
import type { AuditLogService } from '../services/audit-log.js';
import { workshopRoutes } from './routes/workshops.js';
import { boardRoutes } from './routes/boards.js';
import { imageRoutes } from './routes/images.js';
import { meRoutes } from './routes/me.js';
import { oidcRoutes } from './routes/oidc.js';
import type { OidcClient } from '../auth/oidc-client.js';
import type { PersonSessions } from '../auth/person-sessions.js';
import type { PersonJoinService } from '../services/person-join.js';
import { memberRoutes } from './routes/members.js';
import { securityHeaders } from './security.js';
import { thisBuild } from '../build-info.js';
import { projectRoot } from '../util/project-root.js';
import { sourceRoutes } from './source.js';
import { failedAuthLimit, openLimit as createOpenLimit, type LimitStoreOptions } from './open-limit.js';

export interface HttpDeps {
  log: Logger;
  store: Store;
  auth: Authenticator;
  workshops: WorkshopService;
  boards: BoardService;
  images: ImageService;
  /** IMAGE_MAX_BYTES. */
  imageMaxBytes: number;
  members: MemberService;
  vision: VisionService;
  exports: ExportService;
  /** Writes the last-editor records still waiting (server/sync/last-edits.ts), before they are read. */
  flushLastEdits: () => Promise<void>;
  backup: BackupService;
  /** CREATE_CODE: creating or importing a workshop needs it. */
  createCode: string | null;
  imports: ImportLimits;
  principles: PrincipleService;
  audit: AuditLogService;
  publicUrl: string | null;
  /** Folder of the built client (index.html + assets); absent folder → API only. */
  clientDir: string;
  /** Rate of unauthenticated writes (create, join) per client address. */
  /** Requests per minute and client address: unauthenticated ones, and ones without a valid credential. */
  limits: { openPerMinute: number; failedAuthPerMinute: number } & LimitStoreOptions;
  /** Charter and board exports per member per minute. */
  exportsPerMinute: number;
  /** express `trust proxy`: behind a reverse proxy, rate limits key on the forwarded address. */
  trustProxy: string | false;
  /** Each must resolve for `/readyz` to answer 200 (store, fan-out). */
  readiness: (() => Promise<void>)[];
  /** Prometheus registry served at `/metrics`; null when it has a port of its own (METRICS_PORT). */
  metrics: Registry | null;
  /** Sign-in (docs/sign-in.md): null when OIDC_ISSUER is unset. */
  signIn: { client: OidcClient; redirectUri: string; label: string } | null;
  persons: PersonSessions;
  personJoin: PersonJoinService;
  /** SOURCE_URL: where this Samskap's source is published (null: served from this server). */
  sourceUrl: string | null;
  /** Signs the sign-in flow cookie (SESSION_SECRET). */
  secret: string;
  now: () => Date;
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', /^\d+$/.test(String(deps.trustProxy)) ? Number(deps.trustProxy) : deps.trustProxy);
  app.use(securityHeaders(deps.publicUrl));

  const build = thisBuild();
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, version: build.version, commit: build.commit });
  });
  app.use(sourceRoutes({ root: projectRoot(import.meta.url), sourceUrl: deps.sourceUrl, build }));
  app.get('/readyz', async (_req, res) => {
    await Promise.all(deps.readiness.map((check) => check()));
    res.json({ ok: true });
  });
  const registry = deps.metrics;
  if (registry) {
    app.get('/metrics', async (_req, res) => {
      res.setHeader('Content-Type', registry.contentType);
      res.send(await registry.metrics());
    });
  }

  const openLimit = createOpenLimit(deps.limits.openPerMinute, deps.limits);
  const { persons, personJoin } = deps;
  app.use(oidcRoutes({ oidc: deps.signIn, auth: deps.auth, persons, personJoin, secret: deps.secret, publicUrl: deps.publicUrl, openLimit, log: deps.log, now: deps.now }));

  const api = express.Router();
  // Before any route: refuses an address found past its budget of requests without a valid credential.
  const failedAuth = failedAuthLimit(deps.limits.failedAuthPerMinute, deps.limits);
  api.use(failedAuth.gate);
  // A last-seen snapshot of a much-edited vision can outgrow the general limit.
  api.use('/workshops/:id/vision/seen', jsonBodyParser({ limit: '2mb' }));
  const sessionCookie = (req: express.Request, workshopId: string, token: string) =>
    deps.auth.cookieHeader(workshopId, token, (deps.publicUrl ?? `${req.protocol}://${req.get('host')}`).startsWith('https:'));
  // Its own raw body parser (an image, not JSON), before the JSON one.
  api.use(imageRoutes({ images: deps.images, auth: deps.auth, publicUrl: deps.publicUrl, maxBytes: deps.imageMaxBytes }));
  // Before any body parser: the import refuses callers before it reads a byte (routes/import.ts).
  api.use(
    importRoutes({
      backup: deps.backup,
      createCode: deps.createCode,
      openLimit,
      sessionCookie,
      signedIn: deps.signIn ? async (req) => (await persons.fromRequest(req)) !== null : null,
      gate: createImportGate({ maxBodyBytes: deps.imports.maxBodyBytes, maxBytesPerDay: deps.imports.maxBytesPerDay }),
      prepare: (body, opts) => runImportWorker(body, opts, { heapMb: deps.imports.workerHeapMb, timeoutMs: deps.imports.timeoutMs }),
    }),
  );
  api.use(jsonBodyParser({ limit: '64kb' }));
  api.use(meRoutes({ signInLabel: deps.signIn?.label ?? null, auth: deps.auth, persons, personJoin, publicUrl: deps.publicUrl, store: deps.store }));
  api.use(workshopRoutes({ workshops: deps.workshops, auth: deps.auth, publicUrl: deps.publicUrl, openLimit }));
  api.use(boardRoutes({ boards: deps.boards, auth: deps.auth, publicUrl: deps.publicUrl }));
  const signedInMembers = async (req: express.Request) => {
    const session = await persons.fromRequest(req);
    return session ? personJoin.memberships(session.person) : [];
  };
  api.use(memberRoutes({ members: deps.members, workshops: deps.workshops, auth: deps.auth, publicUrl: deps.publicUrl, openLimit, signedInMembers }));
  api.use(visionRoutes({ vision: deps.vision, auth: deps.auth, publicUrl: deps.publicUrl }));
  api.use(changesRoutes({ store: deps.store, auth: deps.auth, publicUrl: deps.publicUrl, flushLastEdits: deps.flushLastEdits }));
  api.use(
    exportRoutes({
      exports: deps.exports,
      backup: deps.backup,
      auth: deps.auth,
      publicUrl: deps.publicUrl,
      exportLimit: perMemberLimit(deps.exportsPerMinute),
    }),
  );
  api.use(governanceRoutes({ principles: deps.principles, audit: deps.audit, auth: deps.auth, publicUrl: deps.publicUrl }));
  api.use((_req, _res, next) => next(new AppError(ErrorCode.notFound, 404, 'No such API endpoint.')));
  // After every route: counts each answer 401 (and turns the one too many into a 429).
  api.use(failedAuth.count);
  app.use('/api', api);

  if (existsSync(path.join(deps.clientDir, 'index.html'))) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
    // SPA routes only: a missing asset (e.g. an old hashed bundle after a redeploy) stays a 404.
    app.get(/^\/(?!api\/|auth\/|sync\/|socket\.io\/|assets\/)[^.]*$/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(deps.clientDir, 'index.html'));
    });
  }
  app.use((_req, _res, next) => next(new AppError(ErrorCode.notFound, 404, 'Not found.')));
  app.use(errorHandler(deps.log));
  return app;
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
