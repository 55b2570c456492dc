/** Members' credentials (SQLite): hashes only, several per member. */
import type { CredentialKind, CredentialRecord, CredentialRepo, MemberRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';
import { type MemberRow, toMember } from './sqlite-workshops.js';

interface Row {
  id: string;
  workshop_id: string;
  member_id: string;
  kind: CredentialKind;
  token_hash: string;
  created_at: string;
  last_used_at: string;
  revoked_at: string | null;
}
const toCredential = (r: Row): CredentialRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  memberId: r.member_id,
  kind: r.kind,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class SqliteCredentialRepo implements CredentialRepo {
  constructor(private readonly run: Runner) {}

  add(c: CredentialRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO credentials (id, workshop_id, member_id, kind, token_hash, created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        c.id, c.workshopId, c.memberId, c.kind, c.tokenHash, c.createdAt, c.lastUsedAt, c.revokedAt,
      );
    });
  }

  find(tokenHash: string, kind: CredentialKind, revoked = false): Promise<{ credential: CredentialRecord; member: MemberRecord } | null> {
    return this.run((db) => {
      const sql = `SELECT * FROM credentials WHERE token_hash = ? AND kind = ?${revoked ? '' : ' AND revoked_at IS NULL'}`;
      const c = statement(db, sql).get(tokenHash, kind) as Row | undefined;
      if (!c) return null;
      const m = statement(
        db,
        'SELECT id, workshop_id, display_name, role, organisation_id, created_at, removed_at, last_visit_at, merged_into, invited_by FROM members WHERE workshop_id = ? AND id = ?',
      ).get(c.workshop_id, c.member_id) as MemberRow | undefined;
      return m ? { credential: toCredential(c), member: toMember(m) } : null;
    });
  }

  touch(id: string, at: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'UPDATE credentials SET last_used_at = ? WHERE id = ? AND last_used_at < ?').run(at, id, at);
    });
  }

  revoke(workshopId: string, id: string, at: string): Promise<boolean> {
    return this.run((db) => statement(db, 'UPDATE credentials SET revoked_at = ? WHERE workshop_id = ? AND id = ? AND revoked_at IS NULL').run(at, workshopId, id).changes === 1);
  }

  revokeAll(workshopId: string, memberId: string, kind: CredentialKind | null, at: string): Promise<number> {
    return this.run(
      (db) =>
        statement(db, 'UPDATE credentials SET revoked_at = ? WHERE workshop_id = ? AND member_id = ? AND (? IS NULL OR kind = ?) AND revoked_at IS NULL').run(at, workshopId, memberId, kind, kind)
          .changes,
    );
  }
}
