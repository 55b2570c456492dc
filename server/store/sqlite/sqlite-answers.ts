import type { AnswerRecord, AnswerRepo, QuestionRecord, QuestionStatus } from '../types.js';
import type { Runner } from './sqlite-store.js';
import { statement } from './statements.js';

interface QuestionRow {
  id: string;
  workshop_id: string;
  kind: QuestionRecord['kind'];
  axis: string | null;
  prompt: string | null;
  status: QuestionStatus;
  opened_by: string;
  opened_at: string;
}
const toQuestion = (r: QuestionRow): QuestionRecord => ({
  id: r.id, workshopId: r.workshop_id, kind: r.kind, axis: r.axis, prompt: r.prompt, status: r.status, openedBy: r.opened_by, openedAt: r.opened_at,
});

export class SqliteAnswerRepo implements AnswerRepo {
  constructor(private readonly run: Runner) {}

  openQuestion(q: QuestionRecord): Promise<void> {
    return this.run((db) => {
      statement(db, 'INSERT INTO questions (id, workshop_id, kind, axis, prompt, status, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        q.id, q.workshopId, q.kind, q.axis, q.prompt, q.status, q.openedBy, q.openedAt,
      );
    });
  }

  question(workshopId: string, id: string): Promise<QuestionRecord | null> {
    return this.run((db) => {
      const r = statement(db, 'SELECT * FROM questions WHERE id = ? AND workshop_id = ?').get(id, workshopId) as QuestionRow | undefined;
      return r ? toQuestion(r) : null;
    });
  }

  questions(workshopId: string): Promise<QuestionRecord[]> {
    return this.run((db) => (statement(db, 'SELECT * FROM questions WHERE workshop_id = ? ORDER BY opened_at, id').all(workshopId) as QuestionRow[]).map(toQuestion));
  }

  setStatus(workshopId: string, id: string, status: Exclude<QuestionStatus, 'open'>): Promise<boolean> {
    const from = status === 'closed' ? "('open')" : "('open', 'closed')";
    return this.run((db) => statement(db, `UPDATE questions SET status = ? WHERE id = ? AND workshop_id = ? AND status IN ${from}`).run(status, id, workshopId).changes > 0);
  }

  submit(workshopId: string, a: AnswerRecord): Promise<boolean> {
    // One statement: the open check and the write cannot be split by a reveal.
    return this.run(
      (db) =>
        statement(
          db,
          `INSERT INTO answers (question_id, member_id, organisation_id, value, at)
           SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM questions WHERE id = ? AND workshop_id = ? AND status = 'open')
           ON CONFLICT (question_id, member_id) DO UPDATE SET organisation_id = excluded.organisation_id, value = excluded.value, at = excluded.at`,
        ).run(a.questionId, a.memberId, a.organisationId, JSON.stringify(a.value), a.at, a.questionId, workshopId).changes > 0,
    );
  }

  answers(questionId: string): Promise<AnswerRecord[]> {
    return this.run((db) =>
      (
        statement(db, 'SELECT * FROM answers WHERE question_id = ? ORDER BY at, member_id').all(questionId) as {
          question_id: string;
          member_id: string;
          organisation_id: string;
          value: string;
          at: string;
        }[]
      ).map((r) => ({ questionId: r.question_id, memberId: r.member_id, organisationId: r.organisation_id, value: JSON.parse(r.value) as unknown, at: r.at })),
    );
  }

  count(questionId: string): Promise<number> {
    return this.run((db) => (statement(db, 'SELECT COUNT(*) AS n FROM answers WHERE question_id = ?').get(questionId) as { n: number }).n);
  }
}
