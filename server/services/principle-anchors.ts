/**
 * Anchoring (forankring, issue #14): a representative records that their organisation's line or
 * leadership has confirmed the organisation's stance on a principle: who confirmed it, in which
 * role, on which date, and optionally a reference to the decision document. An anchor belongs to
 * the organisation's latest stance on the principle's current version; anchoring again replaces it
 * (each one is in the audit log as `principle.anchored`). A new proposal (version), or a new stance,
 * needs a new anchor. A retired principle takes none.
 */
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { CommandPayload, PrincipleView } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import { requireNotRetired, requireNotRetiredIn } from './principle-changes.js';
import { recorded, type DecisionDeps } from './ports.js';
import { requireRepresentative } from './representation.js';

/** The latest calendar date anywhere on Earth now (UTC+14): a date after it is in the future for everyone. */
export function latestDateNow(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

export function createPrincipleAnchors(deps: DecisionDeps, one: (workshopId: string, id: string) => Promise<PrincipleView>) {
  const { store, sink } = deps;

  return {
    async anchor(actor: Actor, p: CommandPayload<'principle.anchor'>): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      await requireRepresentative(store, actor.member);
      const now = deps.now();
      if (p.date > latestDateNow(now)) throw new AppError(ErrorCode.validationFailed, 400, 'date: must not be in the future', { field: 'date' });
      requireNotRetired(await one(workshopId, p.principleId));
      const rec = await store.principles.get(workshopId, p.principleId);
      if (!rec) throw new AppError(ErrorCode.conflict, 409, 'This principle has not been proposed, so there is no stance to anchor.');
      const at = now.toISOString();
      const reference = p.reference ?? null;
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        const organisationId = await requireRepresentative(tx, actor.member);
        await requireNotRetiredIn(tx, workshopId, rec.id);
        const stance = (await tx.principles.stances(workshopId)).filter((s) => s.principleId === rec.id && s.version === rec.version && s.organisationId === organisationId).at(-1);
        if (!stance) throw new AppError(ErrorCode.conflict, 409, 'Your organisation has taken no stance on the current version of this principle: take one first.');
        await tx.representation.anchor({ workshopId, principleId: rec.id, version: rec.version, organisationId, memberId: actor.member.id, confirmedBy: p.confirmedBy, role: p.role, date: p.date, reference, stanceAt: stance.at, at });
        await tx.audit.append({
          workshopId, at, actorId: actor.member.id, type: 'principle.anchored',
          data: { principleId: rec.id, version: rec.version, textHash: rec.textHash, organisationId, stance: stance.stance, confirmedBy: p.confirmedBy, role: p.role, date: p.date, reference },
        });
      });
      const principle = await one(workshopId, p.principleId);
      sink.broadcast(workshopId, 'principle.anchored', { seq, principle });
      return principle;
    },
  };
}
