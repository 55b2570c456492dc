/**
 * A database as an older release left it, for migration tests: migrations up to `before` applied,
 * then rows written as that release would, then a store opened on it (SQLite or PostgreSQL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresMigrations } from '../../server/store/postgres/migrations.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { sqliteMigrations } from '../../server/store/sqlite/migrations.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase } from './services.js';

export type Row = Record<string, string | number | boolean | null>;

const insertSql = (table: string, row: Row, param: (i: number) => string) =>
  `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((_, i) => param(i + 1)).join(', ')})`;

/** `rows(bool)` gets how the store writes booleans. Cleanups are pushed onto `cleanup`. */
export async function legacyStore(kind: 'SQLite' | 'PostgreSQL', before: number, rows: (bool: (b: boolean) => boolean | number) => [string, Row[]][], cleanup: (() => Promise<void> | void)[]): Promise<Store> {
  let store: Store;
  if (kind === 'SQLite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'samskap-legacy-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'old.sqlite');
    const db = new Database(file);
    for (const m of sqliteMigrations.slice(0, before)) db.exec(m.sql);
    db.pragma(`user_version = ${before}`);
    for (const [table, list] of rows((b) => (b ? 1 : 0))) for (const r of list) db.prepare(insertSql(table, r, () => '?')).run(...Object.values(r));
    db.close();
    store = new SqliteStore({ filename: file });
  } else {
    const database = await createTestDatabase();
    cleanup.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      for (const [i, m] of postgresMigrations.slice(0, before).entries()) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [i + 1, m.name]);
      }
      for (const [table, list] of rows((b) => b)) for (const r of list) await client.query(insertSql(table, r, (i) => `$${i}`), Object.values(r));
    } finally {
      await client.end();
    }
    store = new PostgresStore({ connectionString: database.url });
  }
  cleanup.push(() => store.close());
  return store;
}
