import type Database from 'better-sqlite3';

/** Prepared statements per connection: preparing on every append was a hot spot. */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function statement(db: Database.Database, sql: string): Database.Statement {
  let byDb = prepared.get(db);
  if (!byDb) prepared.set(db, (byDb = new Map()));
  let st = byDb.get(sql);
  if (!st) byDb.set(sql, (st = db.prepare(sql)));
  return st;
}
