import type { DeletedRange, MilestoneRecord, VisionAuthors, VisionRepo, VisionStanceRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const STANCE_COLUMNS = 'workshop_id AS "workshopId", milestone_id AS "milestoneId", organisation_id AS "organisationId", member_id AS "memberId", stance, reason, at';
const MILESTONE_COLUMNS = 'id, workshop_id AS "workshopId", name, created_at AS "createdAt", created_by AS "createdBy"';

export class PostgresVisionRepo implements VisionRepo {
  constructor(private readonly run: Runner) {}

  async recordClients(workshopId: string, memberId: string, clientIds: number[]): Promise<void> {
    if (clientIds.length === 0) return;
    await this.run.query(
      `INSERT INTO vision_clients (workshop_id, client_id, member_id)
       SELECT $1, c, $2 FROM unnest($3::bigint[]) AS c ON CONFLICT DO NOTHING`,
      [workshopId, memberId, clientIds],
    );
  }

  async recordDeletions(workshopId: string, memberId: string, ranges: DeletedRange[]): Promise<void> {
    await this.run.query('INSERT INTO vision_deletions (workshop_id, member_id, ranges) VALUES ($1, $2, $3)', [workshopId, memberId, JSON.stringify(ranges)]);
  }

  async clientOwners(workshopId: string, clientIds: readonly number[]): Promise<Map<number, string>> {
    if (clientIds.length === 0) return new Map();
    const r = await this.run.query<{ client_id: string; member_id: string }>('SELECT client_id, member_id FROM vision_clients WHERE workshop_id = $1 AND client_id = ANY($2::bigint[])', [workshopId, [...clientIds]]);
    return new Map(r.rows.map((row) => [Number(row.client_id), row.member_id]));
  }

  async authors(workshopId: string): Promise<VisionAuthors> {
    const clients = await this.run.query<{ client_id: string; member_id: string }>('SELECT client_id, member_id FROM vision_clients WHERE workshop_id = $1', [workshopId]);
    const deletions = await this.run.query<{ member_id: string; ranges: string }>('SELECT member_id, ranges FROM vision_deletions WHERE workshop_id = $1 ORDER BY seq', [workshopId]);
    return {
      clients: new Map(clients.rows.map((r) => [Number(r.client_id), r.member_id])),
      deletions: deletions.rows.map((r) => ({ memberId: r.member_id, ranges: JSON.parse(r.ranges) as DeletedRange[] })),
    };
  }

  async setSeen(workshopId: string, memberId: string, snapshot: Uint8Array, at: string): Promise<void> {
    await this.run.query(
      `INSERT INTO vision_seen (workshop_id, member_id, snapshot, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id, member_id) DO UPDATE SET snapshot = excluded.snapshot, at = excluded.at`,
      [workshopId, memberId, Buffer.from(snapshot), at],
    );
  }

  async seen(workshopId: string, memberId: string): Promise<{ snapshot: Uint8Array; at: string } | null> {
    const r = await this.run.query<{ snapshot: Buffer; at: string }>('SELECT snapshot, at FROM vision_seen WHERE workshop_id = $1 AND member_id = $2', [workshopId, memberId]);
    const row = r.rows[0];
    return row ? { snapshot: new Uint8Array(row.snapshot), at: row.at } : null;
  }

  async addMilestone(m: MilestoneRecord): Promise<void> {
    await this.run.query('INSERT INTO milestones (id, workshop_id, name, created_at, created_by, snapshot) VALUES ($1, $2, $3, $4, $5, $6)', [
      m.id, m.workshopId, m.name, m.createdAt, m.createdBy, Buffer.from(m.snapshot),
    ]);
  }

  async milestones(workshopId: string): Promise<Omit<MilestoneRecord, 'snapshot'>[]> {
    // created_at ties (same millisecond) keep insertion order through the id's creation sequence.
    const r = await this.run.query<Omit<MilestoneRecord, 'snapshot'>>(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE workshop_id = $1 ORDER BY created_at, ctid`, [workshopId]);
    return r.rows;
  }

  async milestone(workshopId: string, id: string): Promise<MilestoneRecord | null> {
    const r = await this.run.query<Omit<MilestoneRecord, 'snapshot'> & { snapshot: Buffer }>(`SELECT ${MILESTONE_COLUMNS}, snapshot FROM milestones WHERE workshop_id = $1 AND id = $2`, [workshopId, id]);
    const row = r.rows[0];
    return row ? { ...row, snapshot: new Uint8Array(row.snapshot) } : null;
  }

  async setStance(v: VisionStanceRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO vision_stances (workshop_id, milestone_id, organisation_id, member_id, stance, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (milestone_id, organisation_id) DO UPDATE SET member_id = excluded.member_id, stance = excluded.stance, reason = excluded.reason, at = excluded.at`,
      [v.workshopId, v.milestoneId, v.organisationId, v.memberId, v.stance, v.reason, v.at],
    );
  }

  async stances(workshopId: string): Promise<VisionStanceRecord[]> {
    const r = await this.run.query<VisionStanceRecord>(
      `SELECT ${STANCE_COLUMNS} FROM vision_stances WHERE workshop_id = $1 ORDER BY at COLLATE "C", milestone_id COLLATE "C", organisation_id COLLATE "C"`,
      [workshopId],
    );
    return r.rows;
  }
}
