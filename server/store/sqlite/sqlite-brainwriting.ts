import type { BrainwritingAddResult, BrainwritingReveal, BrainwritingNoteRecord, BrainwritingRepo, BrainwritingRoundRecord } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface RoundRow {
  id: string;
  workshop_id: string;
  board_id: string;
  prompt: string | null;
  anonymous: number;
  status: BrainwritingRoundRecord['status'];
  opened_by: string;
  opened_at: string;
  revealed_at: string | null;
  frame_id: string | null;
  revealed_notes: number | null;
  revealed_writers: number | null;
}
const toRound = (r: RoundRow): BrainwritingRoundRecord => ({
  id: r.id, workshopId: r.workshop_id, boardId: r.board_id, prompt: r.prompt, anonymous: r.anonymous === 1, status: r.status,
  openedBy: r.opened_by, openedAt: r.opened_at,
  revealed: r.revealed_at === null ? null : { at: r.revealed_at, frameId: r.frame_id, notes: r.revealed_notes ?? 0, writers: r.revealed_writers ?? 0 },
});
interface NoteRow {
  id: string;
  round_id: string;
  member_id: string;
  organisation_id: string | null;
  text: string;
  at: string;
}
const toNote = (r: NoteRow): BrainwritingNoteRecord => ({ id: r.id, roundId: r.round_id, memberId: r.member_id, organisationId: r.organisation_id, text: r.text, at: r.at });

export class SqliteBrainwritingRepo implements BrainwritingRepo {
  constructor(private readonly run: Runner) {}

  openRound(r: BrainwritingRoundRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO brainwriting_rounds (id, workshop_id, board_id, prompt, anonymous, status, opened_by, opened_at, revealed_at, frame_id, revealed_notes, revealed_writers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        r.id, r.workshopId, r.boardId, r.prompt, r.anonymous ? 1 : 0, r.status, r.openedBy, r.openedAt, r.revealed?.at ?? null, r.revealed?.frameId ?? null, r.revealed?.notes ?? null, r.revealed?.writers ?? null,
      );
    });
  }

  round(workshopId: string, id: string): Promise<BrainwritingRoundRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM brainwriting_rounds WHERE id = ? AND workshop_id = ?').get(id, workshopId) as RoundRow | undefined;
      return r ? toRound(r) : null;
    });
  }

  rounds(workshopId: string): Promise<BrainwritingRoundRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM brainwriting_rounds WHERE workshop_id = ? ORDER BY opened_at, id').all(workshopId) as RoundRow[]).map(toRound));
  }

  add(workshopId: string, n: BrainwritingNoteRecord, perPerson: number): Promise<BrainwritingAddResult> {
    // better-sqlite3 runs this synchronously on the one connection: check and insert cannot interleave.
    return this.run((db) =>
      db.transaction((): BrainwritingAddResult => {
        const round = statement(db, 'SELECT status FROM brainwriting_rounds WHERE id = ? AND workshop_id = ?').get(n.roundId, workshopId) as { status: string } | undefined;
        if (round?.status !== 'open') return 'not_open';
        const used = (statement(db, 'SELECT COUNT(*) AS n FROM brainwriting_notes WHERE round_id = ? AND member_id = ?').get(n.roundId, n.memberId) as { n: number }).n;
        if (used >= perPerson) return 'over_limit';
        statement(db, 'INSERT INTO brainwriting_notes (id, round_id, member_id, organisation_id, text, at) VALUES (?, ?, ?, ?, ?, ?)').run(n.id, n.roundId, n.memberId, n.organisationId, n.text, n.at);
        return 'added';
      })(),
    );
  }

  remove(workshopId: string, roundId: string, memberId: string, noteId: string): Promise<boolean> {
    return this.run(
      (db) =>
        statement(
          db,
          `DELETE FROM brainwriting_notes WHERE id = ? AND round_id = ? AND member_id = ?
           AND EXISTS (SELECT 1 FROM brainwriting_rounds WHERE id = ? AND workshop_id = ? AND status = 'open')`,
        ).run(noteId, roundId, memberId, roundId, workshopId).changes > 0,
    );
  }

  notesOf(roundId: string, memberId: string): Promise<BrainwritingNoteRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM brainwriting_notes WHERE round_id = ? AND member_id = ? ORDER BY at, id').all(roundId, memberId) as NoteRow[]).map(toNote));
  }

  notes(roundId: string): Promise<BrainwritingNoteRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM brainwriting_notes WHERE round_id = ? ORDER BY at, id').all(roundId) as NoteRow[]).map(toNote));
  }

  count(roundId: string): Promise<{ notes: number; writers: number }> {
    return this.run((db) => statement(db, 'SELECT COUNT(*) AS notes, COUNT(DISTINCT member_id) AS writers FROM brainwriting_notes WHERE round_id = ?').get(roundId) as { notes: number; writers: number });
  }

  close(workshopId: string, roundId: string): Promise<boolean> {
    return this.run((db) => statement(db, "UPDATE brainwriting_rounds SET status = 'closed' WHERE id = ? AND workshop_id = ? AND status = 'open'").run(roundId, workshopId).changes > 0);
  }

  reveal(workshopId: string, roundId: string, v: BrainwritingReveal): Promise<boolean> {
    return this.run((db) =>
      db.transaction((): boolean => {
        const changed = statement(
          db,
          "UPDATE brainwriting_rounds SET status = 'revealed', revealed_at = ?, frame_id = ?, revealed_notes = ?, revealed_writers = ? WHERE id = ? AND workshop_id = ? AND status IN ('open', 'closed')",
        ).run(v.at, v.frameId, v.notes, v.writers, roundId, workshopId).changes;
        if (changed === 0) return false;
        statement(db, 'DELETE FROM brainwriting_notes WHERE round_id = ?').run(roundId);
        return true;
      })(),
    );
  }
}
