import { parseTally } from '../vote-tally.js';
import type { CastResult, VoteRepo, VoteRoundRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const ROUND = `id, workshop_id AS "workshopId", board_id AS "boardId", votes_per_person AS "votesPerPerson", element_ids AS "elementIds", status,
  opened_by AS "openedBy", opened_at AS "openedAt", closed_at AS "closedAt"`;
type RoundRow = Omit<VoteRoundRecord, 'elementIds'> & { elementIds: string | null };
const toRound = (r: RoundRow): VoteRoundRecord => ({ ...r, elementIds: r.elementIds === null ? null : (JSON.parse(r.elementIds) as string[]) });

/** Advisory-lock namespace (first key) for one member's votes in a round; rooms use 1, the audit 2. */
const VOTE_LOCK = 3;

export class PostgresVoteRepo implements VoteRepo {
  constructor(private readonly run: Runner) {}

  async openRound(r: VoteRoundRecord): Promise<void> {
    await this.run.query(
      'INSERT INTO vote_rounds (id, workshop_id, board_id, votes_per_person, element_ids, status, opened_by, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [r.id, r.workshopId, r.boardId, r.votesPerPerson, r.elementIds === null ? null : JSON.stringify(r.elementIds), r.status, r.openedBy, r.openedAt, r.closedAt],
    );
  }

  async round(workshopId: string, id: string): Promise<VoteRoundRecord | null> {
    const r = (await this.run.query<RoundRow>(`SELECT ${ROUND} FROM vote_rounds WHERE id = $1 AND workshop_id = $2`, [id, workshopId])).rows[0];
    return r ? toRound(r) : null;
  }

  async rounds(workshopId: string): Promise<VoteRoundRecord[]> {
    return (await this.run.query<RoundRow>(`SELECT ${ROUND} FROM vote_rounds WHERE workshop_id = $1 ORDER BY opened_at COLLATE "C", id COLLATE "C"`, [workshopId])).rows.map(toRound);
  }

  cast(workshopId: string, roundId: string, memberId: string, elementId: string, at: string): Promise<CastResult> {
    return this.run.atomic(async (query) => {
      // Under READ COMMITTED two casts would both count 2 of 3 and both insert. The member's
      // lock queues them; the count below is a new statement, so it sees the other's commit.
      // FOR SHARE on the round makes a concurrent close wait for this cast (or this cast see it).
      await query(`SELECT pg_advisory_xact_lock(${VOTE_LOCK}, hashtext($1))`, [`${roundId}/${memberId}`]);
      const round = (await query<{ status: string; votes_per_person: number }>(
        'SELECT status, votes_per_person FROM vote_rounds WHERE id = $1 AND workshop_id = $2 FOR SHARE',
        [roundId, workshopId],
      )).rows[0];
      if (!round || round.status !== 'open') return 'closed';
      const used = Number((await query<{ n: string }>('SELECT COUNT(*) AS n FROM votes WHERE round_id = $1 AND member_id = $2', [roundId, memberId])).rows[0]!.n);
      if (used >= round.votes_per_person) return 'over_budget';
      await query('INSERT INTO votes (round_id, member_id, element_id, at) VALUES ($1, $2, $3, $4)', [roundId, memberId, elementId, at]);
      return 'cast';
    });
  }

  async retract(workshopId: string, roundId: string, memberId: string, elementId: string): Promise<boolean> {
    const r = await this.run.query(
      `DELETE FROM votes WHERE id = (
         SELECT v.id FROM votes v JOIN vote_rounds r ON r.id = v.round_id
         WHERE v.round_id = $1 AND r.workshop_id = $2 AND r.status = 'open' AND v.member_id = $3 AND v.element_id = $4
         ORDER BY v.id DESC LIMIT 1)`,
      [roundId, workshopId, memberId, elementId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async votesOf(roundId: string, memberId: string): Promise<string[]> {
    return (await this.run.query<{ element_id: string }>('SELECT element_id FROM votes WHERE round_id = $1 AND member_id = $2 ORDER BY id', [roundId, memberId])).rows.map((r) => r.element_id);
  }

  async close(workshopId: string, roundId: string, at: string): Promise<boolean> {
    const r = await this.run.query("UPDATE vote_rounds SET status = 'closed', closed_at = $1 WHERE id = $2 AND workshop_id = $3 AND status = 'open'", [at, roundId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async results(roundId: string): Promise<{ results: { elementId: string; votes: number }[]; voters: number }> {
    const stored = (await this.run.query<{ tally: string | null }>('SELECT tally FROM vote_rounds WHERE id = $1', [roundId])).rows[0];
    if (stored?.tally) return parseTally(stored.tally);
    const rows = (await this.run.query<{ element_id: string; n: string }>(
      'SELECT element_id, COUNT(*) AS n FROM votes WHERE round_id = $1 GROUP BY element_id ORDER BY COUNT(*) DESC, element_id COLLATE "C"',
      [roundId],
    )).rows;
    const voters = Number((await this.run.query<{ n: string }>('SELECT COUNT(DISTINCT member_id) AS n FROM votes WHERE round_id = $1', [roundId])).rows[0]!.n);
    return { results: rows.map((r) => ({ elementId: r.element_id, votes: Number(r.n) })), voters };
  }
}
