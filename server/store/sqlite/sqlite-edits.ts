/** Last editors of shared-document entries (SQLite). */
import type { EditRepo, LastEdit } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface Row {
  room: string;
  key: string;
  member_id: string;
  organisation_id: string | null;
  at: string;
}

export class SqliteEditRepo implements EditRepo {
  constructor(private readonly run: Runner) {}

  record(workshopId: string, edits: readonly LastEdit[]): Promise<void> {
    if (edits.length === 0) return Promise.resolve();
    return this.run((db) => {
      const upsert = statement(
        db,
        `INSERT INTO last_edits (workshop_id, room, key, member_id, organisation_id, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, room, key) DO UPDATE SET member_id = excluded.member_id, organisation_id = excluded.organisation_id, at = excluded.at`,
      );
      db.transaction(() => edits.forEach((e) => upsert.run(workshopId, e.room, e.key, e.memberId, e.organisationId, e.at)))();
    });
  }

  countSince(workshopId: string, since: string, exceptMember: string): Promise<number> {
    return this.run((db) => (statement(db, 'SELECT COUNT(*) AS n FROM last_edits WHERE workshop_id = ? AND at > ? AND member_id <> ?').get(workshopId, since, exceptMember) as { n: number }).n);
  }

  list(workshopId: string, room: string | null): Promise<LastEdit[]> {
    return this.run((db) => {
      const rows = (
        room === null
          ? statement(db, 'SELECT room, key, member_id, organisation_id, at FROM last_edits WHERE workshop_id = ? ORDER BY room, key').all(workshopId)
          : statement(db, 'SELECT room, key, member_id, organisation_id, at FROM last_edits WHERE workshop_id = ? AND room = ? ORDER BY key').all(workshopId, room)
      ) as Row[];
      return rows.map((r) => ({ room: r.room, key: r.key, memberId: r.member_id, organisationId: r.organisation_id, at: r.at }));
    });
  }
}
