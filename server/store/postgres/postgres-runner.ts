/**
 * How the PostgreSQL repos reach the database: a `Runner` either on the pool (each call its own
 * connection; `atomic` its own transaction) or bound to one transaction's client (calls run one
 * at a time, each in a savepoint, so a failed call leaves the transaction usable as in SQLite).
 */
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { AppError } from '../../../shared/errors.js';
import { fromPostgresError } from '../driver-errors.js';

export type Query = <R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]) => Promise<QueryResult<R>>;

export interface Runner {
  query: Query;
  /** Runs `fn` atomically: in a transaction of its own, or in a savepoint inside one. */
  atomic<T>(fn: (query: Query) => Promise<T>): Promise<T>;
}

/** Driver errors become AppErrors (see driver-errors.ts); the original stays as `cause` for the log. */
export async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw storageError(err);
  }
}

export function storageError(err: unknown): AppError {
  return fromPostgresError(err);
}

/**
 * Checks out one client and runs `fn` between BEGIN and COMMIT (ROLLBACK when it throws).
 * While checked out the client has no pool listener, so ours keeps a dropped connection from
 * crashing the process; a client whose connection or ROLLBACK failed is destroyed, not reused.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await wrap(() => pool.connect());
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken ??= err;
  };
  client.on('error', onError);
  try {
    await wrap(() => client.query('BEGIN'));
    try {
      const result = await fn(client);
      const done = await wrap(() => client.query('COMMIT'));
      // COMMIT of a transaction that already failed answers ROLLBACK instead of an error.
      if (done.command !== 'COMMIT') throw storageError(new Error(`COMMIT answered ${done.command}`));
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken ??= e));
      throw err;
    }
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

export function poolRunner(pool: Pool): Runner {
  return {
    query: (sql, params) => wrap(() => pool.query(sql, params)),
    atomic: (fn) => withTransaction(pool, (client) => fn(clientQuery(client))),
  };
}

export interface ClientRunner extends Runner {
  /** Waits for calls still running and refuses later ones; call before COMMIT or ROLLBACK. */
  finish(): Promise<void>;
}

/** A runner bound to a transaction's client. Calls are queued: savepoints must not interleave. */
export function clientRunner(client: PoolClient): ClientRunner {
  const query = clientQuery(client);
  let tail: Promise<unknown> = Promise.resolve();
  let finished = false;
  const atomic = <T>(fn: (q: Query) => Promise<T>): Promise<T> => {
    if (finished) return Promise.reject(new Error('The transaction has already ended.'));
    const next = tail.then(() => inSavepoint(query, fn));
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql, params) => atomic((q) => q(sql, params)),
    atomic,
    finish: async () => {
      finished = true;
      await tail;
    },
  };
}

function clientQuery(client: PoolClient): Query {
  return (sql, params) => wrap(() => client.query(sql, params));
}

async function inSavepoint<T>(query: Query, fn: (q: Query) => Promise<T>): Promise<T> {
  await query('SAVEPOINT sk_call');
  try {
    const result = await fn(query);
    await query('RELEASE SAVEPOINT sk_call');
    return result;
  } catch (err) {
    await query('ROLLBACK TO SAVEPOINT sk_call; RELEASE SAVEPOINT sk_call').catch(() => undefined);
    throw err;
  }
}
