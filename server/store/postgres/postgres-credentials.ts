/** Members' credentials (PostgreSQL): hashes only, several per member. */
import type { CredentialKind, CredentialRecord, CredentialRepo, MemberRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';
import { MEMBER } from './postgres-workshops.js';

const CREDENTIAL = `id, workshop_id AS "workshopId", member_id AS "memberId", kind, token_hash AS "tokenHash", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export class PostgresCredentialRepo implements CredentialRepo {
  constructor(private readonly run: Runner) {}

  async add(c: CredentialRecord): Promise<void> {
    await this.run.query(
      'INSERT INTO credentials (id, workshop_id, member_id, kind, token_hash, created_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [c.id, c.workshopId, c.memberId, c.kind, c.tokenHash, c.createdAt, c.lastUsedAt, c.revokedAt],
    );
  }

  async find(tokenHash: string, kind: CredentialKind, revoked = false): Promise<{ credential: CredentialRecord; member: MemberRecord } | null> {
    const sql = `SELECT ${CREDENTIAL} FROM credentials WHERE token_hash = $1 AND kind = $2${revoked ? '' : ' AND revoked_at IS NULL'}`;
    const c = (await this.run.query<CredentialRecord>(sql, [tokenHash, kind])).rows[0];
    if (!c) return null;
    const m = (await this.run.query<MemberRecord>(`SELECT ${MEMBER} FROM members WHERE workshop_id = $1 AND id = $2`, [c.workshopId, c.memberId])).rows[0];
    return m ? { credential: c, member: m } : null;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.run.query('UPDATE credentials SET last_used_at = $1 WHERE id = $2 AND last_used_at < $1', [at, id]);
  }

  async revoke(workshopId: string, id: string, at: string): Promise<boolean> {
    const r = await this.run.query('UPDATE credentials SET revoked_at = $1 WHERE workshop_id = $2 AND id = $3 AND revoked_at IS NULL', [at, workshopId, id]);
    return r.rowCount === 1;
  }

  async revokeAll(workshopId: string, memberId: string, kind: CredentialKind | null, at: string): Promise<number> {
    const r = await this.run.query(
      'UPDATE credentials SET revoked_at = $1 WHERE workshop_id = $2 AND member_id = $3 AND ($4::text IS NULL OR kind = $4) AND revoked_at IS NULL',
      [at, workshopId, memberId, kind],
    );
    return r.rowCount ?? 0;
  }
}
