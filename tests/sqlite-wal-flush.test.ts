/**
 * The SQLite store flushes its WAL off the event loop (server/store/sqlite/wal-flush.ts): after
 * writes, once per change; never when nothing was written; its descriptor goes with the store;
 * and checkpoints wait for 4,000 WAL pages. The data itself is checked by the store contract
 * (tests/store.sqlite.test.ts), which runs on a file-backed store with the flusher on.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { WalFlusher } from '../server/store/sqlite/wal-flush.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** This process's open descriptors on `file`. */
const openOn = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(file);
    } catch {
      return false;
    }
  }).length;

describe('the SQLite WAL flusher', () => {
  it('flushes after writes, once per change, and lets go of the WAL when the store closes', async () => {
    const file = path.join(dir, 'a.sqlite');
    const store = new SqliteStore({ filename: file });
    await store.migrate();
    const wal = store.wal!;
    await store.docs.appendUpdate('w/board/b', new Uint8Array([1, 2, 3]));
    // SQLite's own descriptors on the WAL; the flusher adds one.
    const sqlites = openOn(`${file}-wal`);
    await wal.turn();
    expect(wal.flushes).toBe(1);
    // Nothing written since: no flush.
    await wal.turn();
    expect(wal.flushes).toBe(1);
    // mtime resolution is coarse on some file systems; a changed size is seen at once.
    await store.docs.appendUpdate('w/board/b', new Uint8Array(5000));
    await wal.turn();
    expect(wal.flushes).toBe(2);
    expect(openOn(`${file}-wal`)).toBe(sqlites + 1);
    await store.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(openOn(`${file}-wal`)).toBe(0);
    // Everything written is there for the next opener.
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n).toBe(2);
    db.close();
  });

  it('checkpoints every 4,000 WAL pages instead of SQLite’s 1,000', async () => {
    const file = path.join(dir, 'b.sqlite');
    const store = new SqliteStore({ filename: file });
    await store.migrate();
    const page = 4096;
    // 2,000 pages of updates in 200 commits: past SQLite's default the WAL would have been
    // checkpointed and begun again from its start, staying near 1,000 pages long.
    for (let i = 0; i < 200; i++) await store.docs.appendUpdate(`w/board/${i % 7}`, new Uint8Array(10 * page));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1500 * page);
    await store.close();
  });

  it('has nothing to flush for a database in memory or opened read-only', async () => {
    const memory = new SqliteStore({ filename: ':memory:' });
    expect(memory.wal).toBeNull();
    await memory.close();
    const file = path.join(dir, 'c.sqlite');
    const writer = new SqliteStore({ filename: file });
    await writer.migrate();
    await writer.close();
    const reader = new SqliteStore({ filename: file, readonly: true });
    expect(reader.wal).toBeNull();
    await reader.close();
  });

  it('does nothing while there is no WAL yet, and does not throw', async () => {
    const flusher = new WalFlusher(path.join(dir, 'none.sqlite-wal'), 60_000);
    await expect(flusher.turn()).resolves.toBeUndefined();
    expect(flusher.flushes).toBe(0);
    flusher.close();
  });
});
