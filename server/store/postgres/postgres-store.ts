/**
 * PostgreSQL adapter (pg Pool). Calls outside a transaction each take a pooled connection, so
 * they never join a running `transaction(fn)`: that one holds its own client until COMMIT.
 * Writers that must not interleave (a room's update log, a workshop's audit chain, migrations)
 * serialise on transaction-scoped advisory locks, which also holds across several instances.
 */
import pg from 'pg';
import { AppError, ErrorCode } from '../../../shared/errors.js';
import type { Store } from '../types.js';
import { READ_ONLY } from '../driver-errors.js';
import { newerSchema } from '../schema-version.js';
import { postgresMigrations } from './migrations.js';
import { PostgresAuditRepo } from './postgres-audit.js';
import { PostgresEditRepo } from './postgres-edits.js';
import { PostgresVisionRepo } from './postgres-vision.js';
import { PostgresPersonRepo } from './postgres-persons.js';
import { PostgresBackupRepo } from './postgres-backup.js';
import { PostgresDocStore } from './postgres-docs.js';
import { clientRunner, poolRunner, wrap, withTransaction, type Runner } from './postgres-runner.js';
import { PostgresWorkshopRepo } from './postgres-workshops.js';
import { PostgresCredentialRepo } from './postgres-credentials.js';
import { PostgresFacilitationRepo } from './postgres-facilitation.js';
import { PostgresAnswerRepo } from './postgres-answers.js';
import { PostgresVoteRepo } from './postgres-votes.js';
import { PostgresBrainwritingRepo } from './postgres-brainwriting.js';
import { PostgresImageRepo } from './postgres-images.js';
import { PostgresPrincipleRepo } from './postgres-principles.js';
import { PostgresRepresentationRepo } from './postgres-representation.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  connectionString: string;
  /** Pool size; default 10. */
  max?: number;
  /** How long to wait for a connection (a new one, or a free one from a full pool); default 10 s. */
  connectionTimeoutMillis?: number;
  /** Told when an idle pooled connection fails (the pool has already dropped it). */
  onIdleError?: (err: Error) => void;
}

/** Key of the migration lock: "samskap" in ASCII. */
const MIGRATION_LOCK = "x'73616d736b6170'::bigint";

export class PostgresStore implements Store {
  readonly docs: PostgresDocStore;
  readonly workshops: PostgresWorkshopRepo;
  readonly credentials: PostgresCredentialRepo;
  readonly audit: PostgresAuditRepo;
  readonly facilitation: PostgresFacilitationRepo;
  readonly answers: PostgresAnswerRepo;
  readonly votes: PostgresVoteRepo;
  readonly brainwriting: PostgresBrainwritingRepo;
  readonly images: PostgresImageRepo;
  readonly principles: PostgresPrincipleRepo;
  readonly representation: PostgresRepresentationRepo;
  readonly vision: PostgresVisionRepo;
  readonly edits: PostgresEditRepo;
  readonly backup: PostgresBackupRepo;
  readonly persons: PostgresPersonRepo;
  private readonly pool: pg.Pool;
  private readonly run: Runner;
  private closed: Promise<void> | null = null;

  constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    });
    // Without a listener an idle client's error (server restart, cut network) crashes the process.
    this.pool.on('error', (err) => options.onIdleError?.(err));
    this.run = poolRunner(this.pool);
    this.docs = new PostgresDocStore(this.run);
    this.workshops = new PostgresWorkshopRepo(this.run);
    this.credentials = new PostgresCredentialRepo(this.run);
    this.audit = new PostgresAuditRepo(this.run);
    this.facilitation = new PostgresFacilitationRepo(this.run);
    this.answers = new PostgresAnswerRepo(this.run);
    this.votes = new PostgresVoteRepo(this.run);
    this.brainwriting = new PostgresBrainwritingRepo(this.run);
    this.images = new PostgresImageRepo(this.run);
    this.principles = new PostgresPrincipleRepo(this.run);
    this.representation = new PostgresRepresentationRepo(this.run);
    this.vision = new PostgresVisionRepo(this.run);
    this.edits = new PostgresEditRepo(this.run);
    this.backup = new PostgresBackupRepo(this.run);
    this.persons = new PostgresPersonRepo(this.run);
  }

  /** Applies the missing migrations in one transaction; concurrent starters wait on the lock, then find nothing to do. */
  async migrate(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      const query = (sql: string, params?: unknown[]) => wrap(() => client.query(sql, params));
      await query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      const applied = (await query('SELECT version, name FROM schema_migrations ORDER BY version')).rows as { version: number; name: string }[];
      for (const row of applied) {
        const known = postgresMigrations[row.version - 1];
        if (known && known.name !== row.name) {
          throw new Error(`Migration ${row.version} is recorded as ${row.name} but this build calls it ${known.name}.`);
        }
      }
      const current = applied.length ? applied[applied.length - 1]!.version : 0;
      if (current > postgresMigrations.length) throw new Error(newerSchema('PostgreSQL', current, postgresMigrations.length));
      for (const [i, m] of postgresMigrations.entries()) {
        if (i + 1 <= current) continue;
        await query(m.sql);
        await query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [i + 1, m.name]);
      }
    });
  }

  /** Reachable and writable: a standby in recovery or a read-only database is not ready. */
  async health(): Promise<void> {
    const r = await this.run.query<{ writable: boolean }>("SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS writable");
    if (!r.rows[0]?.writable) throw new AppError(ErrorCode.storageUnavailable, 503, READ_ONLY);
  }

  /** Ends the pool once; waits for checked-out clients (a running transaction) to be released. */
  close(): Promise<void> {
    this.closed ??= wrap(() => this.pool.end());
    return this.closed;
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, async (client) => {
      const run = clientRunner(client);
      const tx: Store = {
        docs: new PostgresDocStore(run, false),
        workshops: new PostgresWorkshopRepo(run),
        credentials: new PostgresCredentialRepo(run),
        audit: new PostgresAuditRepo(run),
        facilitation: new PostgresFacilitationRepo(run),
        answers: new PostgresAnswerRepo(run),
        votes: new PostgresVoteRepo(run),
        brainwriting: new PostgresBrainwritingRepo(run),
        images: new PostgresImageRepo(run),
        principles: new PostgresPrincipleRepo(run),
        representation: new PostgresRepresentationRepo(run),
        vision: new PostgresVisionRepo(run),
        edits: new PostgresEditRepo(run),
        backup: new PostgresBackupRepo(run),
        persons: new PostgresPersonRepo(run),
        transaction: (inner) => inner(tx),
        migrate: () => this.migrate(),
        health: () => run.query('SELECT 1').then(() => undefined),
        close: () => Promise.reject(new Error('close() inside a transaction')),
      };
      try {
        return await fn(tx);
      } finally {
        await run.finish();
      }
    });
  }
}
