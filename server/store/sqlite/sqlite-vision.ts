import type { Stance } from '../../../shared/decisions.js';
import type { DeletedRange, MilestoneRecord, VisionAuthors, VisionRepo, VisionStanceRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface MilestoneRow {
  id: string;
  workshop_id: string;
  name: string;
  created_at: string;
  created_by: string;
  snapshot?: Buffer;
}

interface VisionStanceRow {
  workshop_id: string;
  milestone_id: string;
  organisation_id: string;
  member_id: string;
  stance: Stance;
  reason: string | null;
  at: string;
}

const toMilestone = (r: MilestoneRow) => ({ id: r.id, workshopId: r.workshop_id, name: r.name, createdAt: r.created_at, createdBy: r.created_by });

export class SqliteVisionRepo implements VisionRepo {
  constructor(private readonly run: Runner) {}

  recordClients(workshopId: string, memberId: string, clientIds: number[]): Promise<void> {
    return this.run((db) => {
      const insert = statement(db, 'INSERT INTO vision_clients (workshop_id, client_id, member_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      db.transaction(() => clientIds.forEach((c) => insert.run(workshopId, c, memberId)))();
    });
  }

  recordDeletions(workshopId: string, memberId: string, ranges: DeletedRange[]): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO vision_deletions (workshop_id, member_id, ranges) VALUES (?, ?, ?)').run(workshopId, memberId, JSON.stringify(ranges));
    });
  }

  clientOwners(workshopId: string, clientIds: readonly number[]): Promise<Map<number, string>> {
    return this.run((db) => {
      const get = statement(db, 'SELECT member_id FROM vision_clients WHERE workshop_id = ? AND client_id = ?');
      const out = new Map<number, string>();
      for (const c of clientIds) {
        const row = get.get(workshopId, c) as { member_id: string } | undefined;
        if (row) out.set(c, row.member_id);
      }
      return out;
    });
  }

  authors(workshopId: string): Promise<VisionAuthors> {
    return this.run((db) => {
      const clients = statement(db, 'SELECT client_id, member_id FROM vision_clients WHERE workshop_id = ?').all(workshopId) as { client_id: number; member_id: string }[];
      const deletions = statement(db, 'SELECT member_id, ranges FROM vision_deletions WHERE workshop_id = ? ORDER BY seq').all(workshopId) as { member_id: string; ranges: string }[];
      return {
        clients: new Map(clients.map((r) => [Number(r.client_id), r.member_id])),
        deletions: deletions.map((r) => ({ memberId: r.member_id, ranges: JSON.parse(r.ranges) as DeletedRange[] })),
      };
    });
  }

  setSeen(workshopId: string, memberId: string, snapshot: Uint8Array, at: string): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO vision_seen (workshop_id, member_id, snapshot, at) VALUES (?, ?, ?, ?) ON CONFLICT (workshop_id, member_id) DO UPDATE SET snapshot = excluded.snapshot, at = excluded.at')
        .run(workshopId, memberId, Buffer.from(snapshot), at);
    });
  }

  seen(workshopId: string, memberId: string): Promise<{ snapshot: Uint8Array; at: string } | null> {
    return this.run((db) => {
      const row = statement(db, 'SELECT snapshot, at FROM vision_seen WHERE workshop_id = ? AND member_id = ?').get(workshopId, memberId) as { snapshot: Buffer; at: string } | undefined;
      return row ? { snapshot: new Uint8Array(row.snapshot), at: row.at } : null;
    });
  }

  addMilestone(m: MilestoneRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO milestones (id, workshop_id, name, created_at, created_by, snapshot) VALUES (?, ?, ?, ?, ?, ?)')
        .run(m.id, m.workshopId, m.name, m.createdAt, m.createdBy, Buffer.from(m.snapshot));
    });
  }

  milestones(workshopId: string): Promise<Omit<MilestoneRecord, 'snapshot'>[]> {
    return this.run((db) =>
      (statement(db, 'SELECT id, workshop_id, name, created_at, created_by FROM milestones WHERE workshop_id = ? ORDER BY created_at, rowid').all(workshopId) as MilestoneRow[]).map(toMilestone),
    );
  }

  milestone(workshopId: string, id: string): Promise<MilestoneRecord | null> {
    return this.run((db) => {
      const row = statement(db, 'SELECT * FROM milestones WHERE workshop_id = ? AND id = ?').get(workshopId, id) as MilestoneRow | undefined;
      return row ? { ...toMilestone(row), snapshot: new Uint8Array(row.snapshot!) } : null;
    });
  }

  setStance(v: VisionStanceRecord): Promise<void> {
    return this.run((db) => {
      statement(
        db,
        `INSERT INTO vision_stances (workshop_id, milestone_id, organisation_id, member_id, stance, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (milestone_id, organisation_id) DO UPDATE SET member_id = excluded.member_id, stance = excluded.stance, reason = excluded.reason, at = excluded.at`,
      ).run(v.workshopId, v.milestoneId, v.organisationId, v.memberId, v.stance, v.reason, v.at);
    });
  }

  stances(workshopId: string): Promise<VisionStanceRecord[]> {
    return this.run((db) =>
      (statement(db, 'SELECT * FROM vision_stances WHERE workshop_id = ? ORDER BY at, milestone_id, organisation_id').all(workshopId) as VisionStanceRow[]).map((r) => ({
        workshopId: r.workshop_id, milestoneId: r.milestone_id, organisationId: r.organisation_id, memberId: r.member_id, stance: r.stance, reason: r.reason, at: r.at,
      })),
    );
  }
}
