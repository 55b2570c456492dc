import type { DecisionRule, Stance } from '../../../shared/decisions.js';
import type { BindingRecord, ClosedOutcome, LifecycleRecord, PrincipleRecord, PrincipleRepo, StanceRecord } from '../types.js';
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
  outcome: ClosedOutcome | null;
  closed_at: string | null;
}
const toPrinciple = (r: PrincipleRow): PrincipleRecord => ({
  id: r.id, workshopId: r.workshop_id, text: r.text, textHash: r.text_hash, rule: r.rule, proposedAt: r.proposed_at, proposedBy: r.proposed_by, version: r.version, closed: r.closed === 1,
  outcome: r.outcome, closedAt: r.closed_at,
});

export class SqlitePrincipleRepo implements PrincipleRepo {
  constructor(private readonly run: Runner) {}

  propose(p: Omit<PrincipleRecord, 'version' | 'closed' | 'outcome' | 'closedAt'>, bound: readonly string[]): Promise<PrincipleRecord> {
    return this.run((db) =>
      db.transaction(() => {
        const rec = toPrinciple(
          statement(
            db,
            `INSERT INTO principles (workshop_id, id, text, text_hash, rule, proposed_at, proposed_by, version, closed) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)
             ON CONFLICT (workshop_id, id) DO UPDATE SET text = excluded.text, text_hash = excluded.text_hash, rule = excluded.rule,
               proposed_at = excluded.proposed_at, proposed_by = excluded.proposed_by, version = principles.version + 1, closed = 0, outcome = NULL, closed_at = NULL
             RETURNING *`,
          ).get(p.workshopId, p.id, p.text, p.textHash, p.rule, p.proposedAt, p.proposedBy) as PrincipleRow,
        );
        const bind = statement(db, 'INSERT OR IGNORE INTO principle_bindings (workshop_id, principle_id, version, organisation_id) VALUES (?, ?, ?, ?)');
        for (const org of bound) bind.run(p.workshopId, p.id, rec.version, org);
        return rec;
      })(),
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
           SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM principles p WHERE p.workshop_id = ? AND p.id = ? AND p.version = ? AND (p.closed = 0
             OR NOT EXISTS (SELECT 1 FROM principle_bindings b WHERE b.workshop_id = p.workshop_id AND b.principle_id = p.id AND b.version = p.version AND b.organisation_id = ?)))`,
        ).run(s.workshopId, s.principleId, s.version, s.organisationId, s.memberId, s.stance, s.reason, s.at, s.workshopId, s.principleId, s.version, s.organisationId).changes > 0,
    );
  }

  bindings(workshopId: string): Promise<BindingRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT principle_id, version, organisation_id FROM principle_bindings WHERE workshop_id = ? ORDER BY principle_id, version, organisation_id').all(workshopId) as {
          principle_id: string;
          version: number;
          organisation_id: string;
        }[]
      ).map((r) => ({ principleId: r.principle_id, version: r.version, organisationId: r.organisation_id })),
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

  close(workshopId: string, id: string, outcome: ClosedOutcome, at: string): Promise<boolean> {
    return this.run(
      (db) => statement(db, 'UPDATE principles SET closed = 1, outcome = ?, closed_at = ? WHERE workshop_id = ? AND id = ? AND closed = 0').run(outcome, at, workshopId, id).changes > 0,
    );
  }

  markAmendment(workshopId: string, id: string, amends: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO principle_lifecycle (workshop_id, principle_id, amends) VALUES (?, ?, ?) ON CONFLICT (workshop_id, principle_id) DO UPDATE SET amends = excluded.amends').run(workshopId, id, amends);
    });
  }

  retire(workshopId: string, id: string, by: string, at: string, reason: string): Promise<boolean> {
    return this.run(
      (db) =>
        statement(
          db,
          `INSERT INTO principle_lifecycle (workshop_id, principle_id, retired_at, retired_by, retire_reason) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (workshop_id, principle_id) DO UPDATE SET retired_at = excluded.retired_at, retired_by = excluded.retired_by, retire_reason = excluded.retire_reason
           WHERE principle_lifecycle.retired_at IS NULL`,
        ).run(workshopId, id, at, by, reason).changes > 0,
    );
  }

  lifecycle(workshopId: string): Promise<LifecycleRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT principle_id, amends, retired_at, retired_by, retire_reason FROM principle_lifecycle WHERE workshop_id = ? ORDER BY principle_id').all(workshopId) as {
          principle_id: string;
          amends: string | null;
          retired_at: string | null;
          retired_by: string | null;
          retire_reason: string | null;
        }[]
      ).map((r) => ({ principleId: r.principle_id, amends: r.amends, retiredAt: r.retired_at, retiredBy: r.retired_by, retireReason: r.retire_reason })),
    );
  }
}
