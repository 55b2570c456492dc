/**
 * Principles: drafts live in the charter document; proposals and stances are the server's. A
 * proposal stores the draft's text as the server's copy has it, its SHA-256 and the workshop's
 * decision rule; a stance binds to that proposal (its version) and counts for the caller's own
 * organisation, from the session. Status is computed by shared/decisions.ts.
 */
import { createHash } from 'node:crypto';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { principleStatus, reasonProblem, type Stance } from '../../shared/decisions.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { CommandPayload, PrincipleView, StanceView } from '../../shared/realtime/index.js';
import { authorize, type Actor } from '../auth/access.js';
import type { PrincipleRecord, StanceRecord } from '../store/types.js';
import { recorded, type DecisionDeps } from './ports.js';

export type PrincipleService = ReturnType<typeof createPrincipleService>;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const charterRoom = (workshopId: string) => formatRoom({ workshopId, part: { kind: 'charter' } });
/** How long a proposal waits for the server's copy to show the text the proposer sees. */
const PROPOSE_WAIT_MS = 3000;
const notProposed = () => new AppError(ErrorCode.conflict, 409, 'This principle has not been proposed for agreement.');

export function createPrincipleService(deps: DecisionDeps) {
  const { store, sink } = deps;

  const drafts = (workshopId: string) =>
    deps.docs.read(charterRoom(workshopId), (doc) => new Map(new CharterDoc(doc, deps.newId).principles().map((p) => [p.id, p.text])));

  async function participating(workshopId: string): Promise<string[]> {
    const members = await store.workshops.members(workshopId);
    const orgs = await store.workshops.organisations(workshopId);
    const speaking = new Set(members.filter((m) => m.role !== 'observer' && m.organisationId).map((m) => m.organisationId));
    return orgs.filter((o) => speaking.has(o.id)).map((o) => o.id);
  }

  function view(id: string, current: string | undefined, rec: PrincipleRecord | undefined, all: StanceRecord[], orgs: string[]): PrincipleView {
    const latest = new Map<string, StanceRecord>();
    for (const s of all) if (rec && s.principleId === id && s.version === rec.version) latest.set(s.organisationId, s);
    const text = current ?? rec?.text ?? '';
    const currentHash = sha256(text);
    const stances: StanceView[] = [...latest.values()].map((s) => ({ organisationId: s.organisationId, stance: s.stance, memberId: s.memberId, at: s.at, reason: s.reason }));
    const status = principleStatus({
      rule: rec?.rule ?? 'consensus',
      participating: orgs,
      stances: new Map<string, Stance>([...latest].map(([org, s]) => [org, s.stance])),
      proposed: rec !== undefined,
      closed: rec?.closed ?? false,
      textMatches: current !== undefined && rec !== undefined && currentHash === rec.textHash,
    });
    return {
      principleId: id, text, proposedText: rec?.text ?? null, textHash: rec?.textHash ?? null, currentHash, rule: rec?.rule ?? null,
      proposedAt: rec?.proposedAt ?? null, proposedBy: rec?.proposedBy ?? null, closed: rec?.closed ?? false, status, stances, participating: orgs,
    };
  }

  /** Every draft in the charter (in its order) and every proposal whose draft is gone. */
  async function views(workshopId: string, only?: string): Promise<PrincipleView[]> {
    const [current, records, stances, orgs] = await Promise.all([drafts(workshopId), store.principles.list(workshopId), store.principles.stances(workshopId), participating(workshopId)]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const ids = [...new Set([...current.keys(), ...records.map((r) => r.id)])].filter((id) => only === undefined || id === only);
    return ids.map((id) => view(id, current.get(id), byId.get(id), stances, orgs));
  }

  async function one(workshopId: string, id: string): Promise<PrincipleView> {
    const v = (await views(workshopId, id))[0];
    if (!v) throw new AppError(ErrorCode.notFound, 404, 'principleId: no such principle in this workshop.', { field: 'principleId' });
    return v;
  }

  return {
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
      const workshop = await store.workshops.get(workshopId);
      const at = deps.now().toISOString();
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        const rec = await tx.principles.propose({ id: principleId, workshopId, text, textHash: sha256(text), rule: workshop?.decisionRule ?? 'consensus', proposedAt: at, proposedBy: actor.member.id });
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'principle.proposed', data: { principleId, version: rec.version, textHash: rec.textHash, rule: rec.rule, text } });
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
      const problem = reasonProblem(p.stance, p.reason);
      if (problem) throw new AppError(ErrorCode.validationFailed, 400, `reason: ${problem}`, { field: 'reason' });
      const before = await one(workshopId, p.principleId);
      const rec = await store.principles.get(workshopId, p.principleId);
      if (!rec) throw notProposed();
      if (before.status === 'stale') throw new AppError(ErrorCode.conflict, 409, 'The draft has changed since it was proposed; it must be proposed again.');
      const at = deps.now().toISOString();
      const reason = p.reason?.trim() || null;
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        const stance = { principleId: rec.id, workshopId, version: rec.version, organisationId, memberId: actor.member.id, stance: p.stance, reason, at };
        if (!(await tx.principles.addStance(stance))) throw new AppError(ErrorCode.conflict, 409, 'This principle is closed, or was proposed again meanwhile.');
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'principle.stance', data: { principleId: rec.id, version: rec.version, textHash: rec.textHash, organisationId, stance: p.stance, reason } });
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
      const outcome = principleStatus({
        rule: before.rule ?? 'consensus',
        participating: before.participating,
        stances: new Map(before.stances.map((s) => [s.organisationId, s.stance])),
        proposed: before.textHash !== null,
        closed: true,
        textMatches: before.status !== 'stale',
      });
      const { seq } = await recorded(deps, workshopId, async (tx) => {
        if (!(await tx.principles.get(workshopId, principleId))) throw notProposed();
        if (!(await tx.principles.close(workshopId, principleId))) throw new AppError(ErrorCode.conflict, 409, 'This principle is already closed.');
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'principle.closed', data: { principleId, outcome } });
      });
      const principle = await one(workshopId, principleId);
      sink.broadcast(workshopId, 'principle.closed', { seq, principle });
      return principle;
    },
  };
}
