/**
 * What a database driver's error means for the caller, in one place for both adapters:
 *   - a constraint violation (a duplicate, a missing reference) is the caller's conflict with
 *     data already there: 409 `conflict`;
 *   - I/O and connection failures (disk full, database locked or gone, connection refused or
 *     dropped) are `storage_unavailable` (503): retrying later may work;
 *   - anything else (bad SQL, a type mismatch) is a bug: 500 `internal_error`.
 * The driver's error stays as `cause` for the log; its text never reaches a client.
 */
import { AppError, ErrorCode } from '../../shared/errors.js';

const conflict = (cause: unknown) => Object.assign(new AppError(ErrorCode.conflict, 409, 'This conflicts with data already stored (a duplicate or a missing reference).'), { cause });
const unavailable = (cause: unknown, message = 'The database is unavailable.') => Object.assign(new AppError(ErrorCode.storageUnavailable, 503, message), { cause });
/** Said to clients (and by `/readyz`) as they are: an operator can act on them, retrying alone cannot. */
export const FULL = 'The database is full: nothing more can be stored until it has room again.';
export const READ_ONLY = 'The database is read-only: nothing can be stored until it is writable again.';
const internal = (cause: unknown) => Object.assign(new AppError(ErrorCode.internal, 500, 'The database refused the request.'), { cause });

const codeOf = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** SQLite result codes (better-sqlite3's `SqliteError.code`, e.g. `SQLITE_CONSTRAINT_UNIQUE`). */
const SQLITE_UNAVAILABLE = /^SQLITE_(IOERR|FULL|BUSY|LOCKED|CANTOPEN|READONLY|CORRUPT|NOTADB|NOMEM|PROTOCOL|NOLFS|AUTH|PERM)/;

export function fromSqliteError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code?.startsWith('SQLITE_CONSTRAINT')) return conflict(err);
  if (code === 'SQLITE_FULL') return unavailable(err, FULL);
  if (code?.startsWith('SQLITE_READONLY')) return unavailable(err, READ_ONLY);
  if (code?.startsWith('SQLITE_') && !SQLITE_UNAVAILABLE.test(code)) return internal(err);
  // Unavailable codes, and errors with no SQLite code (e.g. "The database connection is not open").
  return unavailable(err);
}

/**
 * PostgreSQL SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * 08 connection, 53 insufficient resources (disk full, out of memory), 57 operator intervention
 * (shutdown, cannot connect now), 58 system (I/O), 40 rollback (serialization, deadlock: retry),
 * XX internal. Class 23 is an integrity constraint violation. 25006 (a write in a read-only
 * transaction: a read-only database or a standby) is the database's state, not a bug.
 */
const PG_UNAVAILABLE = new Set(['08', '53', '57', '58', '40', 'XX']);

export function fromPostgresError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('23')) return conflict(err);
    if (code === '53100') return unavailable(err, FULL);
    if (code === '25006') return unavailable(err, READ_ONLY);
    return PG_UNAVAILABLE.has(code.slice(0, 2)) ? unavailable(err) : internal(err);
  }
  // No SQLSTATE: a socket or pool error (ECONNREFUSED, ECONNRESET, a timeout, a dropped connection).
  return unavailable(err);
}
