import type { DocStore, LoadedDoc } from '../types.js';
import type { Runner } from './sqlite-store.js';

export class SqliteDocStore implements DocStore {
  constructor(private readonly run: Runner) {}

  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return this.run((db) => {
      const r = db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)').run(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
      return Number(r.lastInsertRowid);
    });
  }

  load(room: string): Promise<LoadedDoc> {
    return this.run((db) =>
      db.transaction((): LoadedDoc => {
        const snap = db.prepare('SELECT data, upto_seq FROM doc_snapshots WHERE room = ?').get(room) as { data: Buffer; upto_seq: number } | undefined;
        const after = snap?.upto_seq ?? 0;
        const rows = db.prepare('SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq').all(room, after) as { seq: number; data: Buffer }[];
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
        db.prepare(
          `INSERT INTO doc_snapshots (room, data, upto_seq) VALUES (?, ?, ?)
           ON CONFLICT(room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
           WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
        ).run(room, Buffer.from(snapshot), uptoSeq);
        db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq <= ?').run(room, uptoSeq);
      })(),
    );
  }

  delete(room: string): Promise<void> {
    return this.run((db) =>
      db.transaction(() => {
        db.prepare('DELETE FROM doc_updates WHERE room = ?').run(room);
        db.prepare('DELETE FROM doc_snapshots WHERE room = ?').run(room);
      })(),
    );
  }

  deletePrefix(prefix: string): Promise<void> {
    // Exact comparison instead of LIKE: a prefix may contain '%' or '_'.
    return this.run((db) =>
      db.transaction(() => {
        db.prepare('DELETE FROM doc_updates WHERE substr(room, 1, length(?)) = ?').run(prefix, prefix);
        db.prepare('DELETE FROM doc_snapshots WHERE substr(room, 1, length(?)) = ?').run(prefix, prefix);
      })(),
    );
  }
}
