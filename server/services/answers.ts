/**
 * Private answers, then reveal: maturity (generation 1–4), paradox positions (0–100) and free
 * text (a text question asks its prompt; answers up to 2,000 characters). While a
 * question is open nobody but the author sees an answer, not even the facilitator; broadcasts
 * carry only a count. A reveal makes the answers public and writes nothing into the charter:
 * `answer.apply` (./answer-apply.ts) does that, once the facilitator has compared old and new.
 */
import type { ParadoxAxis } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { AnswerValue, type CommandPayload, type QuestionView, type RevealedAnswer } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { AnswerRecord, QuestionKind, QuestionRecord } from '../store/types.js';
import { applyAnswers } from './answer-apply.js';
import { recorded, type DecisionDeps } from './ports.js';

export type AnswerService = ReturnType<typeof createAnswerService>;

const notOpen = () => new AppError(ErrorCode.conflict, 409, 'This question is not open for answers.');
const noQuestion = () => new AppError(ErrorCode.notFound, 404, 'questionId: no such question in this workshop.', { field: 'questionId' });

const TAKES: Record<QuestionKind, string> = { maturity: '{ generation, justification? }', paradox: '{ position, note? }', text: 'a text of 1–2000 characters' };

/** Which kind of question an answer fits. */
export const kindOf = (v: AnswerValue): QuestionKind => (typeof v === 'string' ? 'text' : 'generation' in v ? 'maturity' : 'paradox');

/** Stored values were validated on the way in; parse again rather than trust the database. */
const valueOf = (a: AnswerRecord) => AnswerValue.parse(a.value);

export function createAnswerService(deps: DecisionDeps) {
  const { store, sink } = deps;

  async function questionOf(workshopId: string, questionId: string): Promise<QuestionRecord> {
    const q = await store.answers.question(workshopId, questionId);
    if (!q) throw noQuestion();
    return q;
  }

  return {
    async open(actor: Actor, p: CommandPayload<'question.open'>): Promise<{ questionId: string }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const q: QuestionRecord = {
        id: deps.newId(), workshopId, kind: p.kind, axis: p.axis ?? null, prompt: p.prompt ?? null, status: 'open', openedBy: actor.member.id, openedAt: deps.now().toISOString(),
      };
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await tx.answers.openQuestion(q);
        await tx.audit.append({ workshopId, at: q.openedAt, actorId: actor.member.id, type: 'question.opened', data: { questionId: q.id, kind: q.kind, axis: q.axis, prompt: q.prompt } });
      });
      sink.broadcast(workshopId, 'question.opened', { seq, questionId: q.id, kind: p.kind, axis: p.axis ?? null, prompt: q.prompt });
      return { questionId: q.id };
    },

    async close(actor: Actor, questionId: string): Promise<{ questionId: string }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      await questionOf(workshopId, questionId);
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.answers.setStatus(workshopId, questionId, 'closed'))) throw notOpen();
        await tx.audit.append({ workshopId, at: deps.now().toISOString(), actorId: actor.member.id, type: 'question.closed', data: { questionId } });
      });
      sink.broadcast(workshopId, 'question.closed', { seq, questionId });
      return { questionId };
    },

    async submit(actor: Actor, p: CommandPayload<'answer.submit'>): Promise<{ questionId: string; answered: number }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      const organisationId = actor.member.organisationId;
      if (!organisationId) throw new AppError(ErrorCode.forbidden, 403, 'Only members who speak for an organisation answer.');
      const q = await questionOf(workshopId, p.questionId);
      if (kindOf(p.value) !== q.kind) throw new AppError(ErrorCode.validationFailed, 400, `value: a ${q.kind} question takes ${TAKES[q.kind as QuestionKind]}`, { field: 'value' });
      const answer = { questionId: q.id, memberId: actor.member.id, organisationId, value: p.value, at: deps.now().toISOString() };
      const { result: answered, seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.answers.submit(workshopId, answer))) throw notOpen();
        return tx.answers.count(q.id);
      });
      sink.broadcast(workshopId, 'answer.submitted', { seq, questionId: q.id, answered });
      return { questionId: q.id, answered };
    },

    async reveal(actor: Actor, questionId: string): Promise<{ questionId: string; answers: RevealedAnswer[] }> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const q = await questionOf(workshopId, questionId);
      const at = deps.now().toISOString();
      const { result: answers, seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.answers.setStatus(workshopId, questionId, 'revealed'))) throw new AppError(ErrorCode.conflict, 409, 'This question has already been revealed.');
        const list = (await tx.answers.answers(questionId)).map((a) => ({ memberId: a.memberId, organisationId: a.organisationId, value: valueOf(a) }));
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'answers.revealed', data: { questionId, kind: q.kind, axis: q.axis, answers: list } });
        return list;
      });
      sink.broadcast(workshopId, 'answer.revealed', { seq, questionId, answers });
      return { questionId, answers };
    },

    /** Writes revealed answers into the charter, keeping what they do not replace (./answer-apply.ts). */
    async apply(actor: Actor, p: CommandPayload<'answer.apply'>) {
      authorize(actor, 'facilitation.run', actor.member.workshopId);
      return applyAnswers(deps, actor, await questionOf(actor.member.workshopId, p.questionId), p);
    },

    /** Every question as this actor may see it: counts always, own answer, others only once revealed. */
    async views(actor: Actor): Promise<QuestionView[]> {
      const workshopId = actor.member.workshopId;
      const questions = await store.answers.questions(workshopId);
      return Promise.all(
        questions.map(async (q) => {
          const all = await store.answers.answers(q.id);
          const mine = all.find((a) => a.memberId === actor.member.id);
          return {
            questionId: q.id,
            kind: q.kind,
            axis: (q.axis as ParadoxAxis | null) ?? null,
            prompt: q.prompt,
            status: q.status,
            answered: all.length,
            mine: mine ? valueOf(mine) : null,
            answers: q.status === 'revealed' ? all.map((a) => ({ memberId: a.memberId, organisationId: a.organisationId, value: valueOf(a) })) : null,
          };
        }),
      );
    },
  };
}
