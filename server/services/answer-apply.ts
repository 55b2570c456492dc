/**
 * Reveal, then apply (issue #13): `answer.reveal` only makes the answers public; `answer.apply`
 * writes them into the charter once the facilitator has compared them with what the charter
 * says. Each organisation's latest answer sets its generation (or position); a justification
 * (or note) is replaced only by an answer that brings one, so nothing an answer does not replace
 * is lost. The charter write and its `answers.applied` audit entry (before and after, per
 * organisation) are one transaction, through the registry's `change`.
 */
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { paradoxKey, type Generation, type ParadoxAxis } from '../../shared/charter/schema.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import { MaturityAnswer, ParadoxAnswer, type AppliedAnswer, type CommandPayload } from '../../shared/realtime/index.js';
import { z } from 'zod';
import { authorize, type Actor } from '../auth/access.js';
import type { QuestionRecord } from '../store/types.js';
import { recorded, type DecisionDeps } from './ports.js';

type Value = AppliedAnswer['after'];

/** What the charter takes: a maturity or a paradox answer (never a text answer). */
const ChartedAnswer = z.union([MaturityAnswer, ParadoxAnswer]);

function current(charter: CharterDoc, q: QuestionRecord, org: string): Value | null {
  if (q.kind === 'maturity') {
    const m = charter.maturity().find((e) => e.organisationId === org);
    return m ? { generation: m.generation, justification: m.justification } : null;
  }
  const key = paradoxKey(q.axis as ParadoxAxis, org);
  const p = charter.paradoxes().find((e) => paradoxKey(e.axis, e.organisationId) === key);
  return p ? { position: p.position, note: p.note } : null;
}

export async function applyAnswers(deps: DecisionDeps, actor: Actor, q: QuestionRecord, p: CommandPayload<'answer.apply'>): Promise<{ questionId: string; applied: AppliedAnswer[] }> {
  const workshopId = actor.member.workshopId;
  authorize(actor, 'facilitation.run', workshopId);
  if (q.kind === 'text') throw new AppError(ErrorCode.validationFailed, 400, 'questionId: answers to a text question are not applied to the charter; only maturity and paradox answers are.', { field: 'questionId' });
  if (q.status !== 'revealed') throw new AppError(ErrorCode.conflict, 409, 'Reveal the answers before applying them to the charter.');
  // Answers come oldest first: the latest of each organisation wins.
  const rows = await deps.store.answers.answers(q.id);
  const latest = new Map(rows.map((a) => [a.organisationId, ChartedAnswer.parse(a.value)]));
  // Whose statement each applied value is: the member who gave the organisation's latest answer.
  const answeredBy = new Map(rows.map((a) => [a.organisationId, a.memberId]));
  const wanted = p.organisationIds ?? [...latest.keys()];
  const missing = wanted.find((o) => !latest.has(o));
  if (missing) throw new AppError(ErrorCode.validationFailed, 400, 'organisationIds: an organisation without an answer to this question', { field: 'organisationIds' });
  const applied: AppliedAnswer[] = [];
  const at = deps.now().toISOString();
  let seq = 0;
  const audit = async (tx: Parameters<Parameters<typeof recorded>[2]>[0], n: number) => {
    seq = n;
    await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'answers.applied', data: { questionId: q.id, kind: q.kind, axis: q.axis, applied } });
    // The charter now says what the organisation answered: its last change is its own (issue #13).
    const key = (org: string) => (q.kind === 'maturity' ? `maturity/${org}` : `paradoxes/${paradoxKey(q.axis as ParadoxAxis, org)}`);
    await tx.edits.record(
      workshopId,
      applied.map((a) => ({ room: 'charter', key: key(a.organisationId), memberId: answeredBy.get(a.organisationId)!, organisationId: a.organisationId, at })),
    );
  };
  await deps.docs.change(
    formatRoom({ workshopId, part: { kind: 'charter' } }),
    (doc) => {
      const charter = new CharterDoc(doc, deps.newId);
      for (const org of wanted) {
        const v = latest.get(org)!;
        const before = current(charter, q, org);
        if ('generation' in v) charter.applyMaturity(org, v.generation as Generation, v.justification, 'server');
        else charter.applyParadox(q.axis as ParadoxAxis, org, v.position, v.note, 'server');
        applied.push({ organisationId: org, before, after: current(charter, q, org)! });
      }
    },
    async (tx) => audit(tx, await tx.facilitation.nextSeq(workshopId)),
  );
  // Nothing changed in the charter (it already said this): the application is still recorded.
  if (seq === 0) await recorded(deps, workshopId, (tx, n) => audit(tx, n));
  deps.sink.broadcast(workshopId, 'answer.applied', { seq, questionId: q.id, organisationIds: wanted, by: actor.member.id });
  return { questionId: q.id, applied };
}
