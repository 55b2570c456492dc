import { auditHash, GENESIS_HASH } from '../audit-hash.js';
import { generateAuditKeyPair, signHead, type AuditKeyPair } from '../audit-sign.js';
import type { AuditEntry, AuditRepo, NewAuditEntry } from '../types.js';
import type { Query, Runner } from './postgres-runner.js';

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
      const signature = signHead((await keyPair(query)).privateKey, { workshopId: e.workshopId, seq, hash });
      await query(
        'INSERT INTO audit (workshop_id, seq, at, actor_id, type, data, prev_hash, hash, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [e.workshopId, seq, e.at, e.actorId, e.type, JSON.stringify(e.data), prevHash, hash, signature],
      );
      return { ...e, seq, prevHash, hash, signature };
    });
  }

  async countSince(workshopId: string, since: string, exceptActor: string): Promise<number> {
    const r = await this.run.query<{ n: string }>('SELECT COUNT(*) AS n FROM audit WHERE workshop_id = $1 AND at > $2 AND (actor_id IS NULL OR actor_id <> $3)', [workshopId, since, exceptActor]);
    return Number(r.rows[0]?.n ?? 0);
  }

  async list(workshopId: string): Promise<AuditEntry[]> {
    const r = await this.run.query<Omit<AuditEntry, 'data' | 'signature'> & { data: string; signature: string | null }>(
      `SELECT seq, workshop_id AS "workshopId", at, actor_id AS "actorId", type, data, prev_hash AS "prevHash", hash, signature
       FROM audit WHERE workshop_id = $1 ORDER BY seq`,
      [workshopId],
    );
    // data is JSON text, as hashed; jsonb would refuse a \u0000 in a string.
    return r.rows.map(({ signature, ...row }) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown>, ...(signature ? { signature } : {}) }));
  }

  async publicKey(): Promise<string> {
    return (await this.run.atomic(keyPair)).publicKey;
  }
}

/**
 * The store's key pair; the first caller makes it. Insert-if-absent, then read back in a new
 * statement (a fresh snapshot under READ COMMITTED): of instances starting at once, one insert
 * wins, the others wait on its row lock, do nothing, and read the winner's key.
 */
async function keyPair(query: Query): Promise<AuditKeyPair> {
  const read = async () =>
    (await query<AuditKeyPair>('SELECT public_key AS "publicKey", private_key AS "privateKey" FROM audit_keys WHERE id = 1')).rows[0];
  const found = await read();
  if (found) return found;
  const made = generateAuditKeyPair();
  await query('INSERT INTO audit_keys (id, public_key, private_key, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [made.publicKey, made.privateKey, new Date().toISOString()]);
  return (await read())!;
}
