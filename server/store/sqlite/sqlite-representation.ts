import type { AnchorRecord, RepresentationRepo, RepresentativeRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

const REP = `workshop_id AS workshopId, member_id AS memberId, organisation_id AS organisationId, named_by AS namedBy, confirmation, invited_by AS invitedBy, at`;
const ANCHOR = `workshop_id AS workshopId, principle_id AS principleId, version, organisation_id AS organisationId, member_id AS memberId, confirmed_by AS confirmedBy, role, date, reference, stance_at AS stanceAt, at`;

export class SqliteRepresentationRepo implements RepresentationRepo {
  constructor(private readonly run: Runner) {}

  representatives(workshopId: string): Promise<RepresentativeRecord[]> {
    return this.run((db) => statement(db, `SELECT ${REP} FROM representatives WHERE workshop_id = ? ORDER BY at, member_id`).all(workshopId) as RepresentativeRecord[]);
  }

  name(r: RepresentativeRecord): Promise<boolean> {
    return this.run(
      (db) =>
        statement(db, 'INSERT OR IGNORE INTO representatives (workshop_id, member_id, organisation_id, named_by, confirmation, invited_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          r.workshopId, r.memberId, r.organisationId, r.namedBy, r.confirmation, r.invitedBy, r.at,
        ).changes > 0,
    );
  }

  unname(workshopId: string, memberId: string): Promise<boolean> {
    return this.run((db) => statement(db, 'DELETE FROM representatives WHERE workshop_id = ? AND member_id = ?').run(workshopId, memberId).changes > 0);
  }

  inviterOf(workshopId: string, memberId: string): Promise<string | null> {
    return this.run((db) => {
      const row = statement(
        db,
        `SELECT i.created_by AS createdBy FROM audit a JOIN invites i ON i.workshop_id = a.workshop_id
           AND i.id = (CASE WHEN json_valid(a.data) THEN json_extract(a.data, '$.inviteId') END)
         WHERE a.workshop_id = ? AND a.type = 'member.joined' AND a.actor_id = ? ORDER BY a.seq LIMIT 1`,
      ).get(workshopId, memberId) as { createdBy: string } | undefined;
      return row?.createdBy ?? null;
    });
  }

  anchor(a: AnchorRecord): Promise<void> {
    return this.run((db) => {
      statement(
        db,
        `INSERT INTO principle_anchors (workshop_id, principle_id, version, organisation_id, member_id, confirmed_by, role, date, reference, stance_at, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, principle_id, version, organisation_id) DO UPDATE SET member_id = excluded.member_id, confirmed_by = excluded.confirmed_by,
           role = excluded.role, date = excluded.date, reference = excluded.reference, stance_at = excluded.stance_at, at = excluded.at`,
      ).run(a.workshopId, a.principleId, a.version, a.organisationId, a.memberId, a.confirmedBy, a.role, a.date, a.reference, a.stanceAt, a.at);
    });
  }

  anchors(workshopId: string): Promise<AnchorRecord[]> {
    return this.run((db) => statement(db, `SELECT ${ANCHOR} FROM principle_anchors WHERE workshop_id = ? ORDER BY principle_id, version, organisation_id`).all(workshopId) as AnchorRecord[]);
  }
}
