/**
 * People, not links (issue #14): renaming, removing and merging members, personal re-entry links,
 * visits, and "my workshops". Every change is written with its audit entry in one transaction;
 * a removed or merged member's connections close at once on every instance (the evictors).
 */
import type { JoinedDto, MemberDto, MyWorkshopDto, Role, VisitDto } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Sessions } from '../auth/sessions.js';
import type { MemberRecord, Store } from '../store/types.js';
import { afterRoleChange, applyRepresentative, memberDto, memberDtos, passOnRepresentation, type SetRepresentativeOptions } from './representation.js';
import type { EventSink } from './ports.js';
import type { WorkshopEvictor } from './workshops.js';

export interface MemberServiceDeps {
  store: Store;
  sessions: Sessions;
  evictors: WorkshopEvictor[];
  sink?: EventSink;
  now?: () => Date;
}

export type MemberService = ReturnType<typeof createMemberService>;

/** What `PATCH …/members/:memberId` changes (shared/api.ts `PatchMemberBody`), plus the sign-in claim seam. */
export interface MemberPatch extends SetRepresentativeOptions {
  displayName?: string;
  role?: Role;
  representative?: boolean;
}

/** Whether the member signed in (their latest sign-in) for the organisation number their organisation has. */
async function claimConfirms(tx: Store, m: MemberRecord): Promise<boolean> {
  if (!m.organisationId) return false;
  const org = (await tx.workshops.organisations(m.workshopId)).find((o) => o.id === m.organisationId);
  if (!org?.orgNumber) return false;
  return (await tx.persons.ofMember(m.workshopId, m.id))?.orgNumber === org.orgNumber;
}

const noSuchMember = () => new AppError(ErrorCode.notFound, 404, 'memberId: no such member in this workshop.', { field: 'memberId' });

export function createMemberService(deps: MemberServiceDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();
  const evict = async (workshopId: string, memberId: string, reason: 'removed' | 'merged') => {
    for (const e of deps.evictors) await e.evictMember?.(workshopId, memberId, reason);
  };
  const changed = async (workshopId: string, c: { seq: number; member: MemberRecord }) => deps.sink?.broadcast(workshopId, 'member.changed', { seq: c.seq, member: await memberDto(store, c.member) });

  return {
    /**
     * `PATCH …/members/:memberId`: the name (the member themselves, or a facilitator), the role
     * (facilitators) and/or representation (./representation.ts), in one transaction, so a refused
     * part changes nothing. Every member whose record changed is broadcast as `member.changed`; a
     * changed role also drops the member's live connections, so they come back with it.
     */
    async patch(actor: Actor, workshopId: string, memberId: string, patch: MemberPatch): Promise<MemberDto> {
      const renamingOther = patch.displayName !== undefined && actor.member.id !== memberId;
      authorize(actor, patch.role !== undefined || renamingOther ? 'workshop.manage' : 'workshop.read', workshopId);
      const at = now().toISOString();
      const r = await store.transaction(async (tx) => {
        // The event number first, as every decision takes it: the same lock order everywhere.
        const seq = await tx.facilitation.nextSeq(workshopId);
        const members = await tx.workshops.members(workshopId);
        let m = members.find((x) => x.id === memberId);
        if (!m || m.removedAt || m.mergedInto) throw noSuchMember();
        const affected: MemberRecord[] = [];
        const touch = (x: MemberRecord) => {
          const i = affected.findIndex((y) => y.id === x.id);
          if (i >= 0) affected[i] = x;
          else affected.push(x);
        };
        if (patch.displayName !== undefined && patch.displayName !== m.displayName) {
          await tx.workshops.updateMember(workshopId, memberId, { displayName: patch.displayName });
          await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'member.renamed', data: { memberId, from: m.displayName, to: patch.displayName } });
          m = { ...m, displayName: patch.displayName };
          touch(m);
        }
        const role = patch.role;
        const roleChanged = role !== undefined && role !== m.role;
        if (roleChanged) {
          if (m.role === 'facilitator' && !members.some((x) => x.role === 'facilitator' && x.id !== m!.id && !x.removedAt && !x.mergedInto)) {
            throw new AppError(ErrorCode.conflict, 409, 'A workshop needs at least one facilitator: make someone else facilitator first.');
          }
          await tx.workshops.setRole(workshopId, memberId, role);
          await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'member.role_changed', data: { memberId, from: m.role, to: role } });
          const from = m.role;
          m = { ...m, role };
          touch(m);
          // An observer never represents; a member who stops being one may be their organisation's first.
          const passedTo = await afterRoleChange(tx, m, from, at);
          if (passedTo) touch(passedTo);
        }
        if (patch.representative !== undefined) {
          // A member who signed in for the organisation's own number: the provider's claim confirms it.
          const confirmedByClaim = patch.representative && !patch.confirmation && (await claimConfirms(tx, m));
          if (await applyRepresentative(tx, actor, m, patch.representative, { ...patch, confirmedByClaim }, at)) touch(m);
        }
        const dtos = await memberDtos(tx, workshopId, affected.length ? affected : [m]);
        return { seq, dto: dtos.find((d) => d.id === memberId)!, changed: affected.length ? dtos : [], roleChanged };
      });
      if (r.roleChanged) for (const e of deps.evictors) await e.evictMember?.(workshopId, memberId);
      for (const member of r.changed) deps.sink?.broadcast(workshopId, 'member.changed', { seq: r.seq, member });
      return r.dto;
    },

    /**
     * A facilitator removes a member: their content stays, attributed to a former member; every
     * credential stops working and their connections close on every instance.
     */
    async remove(actor: Actor, workshopId: string, memberId: string): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      const removed = await store.transaction(async (tx) => {
        const seq = await tx.facilitation.nextSeq(workshopId);
        const members = await tx.workshops.members(workshopId);
        const m = members.find((x) => x.id === memberId);
        if (!m || m.removedAt) throw noSuchMember();
        if (m.role === 'facilitator' && !members.some((x) => x.id !== m.id && x.role === 'facilitator' && !x.removedAt && !x.mergedInto)) {
          throw new AppError(ErrorCode.conflict, 409, 'A workshop needs at least one facilitator: make someone else facilitator first.');
        }
        await tx.workshops.updateMember(workshopId, memberId, { removedAt: at });
        await tx.credentials.revokeAll(workshopId, memberId, null, at);
        const removedMember = { ...m, removedAt: at };
        // The organisation's last representative leaving: the earliest remaining member takes over.
        const passedTo = await passOnRepresentation(tx, workshopId, removedMember, at, (x) => x.removedAt === null && x.mergedInto === null);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'member.removed', data: { memberId, displayName: m.displayName, organisationId: m.organisationId } });
        return { seq, member: removedMember, passedTo };
      });
      await evict(workshopId, memberId, 'removed');
      await changed(workshopId, removed);
      if (removed.passedTo) await changed(workshopId, { seq: removed.seq, member: removed.passedTo });
    },

    /**
     * Two records of one person become one: `from` becomes an alias of `into` (`member.merged`).
     * Nothing recorded is rewritten; `from`'s credentials act as `into` from now on.
     */
    async merge(actor: Actor, workshopId: string, fromId: string, intoId: string): Promise<MemberDto> {
      authorize(actor, 'workshop.manage', workshopId);
      if (fromId === intoId) throw new AppError(ErrorCode.validationFailed, 400, 'into: must be another member than from', { field: 'into' });
      const at = now().toISOString();
      const merged = await store.transaction(async (tx) => {
        const seq = await tx.facilitation.nextSeq(workshopId);
        const members = await tx.workshops.members(workshopId);
        const from = members.find((m) => m.id === fromId);
        const into = members.find((m) => m.id === intoId);
        if (!from || from.removedAt || from.mergedInto) throw new AppError(ErrorCode.notFound, 404, 'from: no such current member in this workshop.', { field: 'from' });
        if (!into || into.removedAt || into.mergedInto) throw new AppError(ErrorCode.notFound, 404, 'into: no such current member in this workshop.', { field: 'into' });
        if (from.organisationId !== into.organisationId) {
          throw new AppError(ErrorCode.conflict, 409, 'These members speak for different organisations: one person speaks for one organisation in a workshop.');
        }
        if (from.role === 'facilitator' && into.role !== 'facilitator' && !members.some((m) => m.id !== from.id && m.role === 'facilitator' && !m.removedAt && !m.mergedInto)) {
          throw new AppError(ErrorCode.conflict, 409, 'A workshop needs at least one facilitator: merge into the facilitator, or make someone else facilitator first.');
        }
        await tx.workshops.updateMember(workshopId, from.id, { mergedInto: into.id });
        // Aliases of `from` follow it, so an alias is always one step.
        for (const m of members) if (m.mergedInto === from.id) await tx.workshops.updateMember(workshopId, m.id, { mergedInto: into.id });
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'member.merged', data: { from: from.id, into: into.id } });
        return { seq, member: { ...from, mergedInto: into.id } };
      });
      await evict(workshopId, fromId, 'merged');
      await changed(workshopId, merged);
      return memberDto(store, merged.member);
    },

    /** The member's own re-entry link: a new secret each time, revoking the one before. */
    async renewReentry(actor: Actor, workshopId: string, memberId: string): Promise<string> {
      authorize(actor, 'workshop.read', workshopId);
      if (actor.member.id !== memberId) throw new AppError(ErrorCode.forbidden, 403, 'Only the member themselves can make their re-entry link.');
      const at = now().toISOString();
      return store.transaction(async (tx) => {
        const revoked = await tx.credentials.revokeAll(workshopId, memberId, 'reentry', at);
        const secret = await deps.sessions.open(tx, actor.member, 'reentry');
        await tx.audit.append({ workshopId, at, actorId: memberId, type: 'member.reentry_renewed', data: { memberId, revokedPrevious: revoked > 0 } });
        return secret;
      });
    },

    /** `POST /api/reenter`: a re-entry secret opens a new session (another device) for its member. */
    async reenter(secret: string): Promise<JoinedDto> {
      const found = await deps.sessions.resolve(secret, 'reentry');
      if (!found) throw new AppError(ErrorCode.unauthenticated, 401, 'This re-entry link does not work: it was renewed, has not been used for too long, or you are no longer a member. Ask for a new one.');
      const token = await store.transaction((tx) => deps.sessions.open(tx, found.member));
      return { member: await memberDto(store, found.member), token, workshopId: found.member.workshopId, existing: true };
    },

    /** A new session secret for this device; the one the request came with stops working. */
    async rotate(actor: Actor, workshopId: string): Promise<string> {
      authorize(actor, 'workshop.read', workshopId);
      const at = now().toISOString();
      return store.transaction(async (tx) => {
        if (actor.credentialId) await tx.credentials.revoke(workshopId, actor.credentialId, at);
        return deps.sessions.open(tx, actor.member);
      });
    },

    /** Signs this device out: the session it came with stops working. */
    async signOut(actor: Actor, workshopId: string): Promise<void> {
      authorize(actor, 'workshop.read', workshopId);
      if (actor.credentialId) await store.credentials.revoke(workshopId, actor.credentialId, now().toISOString());
    },

    async visit(actor: Actor, workshopId: string): Promise<VisitDto> {
      authorize(actor, 'workshop.read', workshopId);
      const at = now().toISOString();
      return { previousVisitAt: await store.workshops.visit(workshopId, actor.member.id, at), at };
    },

    /**
     * The workshops these sessions belong to (one per workshop cookie, or a bearer token), with
     * what changed since each member's last visit, counted from stored records (no document loads).
     */
    async mine(tokens: Iterable<string>, signedIn: readonly MemberRecord[] = []): Promise<MyWorkshopDto[]> {
      const found: MyWorkshopDto[] = [];
      // One entry per workshop: this browser's session first, else the signed-in person's member (sign-in).
      const byWorkshop = new Map<string, { member: MemberRecord; viaSignIn: boolean }>();
      for (const token of tokens) {
        const s = await deps.sessions.resolve(token);
        if (s) byWorkshop.set(s.member.workshopId, { member: s.member, viaSignIn: false });
      }
      for (const member of signedIn) if (!byWorkshop.has(member.workshopId)) byWorkshop.set(member.workshopId, { member, viaSignIn: true });
      for (const { member: m, viaSignIn } of byWorkshop.values()) {
        const [workshop, orgs] = await Promise.all([store.workshops.get(m.workshopId), store.workshops.organisations(m.workshopId)]);
        if (!workshop) continue;
        const since = m.lastVisitAt ?? '';
        const [audit, edits] = await Promise.all([store.audit.countSince(m.workshopId, since, m.id), store.edits.countSince(m.workshopId, since, m.id)]);
        found.push({
          id: workshop.id,
          title: workshop.title,
          language: workshop.language,
          member: await memberDto(store, m),
          organisationName: orgs.find((o) => o.id === m.organisationId)?.name ?? null,
          lastVisitAt: m.lastVisitAt,
          changesSinceLastVisit: audit + edits,
          ...(viaSignIn ? { viaSignIn } : {}),
        });
      }
      return found.sort((a, b) => (b.lastVisitAt ?? '').localeCompare(a.lastVisitAt ?? '') || a.title.localeCompare(b.title));
    },
  };
}
