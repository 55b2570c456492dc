#!/usr/bin/env node
/**
 * `npm run backup:sqlite -- <folder>` (issue #18): a whole-instance backup of the embedded SQLite
 * database while Samskap runs, through SQLite's online backup API (never a file copy of a live
 * WAL database), plus the generated session secret when DATA_DIR holds one (so sessions survive
 * a restore). To restore: stop Samskap, put both files into an empty DATA_DIR, start it.
 * PostgreSQL: `pg_dump -Fc "$DATABASE_URL" > samskap.dump` and `pg_restore` (README).
 * Plain JavaScript with production dependencies only, so it runs in the container too.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import Database from 'better-sqlite3';

const target = process.argv[2];
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const source = path.join(dataDir, 'samskap.sqlite');
if (!target) {
  process.stderr.write('Usage: npm run backup:sqlite -- <empty or new folder>  (reads DATA_DIR, default ./data)\n');
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is set: this instance keeps its data in PostgreSQL. Back it up with pg_dump -Fc (README, "Backing up").\n');
  process.exit(2);
}
if (!existsSync(source)) {
  process.stderr.write(`There is no Samskap database at ${source}. Set DATA_DIR to the folder Samskap uses.\n`);
  process.exit(1);
}
const out = path.resolve(target);
mkdirSync(out, { recursive: true });
if (readdirSync(out).length > 0) {
  process.stderr.write(`${out} is not empty: back up into an empty or new folder, so nothing is overwritten.\n`);
  process.exit(1);
}
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(path.join(out, 'samskap.sqlite'));
} finally {
  db.close();
}
const secret = path.join(dataDir, 'session-secret');
if (existsSync(secret)) copyFileSync(secret, path.join(out, 'session-secret'));
process.stdout.write(`Backed up ${source} to ${out}${existsSync(secret) ? ' (with the session secret)' : ''}.\n`);
