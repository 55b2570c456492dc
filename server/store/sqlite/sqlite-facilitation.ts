import type { FacilitationRecord, FacilitationRepo, HandRecord, TimerRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface Row {
  phase: string | null;
  agenda: string;
  timer_started_at: number | null;
  timer_duration_ms: number;
  timer_paused_remaining_ms: number | null;
  seq: number;
}

export class SqliteFacilitationRepo implements FacilitationRepo {
  constructor(private readonly run: Runner) {}

  get(workshopId: string): Promise<FacilitationRecord> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM facilitation WHERE workshop_id = ?').get(workshopId) as Row | undefined;
      return {
        workshopId,
        phase: r?.phase ?? null,
        agenda: r ? (JSON.parse(r.agenda) as string[]) : [],
        timer: { startedAt: r?.timer_started_at ?? null, durationMs: r?.timer_duration_ms ?? 0, pausedRemainingMs: r?.timer_paused_remaining_ms ?? null },
        seq: r?.seq ?? 0,
      };
    });
  }

  setPhase(workshopId: string, phase: string, agenda: string[]): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO facilitation (workshop_id, phase, agenda) VALUES (?, ?, ?) ON CONFLICT (workshop_id) DO UPDATE SET phase = excluded.phase, agenda = excluded.agenda').run(
        workshopId, phase, JSON.stringify(agenda),
      );
    });
  }

  setTimer(workshopId: string, t: TimerRecord): Promise<void> {
    return this.run((db) => {
      statement(
        db,
        `INSERT INTO facilitation (workshop_id, timer_started_at, timer_duration_ms, timer_paused_remaining_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop_id) DO UPDATE SET timer_started_at = excluded.timer_started_at, timer_duration_ms = excluded.timer_duration_ms,
           timer_paused_remaining_ms = excluded.timer_paused_remaining_ms`,
      ).run(workshopId, t.startedAt, t.durationMs, t.pausedRemainingMs);
    });
  }

  nextSeq(workshopId: string): Promise<number> {
    return this.run(
      (db) =>
        (statement(db, 'INSERT INTO facilitation (workshop_id, seq) VALUES (?, 1) ON CONFLICT (workshop_id) DO UPDATE SET seq = facilitation.seq + 1 RETURNING seq').get(workshopId) as { seq: number }).seq,
    );
  }

  setBoardLocks(workshopId: string, boardIds: string[], locked: boolean, by: string, at: string): Promise<string[]> {
    return this.run((db) =>
      db.transaction(() => {
        const lock = statement(db, 'INSERT INTO board_locks (workshop_id, board_id, locked_by, locked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
        const unlock = statement(db, 'DELETE FROM board_locks WHERE workshop_id = ? AND board_id = ?');
        for (const b of boardIds) {
          if (locked) lock.run(workshopId, b, by, at);
          else unlock.run(workshopId, b);
        }
        return lockedBoards(db, workshopId);
      })(),
    );
  }

  lockedBoards(workshopId: string): Promise<string[]> {
    return this.run((db) => lockedBoards(db, workshopId));
  }

  raiseHand(workshopId: string, memberId: string, at: string): Promise<HandRecord> {
    return this.run((db) => {
      statement(db, 'INSERT INTO raised_hands (workshop_id, member_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(workshopId, memberId, at);
      const r = statement(db, 'SELECT member_id, at FROM raised_hands WHERE workshop_id = ? AND member_id = ?').get(workshopId, memberId) as { member_id: string; at: string };
      return { memberId: r.member_id, at: r.at };
    });
  }

  lowerHand(workshopId: string, memberId: string): Promise<boolean> {
    return this.run((db) => statement(db, 'DELETE FROM raised_hands WHERE workshop_id = ? AND member_id = ?').run(workshopId, memberId).changes > 0);
  }

  hands(workshopId: string): Promise<HandRecord[]> {
    return this.run((db) =>
      (statement(db, 'SELECT member_id, at FROM raised_hands WHERE workshop_id = ? ORDER BY at, member_id').all(workshopId) as { member_id: string; at: string }[]).map((r) => ({
        memberId: r.member_id,
        at: r.at,
      })),
    );
  }
}

function lockedBoards(db: Parameters<Parameters<Runner>[0]>[0], workshopId: string): string[] {
  return (statement(db, 'SELECT board_id FROM board_locks WHERE workshop_id = ? ORDER BY board_id').all(workshopId) as { board_id: string }[]).map((r) => r.board_id);
}
