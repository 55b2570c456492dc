import type { MemberRecord, PersonRecord, PersonRepo, PersonSessionRecord } from '../types.js';
import { MEMBER_COLUMNS, toMember, type MemberRow } from './sqlite-workshops.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface PersonRow {
  id: string;
  issuer: string;
  subject: string;
  display_name: string;
  org_number: string | null;
  created_at: string;
}
interface SessionRow {
  token_hash: string;
  person_id: string;
  created_at: string;
  last_used_at: string;
}

const toPerson = (r: PersonRow): PersonRecord => ({ id: r.id, issuer: r.issuer, subject: r.subject, displayName: r.display_name, orgNumber: r.org_number, createdAt: r.created_at });

export class SqlitePersonRepo implements PersonRepo {
  constructor(private readonly run: Runner) {}

  upsert(p: PersonRecord): Promise<PersonRecord> {
    return this.run((db) => {
      const r = statement(
        db,
        `INSERT INTO persons (id, issuer, subject, display_name, org_number, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (issuer, subject) DO UPDATE SET display_name = excluded.display_name, org_number = excluded.org_number
         RETURNING *`,
      ).get(p.id, p.issuer, p.subject, p.displayName, p.orgNumber, p.createdAt) as PersonRow;
      return toPerson(r);
    });
  }

  get(id: string): Promise<PersonRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
      return r ? toPerson(r) : null;
    });
  }

  ofMember(workshopId: string, memberId: string): Promise<PersonRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM persons WHERE id = (SELECT person_id FROM members WHERE workshop_id = ? AND id = ?)').get(workshopId, memberId) as PersonRow | undefined;
      return r ? toPerson(r) : null;
    });
  }

  addSession(s: PersonSessionRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO person_sessions (token_hash, person_id, created_at, last_used_at) VALUES (?, ?, ?, ?)').run(s.tokenHash, s.personId, s.createdAt, s.lastUsedAt);
    });
  }

  session(tokenHash: string): Promise<PersonSessionRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM person_sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
      return r ? { tokenHash: r.token_hash, personId: r.person_id, createdAt: r.created_at, lastUsedAt: r.last_used_at } : null;
    });
  }

  touchSession(tokenHash: string, at: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'UPDATE person_sessions SET last_used_at = ? WHERE token_hash = ?').run(at, tokenHash);
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'DELETE FROM person_sessions WHERE token_hash = ?').run(tokenHash);
    });
  }

  linkMember(workshopId: string, memberId: string, personId: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'UPDATE members SET person_id = ? WHERE workshop_id = ? AND id = ?').run(personId, workshopId, memberId);
    });
  }

  memberIn(workshopId: string, personId: string): Promise<MemberRecord | null> {
    return this.run((db) => {
      const r = statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE workshop_id = ? AND person_id = ? ORDER BY created_at, id LIMIT 1`).get(workshopId, personId) as MemberRow | undefined;
      return r ? toMember(r) : null;
    });
  }

  memberships(personId: string): Promise<MemberRecord[]> {
    return this.run((db) => (statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE person_id = ? ORDER BY created_at, id`).all(personId) as MemberRow[]).map(toMember));
  }
}
