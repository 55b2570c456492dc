import type { AnchorRecord, RepresentationRepo, RepresentativeRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const REP = `workshop_id AS "workshopId", member_id AS "memberId", organisation_id AS "organisationId", named_by AS "namedBy", confirmation, invited_by AS "invitedBy", at`;
const ANCHOR = `workshop_id AS "workshopId", principle_id AS "principleId", version, organisation_id AS "organisationId", member_id AS "memberId", confirmed_by AS "confirmedBy", role, date, reference, stance_at AS "stanceAt", at`;

export class PostgresRepresentationRepo implements RepresentationRepo {
  constructor(private readonly run: Runner) {}

  async representatives(workshopId: string): Promise<RepresentativeRecord[]> {
    return (await this.run.query<RepresentativeRecord>(`SELECT ${REP} FROM representatives WHERE workshop_id = $1 ORDER BY at COLLATE "C", member_id COLLATE "C"`, [workshopId])).rows;
  }

  async name(r: RepresentativeRecord): Promise<boolean> {
    const res = await this.run.query(
      'INSERT INTO representatives (workshop_id, member_id, organisation_id, named_by, confirmation, invited_by, at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
      [r.workshopId, r.memberId, r.organisationId, r.namedBy, r.confirmation, r.invitedBy, r.at],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async unname(workshopId: string, memberId: string): Promise<boolean> {
    return ((await this.run.query('DELETE FROM representatives WHERE workshop_id = $1 AND member_id = $2', [workshopId, memberId])).rowCount ?? 0) > 0;
  }

  async inviterOf(workshopId: string, memberId: string): Promise<string | null> {
    const r = await this.run.query<{ createdBy: string }>(
      `SELECT i.created_by AS "createdBy" FROM (SELECT data FROM audit WHERE workshop_id = $1 AND type = 'member.joined' AND actor_id = $2 ORDER BY seq LIMIT 1) a
       JOIN invites i ON i.workshop_id = $1 AND i.id = a.data::jsonb->>'inviteId'`,
      [workshopId, memberId],
    );
    return r.rows[0]?.createdBy ?? null;
  }

  async anchor(a: AnchorRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO principle_anchors (workshop_id, principle_id, version, organisation_id, member_id, confirmed_by, role, date, reference, stance_at, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (workshop_id, principle_id, version, organisation_id) DO UPDATE SET member_id = excluded.member_id, confirmed_by = excluded.confirmed_by,
         role = excluded.role, date = excluded.date, reference = excluded.reference, stance_at = excluded.stance_at, at = excluded.at`,
      [a.workshopId, a.principleId, a.version, a.organisationId, a.memberId, a.confirmedBy, a.role, a.date, a.reference, a.stanceAt, a.at],
    );
  }

  async anchors(workshopId: string): Promise<AnchorRecord[]> {
    return (
      await this.run.query<AnchorRecord>(`SELECT ${ANCHOR} FROM principle_anchors WHERE workshop_id = $1 ORDER BY principle_id COLLATE "C", version, organisation_id COLLATE "C"`, [workshopId])
    ).rows;
  }
}
