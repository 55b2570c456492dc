import type { AnswerRecord, AnswerRepo, QuestionRecord, QuestionStatus } from '../types.js';
import type { Runner } from './postgres-runner.js';

const QUESTION = 'id, workshop_id AS "workshopId", kind, axis, prompt, status, opened_by AS "openedBy", opened_at AS "openedAt"';

export class PostgresAnswerRepo implements AnswerRepo {
  constructor(private readonly run: Runner) {}

  async openQuestion(q: QuestionRecord): Promise<void> {
    await this.run.query('INSERT INTO questions (id, workshop_id, kind, axis, prompt, status, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      q.id, q.workshopId, q.kind, q.axis, q.prompt, q.status, q.openedBy, q.openedAt,
    ]);
  }

  async question(workshopId: string, id: string): Promise<QuestionRecord | null> {
    return (await this.run.query<QuestionRecord>(`SELECT ${QUESTION} FROM questions WHERE id = $1 AND workshop_id = $2`, [id, workshopId])).rows[0] ?? null;
  }

  async questions(workshopId: string): Promise<QuestionRecord[]> {
    return (await this.run.query<QuestionRecord>(`SELECT ${QUESTION} FROM questions WHERE workshop_id = $1 ORDER BY opened_at COLLATE "C", id COLLATE "C"`, [workshopId])).rows;
  }

  async setStatus(workshopId: string, id: string, status: Exclude<QuestionStatus, 'open'>): Promise<boolean> {
    const from = status === 'closed' ? ['open'] : ['open', 'closed'];
    const r = await this.run.query('UPDATE questions SET status = $1 WHERE id = $2 AND workshop_id = $3 AND status = ANY($4::text[])', [status, id, workshopId, from]);
    return (r.rowCount ?? 0) > 0;
  }

  async submit(workshopId: string, a: AnswerRecord): Promise<boolean> {
    // FOR SHARE waits for a reveal's UPDATE of the question to commit, then sees it revealed.
    const r = await this.run.query(
      `WITH q AS (SELECT id FROM questions WHERE id = $1 AND workshop_id = $6 AND status = 'open' FOR SHARE)
       INSERT INTO answers (question_id, member_id, organisation_id, value, at) SELECT q.id, $2, $3, $4, $5 FROM q
       ON CONFLICT (question_id, member_id) DO UPDATE SET organisation_id = excluded.organisation_id, value = excluded.value, at = excluded.at`,
      [a.questionId, a.memberId, a.organisationId, JSON.stringify(a.value), a.at, workshopId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async answers(questionId: string): Promise<AnswerRecord[]> {
    const r = await this.run.query<Omit<AnswerRecord, 'value'> & { value: string }>(
      `SELECT question_id AS "questionId", member_id AS "memberId", organisation_id AS "organisationId", value, at
       FROM answers WHERE question_id = $1 ORDER BY at COLLATE "C", member_id COLLATE "C"`,
      [questionId],
    );
    return r.rows.map((x) => ({ ...x, value: JSON.parse(x.value) as unknown }));
  }

  async count(questionId: string): Promise<number> {
    return Number((await this.run.query<{ n: string }>('SELECT COUNT(*) AS n FROM answers WHERE question_id = $1', [questionId])).rows[0]!.n);
  }
}
