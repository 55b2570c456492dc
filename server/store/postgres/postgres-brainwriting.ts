import type { BrainwritingAddResult, BrainwritingReveal, BrainwritingNoteRecord, BrainwritingRepo, BrainwritingRoundRecord } from '../types.js';
import type { Runner } from './postgres-runner.js';

const ROUND = `id, workshop_id AS "workshopId", board_id AS "boardId", prompt, anonymous, status, opened_by AS "openedBy", opened_at AS "openedAt",
  revealed_at AS "revealedAt", frame_id AS "frameId", revealed_notes AS "notes", revealed_writers AS "writers"`;
type RoundRow = Omit<BrainwritingRoundRecord, 'anonymous' | 'revealed'> & { anonymous: number; revealedAt: string | null; frameId: string | null; notes: number | null; writers: number | null };
const toRound = ({ revealedAt, frameId, notes, writers, ...r }: RoundRow): BrainwritingRoundRecord => ({
  ...r, anonymous: r.anonymous === 1, revealed: revealedAt === null ? null : { at: revealedAt, frameId, notes: notes ?? 0, writers: writers ?? 0 },
});
const NOTE = 'id, round_id AS "roundId", member_id AS "memberId", organisation_id AS "organisationId", text, at';

export class PostgresBrainwritingRepo implements BrainwritingRepo {
  constructor(private readonly run: Runner) {}

  async openRound(r: BrainwritingRoundRecord): Promise<void> {
    await this.run.query(
      `INSERT INTO brainwriting_rounds (id, workshop_id, board_id, prompt, anonymous, status, opened_by, opened_at, revealed_at, frame_id, revealed_notes, revealed_writers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [r.id, r.workshopId, r.boardId, r.prompt, r.anonymous ? 1 : 0, r.status, r.openedBy, r.openedAt, r.revealed?.at ?? null, r.revealed?.frameId ?? null, r.revealed?.notes ?? null, r.revealed?.writers ?? null],
    );
  }

  async round(workshopId: string, id: string): Promise<BrainwritingRoundRecord | null> {
    const r = (await this.run.query<RoundRow>(`SELECT ${ROUND} FROM brainwriting_rounds WHERE id = $1 AND workshop_id = $2`, [id, workshopId])).rows[0];
    return r ? toRound(r) : null;
  }

  async rounds(workshopId: string): Promise<BrainwritingRoundRecord[]> {
    return (await this.run.query<RoundRow>(`SELECT ${ROUND} FROM brainwriting_rounds WHERE workshop_id = $1 ORDER BY opened_at COLLATE "C", id COLLATE "C"`, [workshopId])).rows.map(toRound);
  }

  add(workshopId: string, n: BrainwritingNoteRecord, perPerson: number): Promise<BrainwritingAddResult> {
    return this.run.atomic(async (query) => {
      // FOR UPDATE queues a round's adds (so two cannot both count 49 of 50) and makes a reveal's
      // UPDATE wait for this add, or this add see the round revealed.
      const round = (await query<{ status: string }>('SELECT status FROM brainwriting_rounds WHERE id = $1 AND workshop_id = $2 FOR UPDATE', [n.roundId, workshopId])).rows[0];
      if (round?.status !== 'open') return 'not_open';
      const used = Number((await query<{ n: string }>('SELECT COUNT(*) AS n FROM brainwriting_notes WHERE round_id = $1 AND member_id = $2', [n.roundId, n.memberId])).rows[0]!.n);
      if (used >= perPerson) return 'over_limit';
      await query('INSERT INTO brainwriting_notes (id, round_id, member_id, organisation_id, text, at) VALUES ($1, $2, $3, $4, $5, $6)', [n.id, n.roundId, n.memberId, n.organisationId, n.text, n.at]);
      return 'added';
    });
  }

  async remove(workshopId: string, roundId: string, memberId: string, noteId: string): Promise<boolean> {
    const r = await this.run.query(
      `WITH r AS (SELECT id FROM brainwriting_rounds WHERE id = $2 AND workshop_id = $4 AND status = 'open' FOR SHARE)
       DELETE FROM brainwriting_notes WHERE id = $1 AND round_id IN (SELECT id FROM r) AND member_id = $3`,
      [noteId, roundId, memberId, workshopId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async notesOf(roundId: string, memberId: string): Promise<BrainwritingNoteRecord[]> {
    return (await this.run.query<BrainwritingNoteRecord>(`SELECT ${NOTE} FROM brainwriting_notes WHERE round_id = $1 AND member_id = $2 ORDER BY at COLLATE "C", id COLLATE "C"`, [roundId, memberId])).rows;
  }

  async notes(roundId: string): Promise<BrainwritingNoteRecord[]> {
    return (await this.run.query<BrainwritingNoteRecord>(`SELECT ${NOTE} FROM brainwriting_notes WHERE round_id = $1 ORDER BY at COLLATE "C", id COLLATE "C"`, [roundId])).rows;
  }

  async count(roundId: string): Promise<{ notes: number; writers: number }> {
    const r = (await this.run.query<{ notes: string; writers: string }>('SELECT COUNT(*) AS notes, COUNT(DISTINCT member_id) AS writers FROM brainwriting_notes WHERE round_id = $1', [roundId])).rows[0]!;
    return { notes: Number(r.notes), writers: Number(r.writers) };
  }

  async close(workshopId: string, roundId: string): Promise<boolean> {
    const r = await this.run.query("UPDATE brainwriting_rounds SET status = 'closed' WHERE id = $1 AND workshop_id = $2 AND status = 'open'", [roundId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  reveal(workshopId: string, roundId: string, v: BrainwritingReveal): Promise<boolean> {
    return this.run.atomic(async (query) => {
      const r = await query(
        "UPDATE brainwriting_rounds SET status = 'revealed', revealed_at = $1, frame_id = $2, revealed_notes = $3, revealed_writers = $4 WHERE id = $5 AND workshop_id = $6 AND status IN ('open', 'closed')",
        [v.at, v.frameId, v.notes, v.writers, roundId, workshopId],
      );
      if ((r.rowCount ?? 0) === 0) return false;
      await query('DELETE FROM brainwriting_notes WHERE round_id = $1', [roundId]);
      return true;
    });
  }
}
