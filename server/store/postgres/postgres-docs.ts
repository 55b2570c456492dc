import type { DocStore, LoadedDoc } from '../types.js';
import type { Runner } from './postgres-runner.js';

/** Advisory-lock namespace (first key) for a room's update log; the audit uses 2. */
const ROOM_LOCK = 1;

export class PostgresDocStore implements DocStore {
  constructor(private readonly run: Runner) {}

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    // A sequence hands out seqs before commit, so two writers could commit 6 before 5; a reader
    // that saw 6 would compact past 5 and drop it. The per-room lock, taken before nextval()
    // and held until commit, makes commit order follow seq order within a room.
    const r = await this.run.query<{ seq: string }>(
      `WITH room_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(${ROOM_LOCK}, hashtext($1::text)))
       INSERT INTO doc_updates (room, data) SELECT $1::text, $2::bytea FROM room_lock RETURNING seq`,
      [room, Buffer.from(update.buffer, update.byteOffset, update.byteLength)],
    );
    return Number(r.rows[0]!.seq);
  }

  async load(room: string): Promise<LoadedDoc> {
    // One statement, one snapshot: the updates read are exactly those after the snapshot read.
    const r = await this.run.query<{ is_snapshot: boolean; seq: string; data: Buffer }>(
      `WITH snap AS (SELECT data, upto_seq FROM doc_snapshots WHERE room = $1)
       SELECT true AS is_snapshot, upto_seq AS seq, data FROM snap
       UNION ALL
       SELECT false, seq, data FROM doc_updates
        WHERE room = $1 AND seq > COALESCE((SELECT upto_seq FROM snap), 0)
       ORDER BY is_snapshot DESC, seq`,
      [room],
    );
    const rows = r.rows;
    const snap = rows[0]?.is_snapshot ? rows[0] : undefined;
    const updates = snap ? rows.slice(1) : rows;
    const last = rows[rows.length - 1];
    return {
      // Plain Uint8Arrays (copies), as the SQLite adapter returns, not pg's Buffers.
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: updates.map((u) => new Uint8Array(u.data)),
      lastSeq: last ? Number(last.seq) : 0,
    };
  }

  async compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    // An older snapshot never replaces a newer one; the delete is harmless either way.
    await this.run.query(
      `WITH snap AS (
         INSERT INTO doc_snapshots (room, data, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE excluded.upto_seq >= doc_snapshots.upto_seq
       )
       DELETE FROM doc_updates WHERE room = $1 AND seq <= $3`,
      [room, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), uptoSeq],
    );
  }

  async delete(room: string): Promise<void> {
    await this.run.query('WITH u AS (DELETE FROM doc_updates WHERE room = $1) DELETE FROM doc_snapshots WHERE room = $1', [room]);
  }

  async deletePrefix(prefix: string): Promise<void> {
    // starts_with, not LIKE: a prefix may contain '%' or '_'. With room COLLATE "C" it is exact
    // and (PostgreSQL 15+) served by the (room, seq) index.
    await this.run.query(
      'WITH u AS (DELETE FROM doc_updates WHERE starts_with(room, $1)) DELETE FROM doc_snapshots WHERE starts_with(room, $1)',
      [prefix],
    );
  }
}
