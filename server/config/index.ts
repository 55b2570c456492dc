/**
 * The environment, parsed and validated once. Nothing else reads `process.env`.
 * An invalid value throws a ConfigError whose message is one line naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { oidcConfig, type OidcConfig } from './oidc.js';

export type { OidcConfig } from './oidc.js';

export interface Config {
  port: number;
  /** SOURCE_URL (null: /source serves this server's own source). */
  sourceUrl: string | null;
  /** METRICS_PORT: `/metrics` listens there instead of on `port` (null: on `port`). */
  metricsPort: number | null;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  /** IMAGE_MAX_BYTES, IMAGE_QUOTA_BYTES (issue #16). */
  images: { maxBytes: number; quotaBytes: number };
  databaseUrl: string | null;
  redisUrl: string | null;
  redisPrefix: string;
  sessionSecret: string;
  createCode: string | null;
  /** Member credentials and person sessions (sign-in) stop working after this many days without use (SESSION_IDLE_DAYS). */
  sessionIdleDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sync: SyncLimits;
  http: { openPerMinute: number; failedAuthPerMinute: number; trustProxy: string | false };
  imports: ImportLimits;
  exports: ExportLimits;
  /** With SQLite, `/readyz` fails while DATA_DIR's file system has less free space than this. */
  readyMinFreeBytes: number;
  /** SQLITE_MAX_SIZE_MB: the SQLite database may grow to this many bytes, no further (null: as far as the disk allows). */
  sqliteMaxBytes: number | null;
  /** Rebuild the client from `client/` when dist is missing or older than the sources. */
  buildClient: boolean;
  /** Sign-in with OpenID Connect; null when OIDC_ISSUER is unset (docs/sign-in.md). */
  oidc: OidcConfig | null;
}

export interface SyncLimits {
  /** Largest accepted sync message in bytes (default 5 MB). */
  maxMessageBytes: number;
  /** Token bucket per connection: sustained messages per second and burst. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Compact a room's update log into a snapshot past this many updates or bytes. */
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** Unload a room this long after its last connection left. */
  unloadAfterMs: number;
  /** Connections beyond this in one room are refused with 4429 (observers: beyond half of it). */
  maxClientsPerRoom: number;
  /** A member's connections beyond this (per instance) close their oldest with 4509. */
  maxConnectionsPerMember: number;
  /** With REDIS_URL: loaded rooms reconcile from the store this often (0 = only after a loss). */
  reconcileEveryMs: number;
  /** Characters of text the vision may hold; an update past it is refused with 4414. */
  visionMaxChars: number;
  /** Bytes a document may take in the store, deleted content included; past it, 4414. */
  maxDocBytes: number;
  /** Elements a board may hold; an update adding more closes with 4414. */
  boardMaxElements: number;
  /** A busy room ticks at most every `peers / roomWritesPerSecond` s (at most 50 ms) when the server is busy: see server/sync/room-tick.ts. */
  roomWritesPerSecond: number;
  /** The same when the server is quiet (its event loop mostly waiting); in between, between the two. */
  roomWritesPerSecondQuiet: number;
}

/** `POST /api/workshops/import` (docs/api.md, "Backup and import"). */
export interface ImportLimits {
  /** Largest accepted request body (64 MB). */
  maxBodyBytes: number;
  /** Bytes one client address may send to the import per UTC day (IMPORT_MAX_BYTES_PER_DAY). */
  maxBytesPerDay: number;
  /** Heap of the worker that parses and checks one import, in MB. */
  workerHeapMb: number;
  timeoutMs: number;
}

export interface ExportLimits {
  /** A picture render (board SVG/PNG, in a worker thread) running longer is stopped: 503 `export_timeout`. */
  renderTimeoutMs: number;
  /** Worker threads rendering pictures at once; a few more renders wait, beyond that 503 `export_busy`. */
  renderWorkers: number;
  /** Charter and board exports per member per minute; more answer 429 with Retry-After. */
  perMemberPerMinute: number;
}

export class ConfigError extends Error {}

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const url = (protocols: string[]) =>
  z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}`);

const EnvSchema = z.object({
  PORT: intIn(0, 65535).default(3000),
  /** Where this Samskap's source is published (AGPL §13); the app's footer links there. */
  SOURCE_URL: z.string().url('must be a URL').regex(/^https?:\/\//, 'must be an http(s) URL').optional(),
  /** `/metrics` on its own port (then not on PORT), so a proxy in front of PORT never exposes it. */
  METRICS_PORT: intIn(0, 65535).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CREATE_CODE: z.string().min(1).optional(),
  SESSION_IDLE_DAYS: intIn(1, 3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SYNC_MAX_MESSAGE_BYTES: intIn(1024, 512 * 1024 * 1024).default(5 * 1024 * 1024),
  SYNC_MESSAGES_PER_SECOND: intIn(1, 1_000_000).default(200),
  SYNC_MESSAGE_BURST: intIn(1, 1_000_000).default(1000),
  SYNC_COMPACT_AFTER_UPDATES: intIn(1, 10_000_000).default(500),
  SYNC_COMPACT_AFTER_BYTES: intIn(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  SYNC_UNLOAD_AFTER_MS: intIn(0, 24 * 3600 * 1000).default(10_000),
  SYNC_MAX_CLIENTS_PER_ROOM: intIn(1, 1_000_000).default(2000),
  SYNC_MAX_CONNECTIONS_PER_MEMBER: intIn(1, 1_000_000).default(32),
  SYNC_RECONCILE_MS: intIn(0, 24 * 3600 * 1000).default(30_000),
  VISION_MAX_CHARS: intIn(100, 10_000_000).default(200_000),
  SYNC_ROOM_WRITES_PER_SECOND: intIn(100, 10_000_000).default(5_000),
  SYNC_ROOM_WRITES_PER_SECOND_QUIET: intIn(100, 10_000_000).default(10_000),
  SYNC_MAX_DOC_BYTES: intIn(64 * 1024, 4 * 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  BOARD_MAX_ELEMENTS: intIn(10, 10_000_000).default(20_000),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits or :._-').default('samskap:'),
  TRUST_PROXY: z.string().regex(/^[\w.:/, -]+$/, 'must be loopback, a number of hops or addresses').optional(),
  RATE_LIMIT_OPEN_PER_MINUTE: intIn(1, 1_000_000).default(120),
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: intIn(1, 1_000_000).default(60),
  IMPORT_MAX_BYTES_PER_DAY: intIn(1024, 1024 ** 4).default(256 * 1024 * 1024),
  EXPORT_RENDER_TIMEOUT_MS: intIn(10, 10 * 60 * 1000).default(20_000),
  EXPORT_RENDER_WORKERS: intIn(1, 64).default(1),
  EXPORTS_PER_MINUTE: intIn(1, 1_000_000).default(20),
  /** Images on boards (issue #16): one file at most, and all of a workshop's together. */
  IMAGE_MAX_BYTES: intIn(1024, 64 * 1024 * 1024).default(5 * 1024 * 1024),
  IMAGE_QUOTA_BYTES: intIn(1024, 1024 ** 4).default(200 * 1024 * 1024),
  READY_MIN_FREE_MB: intIn(0, 1024 * 1024 * 1024).default(64),
  /** A quota on the SQLite database: past it, writes are refused as on a full disk (503, /readyz). */
  SQLITE_MAX_SIZE_MB: intIn(1, 1024 * 1024 * 1024).optional(),
  SAMSKAP_BUILD_CLIENT: z.enum(['auto', 'never']).default('auto'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().max(1000).optional(),
  OIDC_ACR_VALUES: z.string().max(200).optional(),
  OIDC_ORG_CLAIM: z.string().optional(),
  OIDC_AUTHORIZATION_DETAILS: z.string().max(4000, 'must be at most 4000 characters').optional(),
  OIDC_LABEL: z.string().max(60, 'must be at most 60 characters').optional(),
});

/** Parses `env`; creates DATA_DIR and the generated session secret when needed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(cleaned[name] ?? '')})`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null;
  const oidc = oidcConfig(e, publicUrl, (name, why, value) => {
    throw new ConfigError(`Invalid configuration: ${name} ${why} (got ${JSON.stringify(value)})`);
  });
  const dataDir = path.resolve(e.DATA_DIR);
  if (!e.DATABASE_URL || !e.SESSION_SECRET) ensureDir(dataDir);
  return {
    port: e.PORT,
    sourceUrl: e.SOURCE_URL ?? null,
    metricsPort: e.METRICS_PORT ?? null,
    host: e.HOST,
    dataDir,
    publicUrl,
    oidc,
    sessionIdleDays: e.SESSION_IDLE_DAYS,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: e.SESSION_SECRET ?? generatedSecret(dataDir),
    createCode: e.CREATE_CODE ?? null,
    logLevel: e.LOG_LEVEL,
    buildClient: e.SAMSKAP_BUILD_CLIENT === 'auto',
    imports: { maxBodyBytes: 64 * 1024 * 1024, maxBytesPerDay: e.IMPORT_MAX_BYTES_PER_DAY, workerHeapMb: 1024, timeoutMs: 120_000 },
    http: { trustProxy: e.TRUST_PROXY ?? false, openPerMinute: e.RATE_LIMIT_OPEN_PER_MINUTE, failedAuthPerMinute: e.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE },
    exports: { renderTimeoutMs: e.EXPORT_RENDER_TIMEOUT_MS, renderWorkers: e.EXPORT_RENDER_WORKERS, perMemberPerMinute: e.EXPORTS_PER_MINUTE },
    images: { maxBytes: e.IMAGE_MAX_BYTES, quotaBytes: e.IMAGE_QUOTA_BYTES },
    readyMinFreeBytes: e.READY_MIN_FREE_MB * 1024 * 1024,
    sqliteMaxBytes: e.SQLITE_MAX_SIZE_MB === undefined ? null : e.SQLITE_MAX_SIZE_MB * 1024 * 1024,
    sync: {
      maxMessageBytes: e.SYNC_MAX_MESSAGE_BYTES,
      messagesPerSecond: e.SYNC_MESSAGES_PER_SECOND,
      messageBurst: e.SYNC_MESSAGE_BURST,
      compactAfterUpdates: e.SYNC_COMPACT_AFTER_UPDATES,
      compactAfterBytes: e.SYNC_COMPACT_AFTER_BYTES,
      unloadAfterMs: e.SYNC_UNLOAD_AFTER_MS,
      maxClientsPerRoom: e.SYNC_MAX_CLIENTS_PER_ROOM,
      maxConnectionsPerMember: e.SYNC_MAX_CONNECTIONS_PER_MEMBER,
      reconcileEveryMs: e.SYNC_RECONCILE_MS,
      visionMaxChars: e.VISION_MAX_CHARS,
      roomWritesPerSecond: e.SYNC_ROOM_WRITES_PER_SECOND,
      roomWritesPerSecondQuiet: e.SYNC_ROOM_WRITES_PER_SECOND_QUIET,
      maxDocBytes: e.SYNC_MAX_DOC_BYTES,
      boardMaxElements: e.BOARD_MAX_ELEMENTS,
    },
  };
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new ConfigError(`Invalid configuration: DATA_DIR cannot be created at ${dir} (${(err as Error).message})`);
  }
}

/** SESSION_SECRET when unset: generated once into DATA_DIR so cookies survive restarts. */
function generatedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
