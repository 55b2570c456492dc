/** Last editors of shared-document entries (PostgreSQL). */
import type { EditRepo, LastEdit } from '../types.js';
import type { Runner } from './postgres-runner.js';

const COLUMNS = 'room, key, member_id AS "memberId", organisation_id AS "organisationId", at';

export class PostgresEditRepo implements EditRepo {
  constructor(private readonly run: Runner) {}

  async record(workshopId: string, edits: readonly LastEdit[]): Promise<void> {
    if (edits.length === 0) return;
    // One statement; a key twice in one call keeps its last record.
    const latest = [...new Map(edits.map((e) => [`${e.room}\u0000${e.key}`, e])).values()];
    await this.run.query(
      `INSERT INTO last_edits (workshop_id, room, key, member_id, organisation_id, at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (workshop_id, room, key) DO UPDATE SET member_id = excluded.member_id, organisation_id = excluded.organisation_id, at = excluded.at`,
      [workshopId, latest.map((e) => e.room), latest.map((e) => e.key), latest.map((e) => e.memberId), latest.map((e) => e.organisationId), latest.map((e) => e.at)],
    );
  }

  async list(workshopId: string, room: string | null): Promise<LastEdit[]> {
    const r =
      room === null
        ? await this.run.query<LastEdit>(`SELECT ${COLUMNS} FROM last_edits WHERE workshop_id = $1 ORDER BY room, key`, [workshopId])
        : await this.run.query<LastEdit>(`SELECT ${COLUMNS} FROM last_edits WHERE workshop_id = $1 AND room = $2 ORDER BY key`, [workshopId, room]);
    return r.rows;
  }

  async countSince(workshopId: string, since: string, exceptMember: string): Promise<number> {
    const r = await this.run.query<{ n: string }>('SELECT COUNT(*) AS n FROM last_edits WHERE workshop_id = $1 AND at > $2 AND member_id <> $3', [workshopId, since, exceptMember]);
    return Number(r.rows[0]?.n ?? 0);
  }
}
