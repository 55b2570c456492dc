/**
 * Agreements that hold (issue #13): an adopted principle is never edited or deleted in place.
 *
 * - `amend` starts an amendment: a new draft in the charter whose link to the adopted principle
 *   is the server's record (`amends`), proposed, endorsed and closed like any principle. The
 *   adopted one keeps its status and stances; once the amendment closes `agreed`, the adopted
 *   one is shown as superseded by it (principle-view.ts). Facilitators and participants with an
 *   organisation may start one (an amendment is a proposal to talk about, not a decision).
 * - `retire` (facilitators) takes a principle out with a reason; it stays in every view and
 *   export, marked retired, and takes no more proposals or stances.
 *
 * The draft and its audit entry are written in one transaction, through the registry's `change`.
 */
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CommandPayload, PrincipleView } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Store } from '../store/types.js';
import { recorded, type DecisionDeps } from './ports.js';

const conflict = (message: string) => new AppError(ErrorCode.conflict, 409, message);

/**
 * The same, inside the transaction that records a stance or an anchor: `recorded` took the
 * workshop's sequence row first, which serialises its recorded changes (across instances too), so
 * a retirement cannot slip in between this check and the write.
 */
export async function requireNotRetiredIn(tx: Store, workshopId: string, principleId: string): Promise<void> {
  if ((await tx.principles.lifecycle(workshopId)).some((l) => l.principleId === principleId && l.retiredAt)) throw conflict('This principle has been retired.');
}

/** Refuses any change to a retired principle. */
export function requireNotRetired(v: PrincipleView): void {
  if (v.retired) throw conflict('This principle has been retired.');
}

export function createPrincipleChanges(deps: DecisionDeps, one: (workshopId: string, id: string) => Promise<PrincipleView>) {
  return {
    async amend(actor: Actor, p: CommandPayload<'principle.amend'>): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      if (actor.member.role !== 'facilitator' && !actor.member.organisationId) throw new AppError(ErrorCode.forbidden, 403, 'Only members who speak for an organisation start an amendment.');
      const target = await one(workshopId, p.principleId);
      requireNotRetired(target);
      if (!(target.closed && target.outcome === 'agreed')) throw conflict('Only an adopted principle is amended; change a draft or an open proposal directly.');
      if (target.supersededBy) throw conflict('This principle has been superseded: amend the principle that replaced it.');
      const at = deps.now();
      let id = '';
      let seq = 0;
      await deps.docs.change(
        formatRoom({ workshopId, part: { kind: 'charter' } }),
        (doc) => {
          id = new CharterDoc(doc, deps.newId).addPrinciple(p.text, actor.member.id, 'server', at);
        },
        async (tx) => {
          seq = await tx.facilitation.nextSeq(workshopId);
          await tx.principles.markAmendment(workshopId, id, target.principleId);
          await tx.audit.append({ workshopId, at: at.toISOString(), actorId: actor.member.id, type: 'principle.amendment_started', data: { principleId: id, amends: target.principleId, text: p.text } });
        },
      );
      const principle = await one(workshopId, id);
      deps.sink.broadcast(workshopId, 'principle.amended', { seq, principle });
      return principle;
    },

    async retire(actor: Actor, p: CommandPayload<'principle.retire'>): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const before = await one(workshopId, p.principleId);
      requireNotRetired(before);
      const at = deps.now().toISOString();
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.principles.retire(workshopId, before.principleId, actor.member.id, at, p.reason))) throw conflict('This principle has been retired.');
        await tx.audit.append({
          workshopId, at, actorId: actor.member.id, type: 'principle.retired',
          data: {
            principleId: before.principleId, reason: p.reason, status: before.status, closed: before.closed, outcome: before.outcome,
            text: before.closed ? (before.proposedText ?? before.text) : before.text, textHash: before.textHash,
            endorsedBy: before.stances.filter((s) => s.stance === 'endorse').map((s) => s.organisationId),
          },
        });
      });
      const principle = await one(workshopId, p.principleId);
      deps.sink.broadcast(workshopId, 'principle.retired', { seq, principle });
      return principle;
    },
  };
}
