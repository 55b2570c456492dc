import type { FacilitationRecord, FacilitationRepo, HandRecord, TimerRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export class PostgresFacilitationRepo implements FacilitationRepo {
  constructor(private readonly run: Runner) {}

  async get(workshopId: string): Promise<FacilitationRecord> {
    const r = (
      await this.run.query<{ phase: string | null; agenda: string; started: string | null; duration: string; paused: string | null; seq: string }>(
        `SELECT phase, agenda, timer_started_at AS started, timer_duration_ms AS duration, timer_paused_remaining_ms AS paused, seq
         FROM facilitation WHERE workshop_id = $1`,
        [workshopId],
      )
    ).rows[0];
    return {
      workshopId,
      phase: r?.phase ?? null,
      agenda: r ? (JSON.parse(r.agenda) as string[]) : [],
      timer: { startedAt: num(r?.started ?? null), durationMs: Number(r?.duration ?? 0), pausedRemainingMs: num(r?.paused ?? null) },
      seq: Number(r?.seq ?? 0),
    };
  }

  async setPhase(workshopId: string, phase: string, agenda: string[]): Promise<void> {
    await this.run.query(
      'INSERT INTO facilitation (workshop_id, phase, agenda) VALUES ($1, $2, $3) ON CONFLICT (workshop_id) DO UPDATE SET phase = excluded.phase, agenda = excluded.agenda',
      [workshopId, phase, JSON.stringify(agenda)],
    );
  }

  async setTimer(workshopId: string, t: TimerRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO facilitation (workshop_id, timer_started_at, timer_duration_ms, timer_paused_remaining_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id) DO UPDATE SET timer_started_at = excluded.timer_started_at, timer_duration_ms = excluded.timer_duration_ms,
         timer_paused_remaining_ms = excluded.timer_paused_remaining_ms`,
      [workshopId, t.startedAt, t.durationMs, t.pausedRemainingMs],
    );
  }

  async nextSeq(workshopId: string): Promise<number> {
    // The row lock of the upsert serialises concurrent callers, also across instances.
    const r = await this.run.query<{ seq: string }>(
      'INSERT INTO facilitation (workshop_id, seq) VALUES ($1, 1) ON CONFLICT (workshop_id) DO UPDATE SET seq = facilitation.seq + 1 RETURNING seq',
      [workshopId],
    );
    return Number(r.rows[0]!.seq);
  }

  async setBoardLocks(workshopId: string, boardIds: string[], locked: boolean, by: string, at: string): Promise<string[]> {
    if (locked) {
      await this.run.query(
        'INSERT INTO board_locks (workshop_id, board_id, locked_by, locked_at) SELECT $1, b, $3, $4 FROM unnest($2::text[]) AS b ON CONFLICT DO NOTHING',
        [workshopId, boardIds, by, at],
      );
    } else {
      await this.run.query('DELETE FROM board_locks WHERE workshop_id = $1 AND board_id = ANY($2::text[])', [workshopId, boardIds]);
    }
    return this.lockedBoards(workshopId);
  }

  async lockedBoards(workshopId: string): Promise<string[]> {
    const r = await this.run.query<{ board_id: string }>('SELECT board_id FROM board_locks WHERE workshop_id = $1 ORDER BY board_id COLLATE "C"', [workshopId]);
    return r.rows.map((x) => x.board_id);
  }

  async raiseHand(workshopId: string, memberId: string, at: string): Promise<HandRecord> {
    const r = await this.run.query<HandRecord>(
      `WITH ins AS (INSERT INTO raised_hands (workshop_id, member_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING member_id, at)
       SELECT member_id AS "memberId", at FROM ins
       UNION ALL SELECT member_id, at FROM raised_hands WHERE workshop_id = $1 AND member_id = $2`,
      [workshopId, memberId, at],
    );
    return r.rows[0]!;
  }

  async lowerHand(workshopId: string, memberId: string): Promise<boolean> {
    return ((await this.run.query('DELETE FROM raised_hands WHERE workshop_id = $1 AND member_id = $2', [workshopId, memberId])).rowCount ?? 0) > 0;
  }

  async hands(workshopId: string): Promise<HandRecord[]> {
    const r = await this.run.query<HandRecord>(
      'SELECT member_id AS "memberId", at FROM raised_hands WHERE workshop_id = $1 ORDER BY at COLLATE "C", member_id COLLATE "C"',
      [workshopId],
    );
    return r.rows;
  }
}
