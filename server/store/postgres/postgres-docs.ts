import type { DocStore, LoadedDoc } from '../types.js';
import type { Runner } from './postgres-runner.js';
import { GroupCommit, type Append } from '../group-commit.js';

/** Advisory-lock namespace (first key) for a room's update log; the audit uses 2. */
const ROOM_LOCK = 1;

/**
 * Appends are group-committed (group-commit.ts): the appends of one tick, across rooms, go to the
 * database as one statement (one round trip, one commit); a failed group is retried append by
 * append. Inside a store transaction (`groupCommit` false) appends run at once.
 *
 * A sequence hands out seqs before commit, so two writers could commit 6 before 5; a reader that
 * saw 6 would compact past 5 and drop it. The per-room lock, taken before nextval() and held
 * until commit, makes commit order follow seq order within a room. A group takes its rooms'
 * locks in one order (by key), so two instances grouping the same rooms cannot deadlock.
 */
export class PostgresDocStore implements DocStore {
  private readonly group: GroupCommit | null;

  constructor(
    private readonly run: Runner,
    groupCommit = true,
  ) {
    this.group = groupCommit ? new GroupCommit((batch) => this.insert(batch)) : null;
  }

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return this.group ? this.group.append(room, update) : (await this.insert([{ room, update }]))[0]!;
  }

  /**
   * One statement, so one implicit transaction: all rows or none. nextval() runs after the ORDER
   * BY (PostgreSQL evaluates volatile output expressions after sorting), so a room's appends get
   * seqs in the order they were made.
   */
  private async insert(batch: Append[]): Promise<number[]> {
    const r = await this.run.query<{ ord: string; seq: string }>(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(room, data, ord)),
       locks AS MATERIALIZED (
         SELECT count(pg_advisory_xact_lock(${ROOM_LOCK}, k)) AS n FROM (SELECT DISTINCT hashtext(room) AS k FROM input ORDER BY k) keys
       ),
       rows AS MATERIALIZED (
         SELECT ord, room, data, nextval(pg_get_serial_sequence('doc_updates', 'seq')) AS seq FROM input CROSS JOIN locks ORDER BY ord
       ),
       stored AS (INSERT INTO doc_updates (seq, room, data) SELECT seq, room, data FROM rows)
       SELECT ord, seq FROM rows ORDER BY ord`,
      [batch.map((a) => a.room), batch.map((a) => Buffer.from(a.update.buffer, a.update.byteOffset, a.update.byteLength))],
    );
    return r.rows.map((row) => Number(row.seq));
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
