/**
 * SQLite adapter (better-sqlite3, WAL). better-sqlite3 is synchronous, so every call runs to
 * completion at once; the only interleaving risk is an async `transaction(fn)` whose `fn` awaits.
 * A gate makes every call from outside a running transaction wait until it has committed.
 */
import Database from 'better-sqlite3';
import { fromSqliteError } from '../driver-errors.js';
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

export type Runner = <T>(fn: (db: Database.Database) => T) => Promise<T>;

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  filename: string;
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
  private txDone: Promise<void> | null = null;

  constructor(options: SqliteStoreOptions) {
    this.db = wrap(() => new Database(options.filename));
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a killed process (the WAL is written
    // before commit returns); only an OS crash can lose the last transactions.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
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

  async health(): Promise<void> {
    await this.gatedRunner()((db) => db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    while (this.txDone) await this.txDone;
    if (this.db.open) this.db.close();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    while (this.txDone) await this.txDone;
    let release!: () => void;
    this.txDone = new Promise((r) => (release = r));
    const run: Runner = async (f) => wrap(() => f(this.db));
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
      wrap(() => this.db.exec('COMMIT'));
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
