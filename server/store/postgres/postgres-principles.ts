import type { PrincipleRecord, PrincipleRepo, StanceRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const PRINCIPLE = `id, workshop_id AS "workshopId", text, text_hash AS "textHash", rule, proposed_at AS "proposedAt", proposed_by AS "proposedBy", version, closed`;
const STANCE = `workshop_id AS "workshopId", principle_id AS "principleId", version, organisation_id AS "organisationId", member_id AS "memberId", stance, reason, at`;

export class PostgresPrincipleRepo implements PrincipleRepo {
  constructor(private readonly run: Runner) {}

  async propose(p: Omit<PrincipleRecord, 'version' | 'closed'>): Promise<PrincipleRecord> {
    const r = await this.run.query<PrincipleRecord>(
      `INSERT INTO principles (workshop_id, id, text, text_hash, rule, proposed_at, proposed_by, version, closed) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, false)
       ON CONFLICT (workshop_id, id) DO UPDATE SET text = excluded.text, text_hash = excluded.text_hash, rule = excluded.rule,
         proposed_at = excluded.proposed_at, proposed_by = excluded.proposed_by, version = principles.version + 1, closed = false
       RETURNING ${PRINCIPLE}`,
      [p.workshopId, p.id, p.text, p.textHash, p.rule, p.proposedAt, p.proposedBy],
    );
    return r.rows[0]!;
  }

  async get(workshopId: string, id: string): Promise<PrincipleRecord | null> {
    return (await this.run.query<PrincipleRecord>(`SELECT ${PRINCIPLE} FROM principles WHERE workshop_id = $1 AND id = $2`, [workshopId, id])).rows[0] ?? null;
  }

  async list(workshopId: string): Promise<PrincipleRecord[]> {
    return (await this.run.query<PrincipleRecord>(`SELECT ${PRINCIPLE} FROM principles WHERE workshop_id = $1 ORDER BY proposed_at COLLATE "C", id COLLATE "C"`, [workshopId])).rows;
  }

  async addStance(s: StanceRecord): Promise<boolean> {
    // FOR SHARE: a concurrent close or re-proposal waits, or this insert sees its result.
    const r = await this.run.query(
      `WITH p AS (SELECT 1 FROM principles WHERE workshop_id = $1 AND id = $2 AND version = $3 AND NOT closed FOR SHARE)
       INSERT INTO stances (workshop_id, principle_id, version, organisation_id, member_id, stance, reason, at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM p`,
      [s.workshopId, s.principleId, s.version, s.organisationId, s.memberId, s.stance, s.reason, s.at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async stances(workshopId: string): Promise<StanceRecord[]> {
    return (await this.run.query<StanceRecord>(`SELECT ${STANCE} FROM stances WHERE workshop_id = $1 ORDER BY seq`, [workshopId])).rows;
  }

  async close(workshopId: string, id: string): Promise<boolean> {
    return ((await this.run.query('UPDATE principles SET closed = true WHERE workshop_id = $1 AND id = $2 AND NOT closed', [workshopId, id])).rowCount ?? 0) > 0;
  }
}
