/**
 * Organisations endorse the vision as a whole (issue #17) by taking a stance on a milestone, the
 * server's snapshot of the text a facilitator saved. The rules are the principles' (./principles.ts):
 * only a representative of an organisation takes its stance (./representation.ts), an objection
 * needs a reason, and the organisation comes from the session, never the payload. Each organisation
 * has one stance per milestone: a newer one replaces the older in the store, and every one is kept
 * in the audit log (with the stance it replaced), written in the same transaction. Then
 * `vision.endorsed` tells every member the milestone's stances now.
 */
import { reasonProblem } from '../../shared/decisions.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { CommandPayload, MilestoneStances } from '../../shared/realtime/index.js';
import type { MilestoneStanceDto } from '../../shared/vision/api.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Store, VisionStanceRecord } from '../store/types.js';
import { recorded, type DecisionDeps } from './ports.js';
import { requireRepresentative } from './representation.js';

export type VisionStanceService = ReturnType<typeof createVisionStanceService>;

const toDto = (s: VisionStanceRecord): MilestoneStanceDto => ({ organisationId: s.organisationId, stance: s.stance, memberId: s.memberId, at: s.at, reason: s.reason });

/**
 * Each milestone's stances (milestone id → stances), one per organisation in the workshop's order
 * of organisations; stances of organisations no longer in the workshop come last.
 */
export async function milestoneStances(db: Store, workshopId: string): Promise<Map<string, MilestoneStanceDto[]>> {
  const [stances, orgs] = await Promise.all([db.vision.stances(workshopId), db.workshops.organisations(workshopId)]);
  const position = new Map(orgs.map((o, i) => [o.id, i]));
  const order = (s: VisionStanceRecord) => position.get(s.organisationId) ?? orgs.length;
  const out = new Map<string, MilestoneStanceDto[]>();
  for (const s of [...stances].sort((a, b) => order(a) - order(b))) out.set(s.milestoneId, [...(out.get(s.milestoneId) ?? []), toDto(s)]);
  return out;
}

export function createVisionStanceService(deps: DecisionDeps) {
  const { store, sink } = deps;

  return {
    async endorse(actor: Actor, p: CommandPayload<'vision.endorse'>): Promise<MilestoneStances> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      await requireRepresentative(store, actor.member);
      const problem = reasonProblem(p.stance, p.reason);
      if (problem) throw new AppError(ErrorCode.validationFailed, 400, `reason: ${problem}`, { field: 'reason' });
      // Milestones are deleted only with their workshop, so one found here is still there below.
      const milestone = (await store.vision.milestones(workshopId)).find((m) => m.id === p.milestoneId);
      if (!milestone) throw new AppError(ErrorCode.milestoneNotFound, 404, 'milestoneId: no such milestone in this workshop.', { field: 'milestoneId' });
      const at = deps.now().toISOString();
      const reason = p.reason?.trim() || null;
      const { result, seq } = await recorded(deps, workshopId, async (tx) => {
        const organisationId = await requireRepresentative(tx, actor.member); // still, inside the transaction that records it
        const before = (await tx.vision.stances(workshopId)).find((s) => s.milestoneId === milestone.id && s.organisationId === organisationId);
        await tx.vision.setStance({ workshopId, milestoneId: milestone.id, organisationId, memberId: actor.member.id, stance: p.stance, reason, at });
        const data = { milestoneId: milestone.id, name: milestone.name, organisationId, stance: p.stance, reason };
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'vision.stance', data: before ? { ...data, replaces: before.stance } : data });
        return { organisationId, stances: (await milestoneStances(tx, workshopId)).get(milestone.id) ?? [] };
      });
      sink.broadcast(workshopId, 'vision.endorsed', { seq, milestoneId: milestone.id, ...result });
      return { milestoneId: milestone.id, stances: result.stances };
    },
  };
}
