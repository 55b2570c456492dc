import { auditHash, GENESIS_HASH } from '../audit-hash.js';
import type { AuditEntry, AuditRepo, NewAuditEntry } from '../types.js';
import type { Runner } from './postgres-runner.js';

/** Advisory-lock namespace (first key) for a workshop's audit chain; room logs use 1. */
const AUDIT_LOCK = 2;

export class PostgresAuditRepo implements AuditRepo {
  constructor(private readonly run: Runner) {}

  append(e: NewAuditEntry): Promise<AuditEntry> {
    return this.run.atomic(async (query) => {
      // Concurrent appends to one workshop must not fork the chain: they queue on this lock
      // until the holder commits. The read below is a separate statement on purpose: under
      // READ COMMITTED each statement takes a fresh snapshot, taken after the lock is held.
      await query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}, hashtext($1))`, [e.workshopId]);
      const last = (await query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit WHERE workshop_id = $1 ORDER BY seq DESC LIMIT 1',
        [e.workshopId],
      )).rows[0];
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = auditHash(prevHash, e, seq);
      await query(
        'INSERT INTO audit (workshop_id, seq, at, actor_id, type, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [e.workshopId, seq, e.at, e.actorId, e.type, JSON.stringify(e.data), prevHash, hash],
      );
      return { ...e, seq, prevHash, hash };
    });
  }

  async list(workshopId: string): Promise<AuditEntry[]> {
    const r = await this.run.query<Omit<AuditEntry, 'data'> & { data: string }>(
      `SELECT seq, workshop_id AS "workshopId", at, actor_id AS "actorId", type, data, prev_hash AS "prevHash", hash
       FROM audit WHERE workshop_id = $1 ORDER BY seq`,
      [workshopId],
    );
    // data is JSON text, as hashed; jsonb would refuse a \u0000 in a string.
    return r.rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  }
}
