import type { BindingRecord, ClosedOutcome, LifecycleRecord, PrincipleRecord, PrincipleRepo, StanceRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const PRINCIPLE = `id, workshop_id AS "workshopId", text, text_hash AS "textHash", rule, proposed_at AS "proposedAt", proposed_by AS "proposedBy", version, closed, outcome, closed_at AS "closedAt"`;
const STANCE = `workshop_id AS "workshopId", principle_id AS "principleId", version, organisation_id AS "organisationId", member_id AS "memberId", stance, reason, at`;

export class PostgresPrincipleRepo implements PrincipleRepo {
  constructor(private readonly run: Runner) {}

  async propose(p: Omit<PrincipleRecord, 'version' | 'closed' | 'outcome' | 'closedAt'>, bound: readonly string[]): Promise<PrincipleRecord> {
    return this.run.atomic(async (query) => {
      const r = await query<PrincipleRecord>(
        `INSERT INTO principles (workshop_id, id, text, text_hash, rule, proposed_at, proposed_by, version, closed) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, false)
         ON CONFLICT (workshop_id, id) DO UPDATE SET text = excluded.text, text_hash = excluded.text_hash, rule = excluded.rule,
           proposed_at = excluded.proposed_at, proposed_by = excluded.proposed_by, version = principles.version + 1, closed = false, outcome = NULL, closed_at = NULL
         RETURNING ${PRINCIPLE}`,
        [p.workshopId, p.id, p.text, p.textHash, p.rule, p.proposedAt, p.proposedBy],
      );
      const rec = r.rows[0]!;
      if (bound.length > 0) {
        await query(
          `INSERT INTO principle_bindings (workshop_id, principle_id, version, organisation_id) SELECT $1, $2, $3, unnest($4::text[]) ON CONFLICT DO NOTHING`,
          [p.workshopId, p.id, rec.version, [...bound]],
        );
      }
      return rec;
    });
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
      `WITH p AS (SELECT 1 FROM principles p WHERE p.workshop_id = $1 AND p.id = $2 AND p.version = $3 AND (NOT p.closed
         OR NOT EXISTS (SELECT 1 FROM principle_bindings b WHERE b.workshop_id = p.workshop_id AND b.principle_id = p.id AND b.version = p.version AND b.organisation_id = $4)) FOR SHARE OF p)
       INSERT INTO stances (workshop_id, principle_id, version, organisation_id, member_id, stance, reason, at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM p`,
      [s.workshopId, s.principleId, s.version, s.organisationId, s.memberId, s.stance, s.reason, s.at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async stances(workshopId: string): Promise<StanceRecord[]> {
    return (await this.run.query<StanceRecord>(`SELECT ${STANCE} FROM stances WHERE workshop_id = $1 ORDER BY seq`, [workshopId])).rows;
  }

  async bindings(workshopId: string): Promise<BindingRecord[]> {
    return (
      await this.run.query<BindingRecord>(
        `SELECT principle_id AS "principleId", version, organisation_id AS "organisationId" FROM principle_bindings WHERE workshop_id = $1
         ORDER BY principle_id COLLATE "C", version, organisation_id COLLATE "C"`,
        [workshopId],
      )
    ).rows;
  }

  async close(workshopId: string, id: string, outcome: ClosedOutcome, at: string): Promise<boolean> {
    const r = await this.run.query('UPDATE principles SET closed = true, outcome = $3, closed_at = $4 WHERE workshop_id = $1 AND id = $2 AND NOT closed', [workshopId, id, outcome, at]);
    return (r.rowCount ?? 0) > 0;
  }

  async markAmendment(workshopId: string, id: string, amends: string): Promise<void> {
    await this.run.query('INSERT INTO principle_lifecycle (workshop_id, principle_id, amends) VALUES ($1, $2, $3) ON CONFLICT (workshop_id, principle_id) DO UPDATE SET amends = excluded.amends', [
      workshopId, id, amends,
    ]);
  }

  async retire(workshopId: string, id: string, by: string, at: string, reason: string): Promise<boolean> {
    const r = await this.run.query(
      `INSERT INTO principle_lifecycle (workshop_id, principle_id, retired_at, retired_by, retire_reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workshop_id, principle_id) DO UPDATE SET retired_at = excluded.retired_at, retired_by = excluded.retired_by, retire_reason = excluded.retire_reason
       WHERE principle_lifecycle.retired_at IS NULL`,
      [workshopId, id, at, by, reason],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async lifecycle(workshopId: string): Promise<LifecycleRecord[]> {
    return (
      await this.run.query<LifecycleRecord>(
        `SELECT principle_id AS "principleId", amends, retired_at AS "retiredAt", retired_by AS "retiredBy", retire_reason AS "retireReason"
         FROM principle_lifecycle WHERE workshop_id = $1 ORDER BY principle_id COLLATE "C"`,
        [workshopId],
      )
    ).rows;
  }
}
