/**
 * Composition root: one HTTP server, one port. Requests go to socket.io's engine under
 * `/socket.io/` and to express otherwise; upgrades are routed by path here and only here.
 * With REDIS_URL, documents, awareness and socket.io broadcasts fan out to other instances.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAuthenticator } from './auth/authenticator.js';
import { createOidcClient } from './auth/oidc-client.js';
import { createPersonSessions } from './auth/person-sessions.js';
import { createPersonJoinService } from './services/person-join.js';
import { createSessions } from './auth/sessions.js';
import { newId } from './auth/tokens.js';
import type { Config } from './config/index.js';
import { createHttpApp } from './http/app.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { createRealtime, SOCKET_PATH } from './realtime/index.js';
import { LocalFanout, type Fanout } from './scale/fanout.js';
import { createBackupService } from './services/backup.js';
import { createExportService } from './services/exports.js';
import { createPngRenderer } from './export/png-renderer.js';
import { createVisionService } from './services/vision.js';
import { createWorkshopService } from './services/workshops.js';
import { createBoardService } from './services/boards.js';
import { createImageService } from './services/images.js';
import { createMemberService } from './services/members.js';
import { createAuditLogService } from './services/audit-log.js';
import { verifyAuditChain } from './store/audit-hash.js';
import { createBoardLocks } from './services/board-locks.js';
import { createDecisionServices } from './services/decisions.js';
import { createStore } from './store/index.js';
import { dataDirCheck } from './store/data-dir-check.js';
import type { Store } from './store/types.js';
import { createAttributionRecorder } from './services/vision-attribution.js';
import { DocRegistry } from './sync/doc-registry.js';
import { createRoomKinds } from './sync/room-kinds.js';
import { createLastEditRecorder } from './sync/last-edits.js';
import { createLoadGauge } from './sync/load-gauge.js';
import { createSyncEndpoint, SYNC_PREFIX } from './sync/endpoint.js';

export interface Samskap {
  server: Server;
  store: Store;
  sync: ReturnType<typeof createSyncEndpoint>;
  registry: DocRegistry;
  metrics: Metrics;
  fanout: Fanout;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** The port `/metrics` listens on when it has its own (METRICS_PORT), else null. */
  metricsPort(): number | null;
  /** Graceful: stores everything queued, closes sockets, then the store. */
  close(): Promise<void>;
}

export interface SamskapOptions {
  clientDir: string;
  store?: Store;
  /** The decision services' clock (timers, timestamps); tests inject one. */
  now?: () => Date;
}

/** What several instances need, loaded on demand (about 10 MB resident a single instance is spared). */
async function loadRedis() {
  const [{ Redis }, { RedisFanout }, { RedisStore }] = await Promise.all([import('ioredis'), import('./scale/redis-fanout.js'), import('rate-limit-redis')]);
  return { Redis, RedisFanout, RedisStore };
}

export async function createSamskap(config: Config, log: Logger, opts: SamskapOptions): Promise<Samskap> {
  const store = opts.store ?? (await createStore(config, log));
  await store.audit.publicKey(); // the audit chain's key pair: made on the first start, then shared
  const now = opts.now ?? (() => new Date());
  const instanceId = newId();
  // Redis and its clients load only when configured: a single instance does without them.
  const redis = config.redisUrl ? await loadRedis() : null;
  const fanout: Fanout = redis && config.redisUrl
    ? new redis.RedisFanout({ url: config.redisUrl, instanceId, prefix: config.redisPrefix, log })
    : new LocalFanout(instanceId);
  const sessions = createSessions({ store, idleDays: config.sessionIdleDays, now, onTouchError: (err) => log.warn({ err }, 'a credential\'s last use could not be recorded') });
  const auth = createAuthenticator({ sessions, secret: config.sessionSecret });
  // Read when scraped, after `registry` exists.
  const metrics: Metrics = new Metrics({
    roomsLoaded: (): number => registry.rooms().length,
    roomBytes: (): number => registry.rooms().reduce((n, room) => n + room.storedBytes, 0),
  });
  const lastEdits = createLastEditRecorder({ store, log });
  // Readers of the records (changes, exports, backups) write what is waiting first.
  const flushLastEdits = () => lastEdits.flush();
  const registry: DocRegistry = new DocRegistry({
    store,
    log,
    fanout,
    metrics,
    compaction: { afterUpdates: config.sync.compactAfterUpdates, afterBytes: config.sync.compactAfterBytes },
    unloadAfterMs: config.sync.unloadAfterMs,
    tick: { framesPerSecond: config.sync.roomWritesPerSecond, quietFramesPerSecond: config.sync.roomWritesPerSecondQuiet, maxMs: 50, load: createLoadGauge() },
    reconcileEveryMs: config.redisUrl ? config.sync.reconcileEveryMs : 0,
    maxDocBytes: config.sync.maxDocBytes,
    kindOf: createRoomKinds({
      store,
      log,
      visionMaxChars: config.sync.visionMaxChars,
      boardMaxElements: config.sync.boardMaxElements,
      onVisionStored: createAttributionRecorder({ store, log }),
      lastEdits,
    }),
  });
  const locks = createBoardLocks({ store, announce: (workshopId) => fanout.publishControl(`locks:${workshopId}`) });
  const sync = createSyncEndpoint({ registry, auth, store, log, limits: config.sync, publicUrl: config.publicUrl, stats: metrics.sync, fanout, writeGuard: locks });
  fanout.onControl((command) => {
    const [verb, workshopId, memberId, reason] = command.split(':');
    if (verb === 'evict-room') {
      const room = command.slice('evict-room:'.length);
      sync.roomEvictedElsewhere(room).catch((err: unknown) => log.warn({ err, room }, 'board eviction from another instance failed'));
    }
    if (verb === 'evict-member' && workshopId && memberId) sync.evictMember(workshopId, memberId, reason === 'removed' || reason === 'merged' ? reason : 'role_changed', true);
    if (verb === 'evict' && workshopId) {
      sync.evictedElsewhere(workshopId).catch((err: unknown) => log.warn({ err, workshopId }, 'eviction from another instance failed'));
    }
    if (verb === 'locks' && workshopId) locks.reload(workshopId).catch((err: unknown) => log.warn({ err, workshopId }, 'board locks could not be reloaded'));
  });
  fanout.onResume(() => void locks.reloadAll().catch((err: unknown) => log.warn({ err }, 'board locks could not be reloaded')));
  const realtime = await createRealtime({ auth, log, publicUrl: config.publicUrl, redis: config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : null });
  const decisions = createDecisionServices({ store, sink: realtime.sink, docs: registry, now, newId, locks });
  realtime.serve(decisions);
  const workshops = createWorkshopService({ store, sessions, createCode: config.createCode, evictors: [sync, realtime], limits: { visionMaxChars: config.sync.visionMaxChars }, sink: realtime.sink, now });
  const limitRedis = redis && config.redisUrl ? new redis.Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 }) : null;
  limitRedis?.on('error', (err: unknown) => log.warn({ err }, 'Redis for rate limits is unreachable; requests go uncounted until it is back'));
  const png = createPngRenderer({ timeoutMs: config.exports.renderTimeoutMs, workers: config.exports.renderWorkers, log });
  const app = createHttpApp({
    log,
    store,
    auth,
    workshops,
    boards: createBoardService({
      store,
      sink: realtime.sink,
      docs: registry,
      now,
      newId,
      evictor: sync,
      // The deleted board's lock goes with it: every instance's write guard reloads.
      locksChanged: (workshopId) => {
        fanout.publishControl(`locks:${workshopId}`);
        locks.reload(workshopId).catch((err: unknown) => log.warn({ err, workshopId }, 'board locks could not be reloaded'));
      },
    }),
    images: createImageService({ store, limits: config.images, now, newId }),
    imageMaxBytes: config.images.maxBytes,
    members: createMemberService({ store, sessions, evictors: [sync, realtime], sink: realtime.sink, now }),
    vision: createVisionService({ store, docs: registry, maxDocBytes: config.sync.maxDocBytes }),
    principles: decisions.principles,
    audit: createAuditLogService({ store }),
    backup: createBackupService({ store, sessions, docs: registry, now, flushLastEdits }),
    createCode: config.createCode,
    imports: config.imports,
    exports: createExportService({
      store,
      docs: registry,
      principles: (actor, workshopId) => decisions.principles.views(actor, workshopId),
      verifyAudit: verifyAuditChain,
      pictures: png,
      flushLastEdits,
    }),
    flushLastEdits,
    publicUrl: config.publicUrl,
    clientDir: opts.clientDir,
    // One budget per address across instances: the counts live in Redis when it is there.
    limits: {
      openPerMinute: config.http.openPerMinute,
      failedAuthPerMinute: config.http.failedAuthPerMinute,
      redis: limitRedis && redis ? { client: limitRedis, prefix: config.redisPrefix, Store: redis.RedisStore } : null,
    },
    exportsPerMinute: config.exports.perMemberPerMinute,
    trustProxy: config.http.trustProxy,
    // SQLite lives in DATA_DIR; PostgreSQL's health() checks the database takes writes.
    readiness: [() => store.health(), () => fanout.health(), ...(config.databaseUrl ? [] : [dataDirCheck({ dir: config.dataDir, minFreeBytes: config.readyMinFreeBytes })])],
    metrics: config.metricsPort === null ? metrics.registry : null,
    signIn: config.oidc && config.publicUrl
      ? { client: createOidcClient(config.oidc, `${config.publicUrl}/auth/oidc/callback`), redirectUri: `${config.publicUrl}/auth/oidc/callback`, label: config.oidc.label }
      : null,
    persons: createPersonSessions({ store, secret: config.sessionSecret, idleDays: config.sessionIdleDays, now }),
    personJoin: createPersonJoinService({ store, sessions, now }),
    secret: config.sessionSecret,
    sourceUrl: config.sourceUrl,
    now,
  });

  const server = createServer((req, res) => {
    if (req.url?.startsWith(SOCKET_PATH)) realtime.engine.handleRequest(req, res);
    else app(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '';
    if (url.startsWith(SYNC_PREFIX)) void sync.handleUpgrade(req, socket, head);
    else if (url.startsWith(SOCKET_PATH)) realtime.engine.handleUpgrade(req, socket, head);
    else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  // METRICS_PORT: Prometheus scrapes there; the public port has no /metrics at all.
  const metricsServer =
    config.metricsPort === null
      ? null
      : createServer((req, res) => {
          if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) {
            void metrics.registry.metrics().then(
              (body) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
              () => res.writeHead(500).end(),
            );
          } else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
        });

  let closing: Promise<void> | null = null;
  return {
    server,
    store,
    sync,
    registry,
    metrics,
    fanout,
    listen: async () => {
      if (metricsServer) {
        await new Promise<void>((resolve, reject) => {
          metricsServer.once('error', reject);
          metricsServer.listen(config.metricsPort!, config.host, () => resolve());
        });
        log.info({ port: (metricsServer.address() as AddressInfo).port }, 'metrics listening on their own port');
      }
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    metricsPort: () => (metricsServer?.listening ? (metricsServer.address() as AddressInfo).port : null),
    close: () =>
      (closing ??= (async () => {
        server.close();
        metricsServer?.close();
        registry.stopTimers();
        await sync.close();
        await lastEdits.flush();
        await realtime.close();
        server.closeAllConnections();
        await png.close();
        await fanout.close();
        await limitRedis?.quit().catch(() => limitRedis.disconnect());
        await store.close();
      })()),
  };
}
