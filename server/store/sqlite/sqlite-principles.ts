import type { DecisionRule, Stance } from '../../../shared/decisions.js';
import type { PrincipleRecord, PrincipleRepo, StanceRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface PrincipleRow {
  workshop_id: string;
  id: string;
  text: string;
  text_hash: string;
  rule: DecisionRule;
  proposed_at: string;
  proposed_by: string;
  version: number;
  closed: number;
}
const toPrinciple = (r: PrincipleRow): PrincipleRecord => ({
  id: r.id, workshopId: r.workshop_id, text: r.text, textHash: r.text_hash, rule: r.rule, proposedAt: r.proposed_at, proposedBy: r.proposed_by, version: r.version, closed: r.closed === 1,
});

export class SqlitePrincipleRepo implements PrincipleRepo {
  constructor(private readonly run: Runner) {}

  propose(p: Omit<PrincipleRecord, 'version' | 'closed'>): Promise<PrincipleRecord> {
    return this.run((db) =>
      toPrinciple(
        statement(
          db,
          `INSERT INTO principles (workshop_id, id, text, text_hash, rule, proposed_at, proposed_by, version, closed) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)
           ON CONFLICT (workshop_id, id) DO UPDATE SET text = excluded.text, text_hash = excluded.text_hash, rule = excluded.rule,
             proposed_at = excluded.proposed_at, proposed_by = excluded.proposed_by, version = principles.version + 1, closed = 0
           RETURNING *`,
        ).get(p.workshopId, p.id, p.text, p.textHash, p.rule, p.proposedAt, p.proposedBy) as PrincipleRow,
      ),
    );
  }

  get(workshopId: string, id: string): Promise<PrincipleRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM principles WHERE workshop_id = ? AND id = ?').get(workshopId, id) as PrincipleRow | undefined;
      return r ? toPrinciple(r) : null;
    });
  }

  list(workshopId: string): Promise<PrincipleRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM principles WHERE workshop_id = ? ORDER BY proposed_at, id').all(workshopId) as PrincipleRow[]).map(toPrinciple));
  }

  addStance(s: StanceRecord): Promise<boolean> {
    return this.run(
      (db) =>
        statement(
          db,
          `INSERT INTO stances (workshop_id, principle_id, version, organisation_id, member_id, stance, reason, at)
           SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM principles WHERE workshop_id = ? AND id = ? AND version = ? AND closed = 0)`,
        ).run(s.workshopId, s.principleId, s.version, s.organisationId, s.memberId, s.stance, s.reason, s.at, s.workshopId, s.principleId, s.version).changes > 0,
    );
  }

  stances(workshopId: string): Promise<StanceRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT * FROM stances WHERE workshop_id = ? ORDER BY seq').all(workshopId) as {
          workshop_id: string;
          principle_id: string;
          version: number;
          organisation_id: string;
          member_id: string;
          stance: Stance;
          reason: string | null;
          at: string;
        }[]
      ).map((r) => ({
        workshopId: r.workshop_id, principleId: r.principle_id, version: r.version, organisationId: r.organisation_id, memberId: r.member_id, stance: r.stance, reason: r.reason, at: r.at,
      })),
    );
  }

  close(workshopId: string, id: string): Promise<boolean> {
    return this.run((db) => statement(db, 'UPDATE principles SET closed = 1 WHERE workshop_id = ? AND id = ? AND closed = 0').run(workshopId, id).changes > 0);
  }
}
