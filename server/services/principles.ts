/**
 * Principles: drafts live in the charter document; proposals and stances are the server's. A
 * proposal stores the draft's text as the server's copy has it, its SHA-256 and the workshop's
 * decision rule; a stance binds to that proposal (its version) and counts for the caller's own
 * organisation, from the session. Status is computed by shared/decisions.ts.
 *
 * Decisions are recorded, not recomputed: a proposal binds the organisations with a participant or
 * facilitator at that moment (later role changes and new organisations do not change who counts),
 * and closing records the outcome. An organisation outside the bound set may still take a stance,
 * open or closed: it joins after the fact, shown beside the decision (principle-view.ts).
 *
 * An adopted principle is not proposed again (changes go through an amendment), and a retired
 * principle takes no proposal, stance or close (./principle-changes.ts).
 */
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { closingOutcome, reasonProblem } from '../../shared/decisions.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CommandPayload, PrincipleView } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Store } from '../store/types.js';
import { createPrincipleAnchors } from './principle-anchors.js';
import { createPrincipleChanges, requireNotRetired, requireNotRetiredIn } from './principle-changes.js';
import { principleViews, sha256 } from './principle-view.js';
import { recorded, type DecisionDeps } from './ports.js';
import { requireRepresentative } from './representation.js';

export type PrincipleService = ReturnType<typeof createPrincipleService>;

const charterRoom = (workshopId: string) => formatRoom({ workshopId, part: { kind: 'charter' } });
/** How long a proposal waits for the server's copy to show the text the proposer sees. */
const PROPOSE_WAIT_MS = 3000;
const notProposed = () => new AppError(ErrorCode.conflict, 409, 'This principle has not been proposed for agreement.');

export function createPrincipleService(deps: DecisionDeps) {
  const { store, sink } = deps;

  const drafts = (workshopId: string) =>
    deps.docs.read(charterRoom(workshopId), (doc) => new Map(new CharterDoc(doc, deps.newId).principles().map((p) => [p.id, p.text])));

  /** Organisations with a participant or facilitator now: whom a proposal made now binds. */
  async function speaking(db: Store, workshopId: string): Promise<string[]> {
    const [members, orgs] = await Promise.all([db.workshops.members(workshopId), db.workshops.organisations(workshopId)]);
    const ids = new Set(members.filter((m) => m.role !== 'observer' && m.organisationId).map((m) => m.organisationId));
    return orgs.filter((o) => ids.has(o.id)).map((o) => o.id);
  }

  /** Every draft in the charter (in its order) and every proposal whose draft is gone. */
  async function views(workshopId: string, only?: string): Promise<PrincipleView[]> {
    const [current, records, stances, bindings, orgs, now, lifecycle, anchors, representatives] = await Promise.all([
      drafts(workshopId), store.principles.list(workshopId), store.principles.stances(workshopId), store.principles.bindings(workshopId),
      store.workshops.organisations(workshopId), speaking(store, workshopId), store.principles.lifecycle(workshopId),
      store.representation.anchors(workshopId), store.representation.representatives(workshopId),
    ]);
    return principleViews({ drafts: current, records, stances, bindings, organisations: orgs.map((o) => o.id), speaking: now, lifecycle, anchors, representatives }, only);
  }

  async function one(workshopId: string, id: string): Promise<PrincipleView> {
    const v = (await views(workshopId, id))[0];
    if (!v) throw new AppError(ErrorCode.notFound, 404, 'principleId: no such principle in this workshop.', { field: 'principleId' });
    return v;
  }

  return {
    ...createPrincipleChanges(deps, one),
    ...createPrincipleAnchors(deps, one),

    views: (actor: Actor, workshopId: string) => {
      authorize(actor, 'workshop.read', workshopId);
      return views(workshopId);
    },

    /** A draft created over REST (scripts, imports): written into the charter like any edit. */
    async createDraft(actor: Actor, workshopId: string, text: string): Promise<{ id: string }> {
      authorize(actor, 'doc.write', workshopId);
      let id = '';
      await deps.docs.change(charterRoom(workshopId), (doc) => {
        id = new CharterDoc(doc, deps.newId).addPrinciple(text, actor.member.id, 'server', deps.now());
      });
      return { id };
    },

    async propose(actor: Actor, principleId: string, expectedText?: string): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      let text = (await drafts(workshopId)).get(principleId);
      // The proposer's last keystrokes travel over the sync connection: give them a moment.
      for (let waited = 0; expectedText !== undefined && text !== expectedText && waited < PROPOSE_WAIT_MS; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        text = (await drafts(workshopId)).get(principleId);
      }
      if (expectedText !== undefined && text !== undefined && text !== expectedText) {
        throw new AppError(ErrorCode.conflict, 409, 'The server does not have your last edits to this principle yet. Wait a moment and propose again.');
      }
      if (text === undefined) throw new AppError(ErrorCode.notFound, 404, 'principleId: no such draft in the charter.', { field: 'principleId' });
      if (text.trim() === '') throw new AppError(ErrorCode.validationFailed, 400, 'principleId: the draft is empty', { field: 'principleId' });
      const existing = (await views(workshopId, principleId))[0];
      if (existing) requireNotRetired(existing);
      if (existing?.closed && existing.outcome === 'agreed') throw new AppError(ErrorCode.conflict, 409, 'This principle has been adopted and is frozen: change it through an amendment.');
      const workshop = await store.workshops.get(workshopId);
      const at = deps.now().toISOString();
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        const bound = await speaking(tx, workshopId);
        const rec = await tx.principles.propose({ id: principleId, workshopId, text, textHash: sha256(text), rule: workshop?.decisionRule ?? 'consensus', proposedAt: at, proposedBy: actor.member.id }, bound);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'principle.proposed', data: { principleId, version: rec.version, textHash: rec.textHash, rule: rec.rule, text, boundOrganisations: bound } });
      });
      const principle = await one(workshopId, principleId);
      sink.broadcast(workshopId, 'principle.proposed', { seq, principle });
      return principle;
    },

    async endorse(actor: Actor, p: CommandPayload<'principle.endorse'>): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.take_part', workshopId);
      const organisationId = actor.member.organisationId;
      if (!organisationId) throw new AppError(ErrorCode.forbidden, 403, 'Only members who speak for an organisation take a stance.');
      // Only its representatives commit an organisation, facilitators too (issue #14).
      await requireRepresentative(store, actor.member);
      const problem = reasonProblem(p.stance, p.reason);
      if (problem) throw new AppError(ErrorCode.validationFailed, 400, `reason: ${problem}`, { field: 'reason' });
      const before = await one(workshopId, p.principleId);
      requireNotRetired(before);
      const rec = await store.principles.get(workshopId, p.principleId);
      if (!rec) throw notProposed();
      const later = !before.boundOrganisations.includes(organisationId);
      if (before.closed && !later) throw new AppError(ErrorCode.conflict, 409, 'This principle is closed: your organisation’s stance was recorded when it closed.');
      if (before.status === 'stale') throw new AppError(ErrorCode.conflict, 409, 'The draft has changed since it was proposed; it must be proposed again.');
      const at = deps.now().toISOString();
      const reason = p.reason?.trim() || null;
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        await requireRepresentative(tx, actor.member); // still, inside the transaction that records it
        await requireNotRetiredIn(tx, workshopId, rec.id);
        const stance = { principleId: rec.id, workshopId, version: rec.version, organisationId, memberId: actor.member.id, stance: p.stance, reason, at };
        if (!(await tx.principles.addStance(stance))) throw new AppError(ErrorCode.conflict, 409, 'This principle is closed, or was proposed again meanwhile.');
        const data = { principleId: rec.id, version: rec.version, textHash: rec.textHash, organisationId, stance: p.stance, reason };
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'principle.stance', data: later ? { ...data, later: true } : data });
      });
      const principle = await one(workshopId, p.principleId);
      sink.broadcast(workshopId, 'principle.endorsed', { seq, principle });
      return principle;
    },

    async close(actor: Actor, principleId: string): Promise<PrincipleView> {
      const workshopId = actor.member.workshopId;
      authorize(actor, 'facilitation.run', workshopId);
      const at = deps.now().toISOString();
      const before = await one(workshopId, principleId);
      requireNotRetired(before);
      if (before.status === 'stale' && !before.closed) throw new AppError(ErrorCode.conflict, 409, 'The draft has changed since it was proposed; propose it again before closing.');
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        const rec = await tx.principles.get(workshopId, principleId);
        if (!rec) throw notProposed();
        // Counted inside the transaction, so a stance taken meanwhile is in or the close waits for it.
        const [stances, bindings] = await Promise.all([tx.principles.stances(workshopId), tx.principles.bindings(workshopId)]);
        const open = principleViews({ drafts: new Map(), records: [{ ...rec, closed: false }], stances, bindings, organisations: before.boundOrganisations, speaking: [], lifecycle: [] }, principleId)[0]!;
        // The bound organisations count, members or not: one whose members all left stays pending.
        const outcome = closingOutcome({ rule: rec.rule, participating: open.boundOrganisations, stances: new Map(open.stances.map((s) => [s.organisationId, s.stance])) });
        if (!(await tx.principles.close(workshopId, principleId, outcome, at))) throw new AppError(ErrorCode.conflict, 409, 'This principle is already closed.');
        await tx.audit.append({
          workshopId, at, actorId: actor.member.id, type: 'principle.closed',
          data: { principleId, outcome, version: rec.version, textHash: rec.textHash, boundOrganisations: open.boundOrganisations },
        });
      });
      const principle = await one(workshopId, principleId);
      sink.broadcast(workshopId, 'principle.closed', { seq, principle });
      return principle;
    },
  };
}
