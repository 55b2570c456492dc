/**
 * SQLite adapter (better-sqlite3, WAL). better-sqlite3 is synchronous, so every call runs to
 * completion at once; the only interleaving risk is an async `transaction(fn)` whose `fn` awaits.
 * A gate makes every call from outside a running transaction wait until it has committed.
 */
import Database from 'better-sqlite3';
import { fromSqliteError } from '../driver-errors.js';
import { statement } from './statements.js';
import type { Store } from '../types.js';
import { newerSchema } from '../schema-version.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteDocStore } from './sqlite-docs.js';
import { SqliteWorkshopRepo } from './sqlite-workshops.js';
import { SqliteAuditRepo } from './sqlite-audit.js';
import { SqliteFacilitationRepo } from './sqlite-facilitation.js';
import { SqliteAnswerRepo } from './sqlite-answers.js';
import { SqliteVoteRepo } from './sqlite-votes.js';
import { SqliteBrainwritingRepo } from './sqlite-brainwriting.js';
import { SqliteImageRepo } from './sqlite-images.js';
import { SqlitePrincipleRepo } from './sqlite-principles.js';
import { SqliteRepresentationRepo } from './sqlite-representation.js';
import { SqliteEditRepo } from './sqlite-edits.js';
import { SqliteCredentialRepo } from './sqlite-credentials.js';
import { SqliteVisionRepo } from './sqlite-vision.js';
import { SqlitePersonRepo } from './sqlite-persons.js';
import { SqliteBackupRepo } from './sqlite-backup.js';
import { WalFlusher } from './wal-flush.js';

/**
 * WAL pages between checkpoints (SQLite's default is 1,000). A checkpoint blocks the commit that
 * triggers it; under many busy rooms each commit writes a page per room (the room index), so at
 * 1,000 pages one came every half second. At 4,000 (16 MB of WAL) it comes every two seconds and
 * writes hot pages once instead of four times; `WalFlusher` keeps its fsync short.
 */
const WAL_CHECKPOINT_PAGES = 4000;
/** How often the WAL is flushed off the event loop while it is being written (wal-flush.ts). */
const WAL_FLUSH_MS = 200;

/** Bytes `/readyz` wants room for: a generous batch of edits. */
const PROBE_BYTES = 64 * 1024;

export type Runner = <T>(fn: (db: Database.Database) => T) => Promise<T>;

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  filename: string;
  /**
   * The database may grow to this many bytes, no further (SQLITE_MAX_SIZE_MB): past it a write
   * fails as on a full disk. Null or absent: as far as the disk allows.
   */
  maxBytes?: number | null;
  /** Open without write access: reads work, every write fails (`storage_unavailable`), as on a read-only mount. */
  readonly?: boolean;
}

export class SqliteStore implements Store {
  readonly docs: SqliteDocStore;
  readonly workshops: SqliteWorkshopRepo;
  readonly credentials: SqliteCredentialRepo;
  readonly audit: SqliteAuditRepo;
  readonly facilitation: SqliteFacilitationRepo;
  readonly answers: SqliteAnswerRepo;
  readonly votes: SqliteVoteRepo;
  readonly brainwriting: SqliteBrainwritingRepo;
  readonly images: SqliteImageRepo;
  readonly principles: SqlitePrincipleRepo;
  readonly representation: SqliteRepresentationRepo;
  readonly vision: SqliteVisionRepo;
  readonly edits: SqliteEditRepo;
  readonly backup: SqliteBackupRepo;
  readonly persons: SqlitePersonRepo;
  private readonly db: Database.Database;
  /** Null for a database in memory or opened read-only. */
  readonly wal: WalFlusher | null;
  private txDone: Promise<void> | null = null;

  constructor(options: SqliteStoreOptions) {
    this.db = wrap(() => new Database(options.filename, { readonly: options.readonly ?? false }));
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a killed process (the WAL is written
    // before commit returns); only an OS crash can lose the last transactions.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    const onDisk = options.filename !== ':memory:' && options.filename !== '' && !options.readonly;
    this.wal = onDisk ? new WalFlusher(`${options.filename}-wal`, WAL_FLUSH_MS) : null;
    if (options.maxBytes) this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / (this.db.pragma('page_size', { simple: true }) as number)))}`);
    const run = this.gatedRunner();
    this.docs = new SqliteDocStore(run);
    this.workshops = new SqliteWorkshopRepo(run);
    this.credentials = new SqliteCredentialRepo(run);
    this.audit = new SqliteAuditRepo(run);
    this.facilitation = new SqliteFacilitationRepo(run);
    this.answers = new SqliteAnswerRepo(run);
    this.votes = new SqliteVoteRepo(run);
    this.brainwriting = new SqliteBrainwritingRepo(run);
    this.images = new SqliteImageRepo(run);
    this.principles = new SqlitePrincipleRepo(run);
    this.representation = new SqliteRepresentationRepo(run);
    this.vision = new SqliteVisionRepo(run);
    this.edits = new SqliteEditRepo(run);
    this.backup = new SqliteBackupRepo(run);
    this.persons = new SqlitePersonRepo(run);
  }

  async migrate(): Promise<void> {
    const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
    // Outside the runner, whose errors all read "database unavailable": this one must say why.
    const found = await this.gatedRunner()(version);
    if (found > sqliteMigrations.length) throw new Error(newerSchema('SQLite', found, sqliteMigrations.length));
    await this.gatedRunner()((db) => {
      const current = version(db);
      sqliteMigrations.slice(current).forEach((m, i) => {
        db.transaction(() => {
          db.exec(m.sql);
          db.pragma(`user_version = ${current + i + 1}`);
        })();
      });
    });
  }

  /**
   * Ready means the database takes a write: a probe reserves PROBE_BYTES in the update log and
   * takes it back, so a database at its size cap (SQLITE_MAX_SIZE_MB) or opened read-only fails
   * here, saying which, though reads still work. (A full disk is also seen by data-dir-check.ts.)
   */
  async health(): Promise<void> {
    await this.gatedRunner()((db) => {
      db.exec('SAVEPOINT ready_probe');
      try {
        statement(db, 'INSERT INTO doc_updates (room, data) VALUES (?, zeroblob(?))').run('', PROBE_BYTES);
      } finally {
        // A full database has already rolled the probe back itself.
        if (db.inTransaction) db.exec('ROLLBACK TO ready_probe; RELEASE ready_probe');
      }
    });
  }

  async close(): Promise<void> {
    while (this.txDone) await this.txDone;
    this.wal?.close();
    if (this.db.open) this.db.close();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    while (this.txDone) await this.txDone;
    let release!: () => void;
    this.txDone = new Promise((r) => (release = r));
    // SQLite rolls a whole transaction back by itself on some errors (a full disk, I/O, out of
    // memory). A caller that caught such an error and went on would write the rest in autocommit
    // mode: half a transaction, stored. So once it is gone, every statement fails as it did.
    let lost: unknown = null;
    const inside = <U>(f: () => U): U => {
      if (lost) throw lost;
      try {
        return wrap(f);
      } catch (err) {
        if (!this.db.inTransaction) lost = err;
        throw err;
      }
    };
    const run: Runner = async (f) => inside(() => f(this.db));
    const tx: Store = {
      docs: new SqliteDocStore(run, false),
      workshops: new SqliteWorkshopRepo(run),
      credentials: new SqliteCredentialRepo(run),
      audit: new SqliteAuditRepo(run),
      facilitation: new SqliteFacilitationRepo(run),
      answers: new SqliteAnswerRepo(run),
      votes: new SqliteVoteRepo(run),
      brainwriting: new SqliteBrainwritingRepo(run),
      images: new SqliteImageRepo(run),
      principles: new SqlitePrincipleRepo(run),
      representation: new SqliteRepresentationRepo(run),
      vision: new SqliteVisionRepo(run),
      edits: new SqliteEditRepo(run),
      backup: new SqliteBackupRepo(run),
      persons: new SqlitePersonRepo(run),
      transaction: (inner) => inner(tx),
      migrate: () => this.migrate(),
      health: () => this.health(),
      close: () => Promise.reject(new Error('close() inside a transaction')),
    };
    try {
      wrap(() => this.db.exec('BEGIN IMMEDIATE'));
      const result = await fn(tx);
      inside(() => this.db.exec('COMMIT'));
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.txDone = null;
      release();
    }
  }

  private gatedRunner(): Runner {
    return async (fn) => {
      while (this.txDone) await this.txDone;
      return wrap(() => fn(this.db));
    };
  }
}

/** Driver errors become AppErrors (see driver-errors.ts); the original stays as `cause` for the log. */
function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw fromSqliteError(err);
  }
}
