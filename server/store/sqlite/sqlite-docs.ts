import type { DocStore, LoadedDoc } from '../types.js';
import { GroupCommit } from '../group-commit.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';
import type Database from 'better-sqlite3';

function insert(db: Database.Database, room: string, update: Uint8Array): number {
  const r = statement(db, 'INSERT INTO doc_updates (room, data) VALUES (?, ?)').run(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  return Number(r.lastInsertRowid);
}

/**
 * Appends are group-committed (group-commit.ts): all appends of one tick (across rooms) go into
 * one transaction, so many busy rooms cost one commit per tick instead of one each; a failed
 * group is retried append by append. Inside a store transaction appends run at once.
 */
export class SqliteDocStore implements DocStore {
  private readonly group: GroupCommit | null;

  constructor(
    private readonly run: Runner,
    groupCommit = true,
  ) {
    this.group = groupCommit ? new GroupCommit((batch) => this.run((db) => db.transaction(() => batch.map((a) => insert(db, a.room, a.update)))())) : null;
  }

  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return this.group ? this.group.append(room, update) : this.run((db) => insert(db, room, update));
  }

  load(room: string): Promise<LoadedDoc> {
    return this.run((db) =>
      db.transaction((): LoadedDoc => {
        const snap = statement(db, 'SELECT data, upto_seq FROM doc_snapshots WHERE room = ?').get(room) as { data: Buffer; upto_seq: number } | undefined;
        const after = snap?.upto_seq ?? 0;
        const rows = statement(db, 'SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq').all(room, after) as { seq: number; data: Buffer }[];
        return {
          snapshot: snap ? new Uint8Array(snap.data) : null,
          updates: rows.map((r) => new Uint8Array(r.data)),
          lastSeq: rows.length ? rows[rows.length - 1]!.seq : after,
        };
      })(),
    );
  }

  compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    return this.run((db) =>
      db.transaction(() => {
        statement(
          db,
          `INSERT INTO doc_snapshots (room, data, upto_seq) VALUES (?, ?, ?)
           ON CONFLICT(room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
           WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
        ).run(room, Buffer.from(snapshot), uptoSeq);
        statement(db, 'DELETE FROM doc_updates WHERE room = ? AND seq <= ?').run(room, uptoSeq);
      })(),
    );
  }

  delete(room: string): Promise<void> {
    return this.run((db) =>
      db.transaction(() => {
        statement(db, 'DELETE FROM doc_updates WHERE room = ?').run(room);
        statement(db, 'DELETE FROM doc_snapshots WHERE room = ?').run(room);
      })(),
    );
  }

  deletePrefix(prefix: string): Promise<void> {
    // Exact comparison instead of LIKE: a prefix may contain '%' or '_'.
    return this.run((db) =>
      db.transaction(() => {
        statement(db, 'DELETE FROM doc_updates WHERE substr(room, 1, length(?)) = ?').run(prefix, prefix);
        statement(db, 'DELETE FROM doc_snapshots WHERE substr(room, 1, length(?)) = ?').run(prefix, prefix);
      })(),
    );
  }
}

