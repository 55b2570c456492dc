import { parseTally } from '../vote-tally.js';
import type { CastResult, VoteRepo, VoteRoundRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface RoundRow {
  id: string;
  workshop_id: string;
  board_id: string;
  votes_per_person: number;
  element_ids: string | null;
  status: 'open' | 'closed';
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
}
const toRound = (r: RoundRow): VoteRoundRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  boardId: r.board_id,
  votesPerPerson: r.votes_per_person,
  elementIds: r.element_ids === null ? null : (JSON.parse(r.element_ids) as string[]),
  status: r.status,
  openedBy: r.opened_by,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});

export class SqliteVoteRepo implements VoteRepo {
  constructor(private readonly run: Runner) {}

  openRound(r: VoteRoundRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO vote_rounds (id, workshop_id, board_id, votes_per_person, element_ids, status, opened_by, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        r.id, r.workshopId, r.boardId, r.votesPerPerson, r.elementIds === null ? null : JSON.stringify(r.elementIds), r.status, r.openedBy, r.openedAt, r.closedAt,
      );
    });
  }

  round(workshopId: string, id: string): Promise<VoteRoundRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM vote_rounds WHERE id = ? AND workshop_id = ?').get(id, workshopId) as RoundRow | undefined;
      return r ? toRound(r) : null;
    });
  }

  rounds(workshopId: string): Promise<VoteRoundRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM vote_rounds WHERE workshop_id = ? ORDER BY opened_at, id').all(workshopId) as RoundRow[]).map(toRound));
  }

  cast(workshopId: string, roundId: string, memberId: string, elementId: string, at: string): Promise<CastResult> {
    // better-sqlite3 runs this synchronously on the one connection: check and insert cannot interleave.
    return this.run((db) =>
      db.transaction((): CastResult => {
        const round = statement(db, 'SELECT status, votes_per_person FROM vote_rounds WHERE id = ? AND workshop_id = ?').get(roundId, workshopId) as
          | { status: string; votes_per_person: number }
          | undefined;
        if (!round || round.status !== 'open') return 'closed';
        const used = (statement(db, 'SELECT COUNT(*) AS n FROM votes WHERE round_id = ? AND member_id = ?').get(roundId, memberId) as { n: number }).n;
        if (used >= round.votes_per_person) return 'over_budget';
        statement(db, 'INSERT INTO votes (round_id, member_id, element_id, at) VALUES (?, ?, ?, ?)').run(roundId, memberId, elementId, at);
        return 'cast';
      })(),
    );
  }

  retract(workshopId: string, roundId: string, memberId: string, elementId: string): Promise<boolean> {
    return this.run(
      (db) =>
        statement(
          db,
          `DELETE FROM votes WHERE id = (
             SELECT v.id FROM votes v JOIN vote_rounds r ON r.id = v.round_id
             WHERE v.round_id = ? AND r.workshop_id = ? AND r.status = 'open' AND v.member_id = ? AND v.element_id = ?
             ORDER BY v.id DESC LIMIT 1)`,
        ).run(roundId, workshopId, memberId, elementId).changes > 0,
    );
  }

  votesOf(roundId: string, memberId: string): Promise<string[]> {
    return this.run((db) => (statement(db, 'SELECT element_id FROM votes WHERE round_id = ? AND member_id = ? ORDER BY id').all(roundId, memberId) as { element_id: string }[]).map((r) => r.element_id));
  }

  close(workshopId: string, roundId: string, at: string): Promise<boolean> {
    return this.run((db) => statement(db, "UPDATE vote_rounds SET status = 'closed', closed_at = ? WHERE id = ? AND workshop_id = ? AND status = 'open'").run(at, roundId, workshopId).changes > 0);
  }

  results(roundId: string): Promise<{ results: { elementId: string; votes: number }[]; voters: number }> {
    return this.run((db) => {
      const stored = statement(db, 'SELECT tally FROM vote_rounds WHERE id = ?').get(roundId) as { tally: string | null } | undefined;
      if (stored?.tally) return parseTally(stored.tally);
      const rows = statement(db, 'SELECT element_id, COUNT(*) AS n FROM votes WHERE round_id = ? GROUP BY element_id ORDER BY n DESC, element_id').all(roundId) as { element_id: string; n: number }[];
      const voters = (statement(db, 'SELECT COUNT(DISTINCT member_id) AS n FROM votes WHERE round_id = ?').get(roundId) as { n: number }).n;
      return { results: rows.map((r) => ({ elementId: r.element_id, votes: r.n })), voters };
    });
  }
}
