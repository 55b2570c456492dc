/**
 * A database from a newer Samskap is refused at start-up, on SQLite (`PRAGMA user_version`) and
 * PostgreSQL (the `schema_migrations` table), with one line naming both versions, and left as it
 * was (issue #18, "Upgrades"). PostgreSQL skips with a notice only when absent; CI=true makes
 * absence a failure. The whole start-up is run once too (`server/main.ts`), as `npm start` runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresMigrations } from '../server/store/postgres/migrations.js';
import { PostgresStore } from '../server/store/postgres/postgres-store.js';
import { sqliteMigrations } from '../server/store/sqlite/migrations.js';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data directory whose SQLite file a future Samskap (schema `version`) has written. */
async function futureSqlite(version: number): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-future-'));
  dirs.push(dir);
  const file = path.join(dir, 'samskap.sqlite');
  const store = new SqliteStore({ filename: file });
  await store.migrate();
  await store.close();
  const db = new Database(file);
  db.pragma(`user_version = ${version}`);
  db.close();
  return { dir, file };
}

describe('a database from a newer Samskap', () => {
  it('is refused on SQLite, naming both versions, and left untouched', async () => {
    const { file } = await futureSqlite(99);
    const store = new SqliteStore({ filename: file });
    await expect(store.migrate()).rejects.toThrow(`SQLite database is at schema version 99, newer than this build of Samskap knows (${sqliteMigrations.length})`);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    db.close();
  });

  it('is refused on PostgreSQL, naming both versions, and left untouched', async ({ skip }) => {
    if (noPostgres) return skip('PostgreSQL is not reachable');
    const database = await createTestDatabase();
    try {
      const first = new PostgresStore({ connectionString: database.url });
      await first.migrate();
      await first.close();
      const future = postgresMigrations.length + 1;
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [future, '999_from_the_future']);
      const again = new PostgresStore({ connectionString: database.url });
      await expect(again.migrate()).rejects.toThrow(`PostgreSQL database is at schema version ${future}, newer than this build of Samskap knows (${postgresMigrations.length})`);
      await again.close();
      expect((await admin.query('SELECT max(version) AS v FROM schema_migrations')).rows[0].v).toBe(future);
      await admin.end();
    } finally {
      await database.drop();
    }
  });

  it('stops `npm start` with one line and exit code 1 instead of reporting ready', async () => {
    const { dir } = await futureSqlite(99);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATA_DIR: dir, PORT: '0', SAMSKAP_BUILD_CLIENT: 'never', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('Samskap is running');
    expect(run.stderr.trim().split('\n')).toEqual([`Samskap could not start: The SQLite database is at schema version 99, newer than this build of Samskap knows (${sqliteMigrations.length}). Upgrade Samskap to the version that wrote it, or restore a backup made by this version.`]);
  });
});
