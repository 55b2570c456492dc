import type { MemberRecord, PersonRecord, PersonRepo, PersonSessionRecord } from '../types.js';
import { MEMBER } from './postgres-workshops.js';
import type { Runner } from './postgres-runner.js';

const PERSON = `id, issuer, subject, display_name AS "displayName", org_number AS "orgNumber", created_at AS "createdAt"`;
const SESSION = `token_hash AS "tokenHash", person_id AS "personId", created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

export class PostgresPersonRepo implements PersonRepo {
  constructor(private readonly run: Runner) {}

  async upsert(p: PersonRecord): Promise<PersonRecord> {
    const r = await this.run.query<PersonRecord>(
      `INSERT INTO persons (id, issuer, subject, display_name, org_number, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (issuer, subject) DO UPDATE SET display_name = EXCLUDED.display_name, org_number = EXCLUDED.org_number
       RETURNING ${PERSON}`,
      [p.id, p.issuer, p.subject, p.displayName, p.orgNumber, p.createdAt],
    );
    return r.rows[0]!;
  }

  async get(id: string): Promise<PersonRecord | null> {
    return (await this.run.query<PersonRecord>(`SELECT ${PERSON} FROM persons WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async ofMember(workshopId: string, memberId: string): Promise<PersonRecord | null> {
    return (await this.run.query<PersonRecord>(`SELECT ${PERSON} FROM persons WHERE id = (SELECT person_id FROM members WHERE workshop_id = $1 AND id = $2)`, [workshopId, memberId])).rows[0] ?? null;
  }

  async addSession(s: PersonSessionRecord): Promise<void> {
    await this.run.query('INSERT INTO person_sessions (token_hash, person_id, created_at, last_used_at) VALUES ($1, $2, $3, $4)', [s.tokenHash, s.personId, s.createdAt, s.lastUsedAt]);
  }

  async session(tokenHash: string): Promise<PersonSessionRecord | null> {
    return (await this.run.query<PersonSessionRecord>(`SELECT ${SESSION} FROM person_sessions WHERE token_hash = $1`, [tokenHash])).rows[0] ?? null;
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.run.query('UPDATE person_sessions SET last_used_at = $1 WHERE token_hash = $2', [at, tokenHash]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.run.query('DELETE FROM person_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async linkMember(workshopId: string, memberId: string, personId: string): Promise<void> {
    await this.run.query('UPDATE members SET person_id = $1 WHERE workshop_id = $2 AND id = $3', [personId, workshopId, memberId]);
  }

  async memberIn(workshopId: string, personId: string): Promise<MemberRecord | null> {
    const r = await this.run.query<MemberRecord>(`SELECT ${MEMBER} FROM members WHERE workshop_id = $1 AND person_id = $2 ORDER BY created_at COLLATE "C", id COLLATE "C" LIMIT 1`, [workshopId, personId]);
    return r.rows[0] ?? null;
  }

  async memberships(personId: string): Promise<MemberRecord[]> {
    return (await this.run.query<MemberRecord>(`SELECT ${MEMBER} FROM members WHERE person_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"`, [personId])).rows;
  }
}
