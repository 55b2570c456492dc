/**
 * Workshops, members and invites. Transports parse input and call these; every change is written
 * together with its audit entry in one transaction.
 */
import type { CreateInviteBody, CreateWorkshopBody, CreatedWorkshopDto, InviteDto, InviteSummaryDto, UpdateWorkshopBody, JoinBody, JoinedDto, MemberDto, WorkshopDto } from '../../shared/api.js';
import { INVITE_DEFAULT_HOURS, Limits, type Role } from '../../shared/api.js';
import { DEFAULT_DECISION_RULE } from '../../shared/decisions.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import { visionTemplateUpdate } from '../../shared/vision/template.js';
import { authorize, type Actor } from '../auth/access.js';
import { hashToken, newId, newToken, sameSecret } from '../auth/tokens.js';
import type { MemberRecord, Store } from '../store/types.js';
import { toOrganisationDto } from './dto.js';
import type { EventSink } from './ports.js';
import { afterRoleChange, applyRepresentative, memberDto, memberDtos, nameIfFirst, type SetRepresentativeOptions } from './representation.js';

/** Implemented by the live transports: drop every connection and loaded document of a workshop. */
export interface WorkshopEvictor {
  evictWorkshop(workshopId: string): Promise<void>;
  /** Drop one member's live connections so they come back with their new role. */
  evictMember?(workshopId: string, memberId: string): void | Promise<void>;
}

export interface WorkshopServiceDeps {
  store: Store;
  createCode: string | null;
  evictors: WorkshopEvictor[];
  /** Reported to members with the workshop, so clients check before the server refuses. */
  limits: { visionMaxChars: number };
  /** Told when the decision rule changes (sockets see `settings.changed`). */
  sink?: EventSink;
  now?: () => Date;
}

export type WorkshopService = ReturnType<typeof createWorkshopService>;

/** What `PATCH …/members/:memberId` changes (shared/api.ts `PatchMemberBody`), plus the sign-in claim seam. */
export interface MemberPatch extends SetRepresentativeOptions {
  role?: Role;
  representative?: boolean;
}

export function createWorkshopService(deps: WorkshopServiceDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();

  /**
   * `PATCH …/members/:memberId`: the role (facilitators) and/or representation (issue #14,
   * ./representation.ts), in one transaction, so a refused part changes nothing. Every member whose
   * record changed is broadcast as `member.changed`; a changed role also drops the member's live
   * connections, so they come back with it.
   */
  async function patchMember(actor: Actor, workshopId: string, memberId: string, patch: MemberPatch): Promise<MemberDto> {
    authorize(actor, patch.role !== undefined ? 'workshop.manage' : 'workshop.read', workshopId);
    const at = now().toISOString();
    const r = await store.transaction(async (tx) => {
      // The event number first, as every decision takes it: the same lock order everywhere.
      const seq = await tx.facilitation.nextSeq(workshopId);
      const members = await tx.workshops.members(workshopId);
      let m = members.find((x) => x.id === memberId);
      if (!m) throw new AppError(ErrorCode.notFound, 404, 'memberId: no such member in this workshop.', { field: 'memberId' });
      const affected: MemberRecord[] = [];
      const role = patch.role;
      const roleChanged = role !== undefined && role !== m.role;
      if (roleChanged) {
        if (m.role === 'facilitator' && !members.some((x) => x.role === 'facilitator' && x.id !== m!.id)) {
          throw new AppError(ErrorCode.conflict, 409, 'A workshop needs at least one facilitator: make someone else facilitator first.');
        }
        await tx.workshops.setRole(workshopId, memberId, role);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'member.role_changed', data: { memberId, from: m.role, to: role } });
        const from = m.role;
        m = { ...m, role };
        // An observer never represents; a member who stops being one may be their organisation's first.
        const passedTo = await afterRoleChange(tx, m, from, at);
        affected.push(m, ...(passedTo ? [passedTo] : []));
      }
      if (patch.representative !== undefined && (await applyRepresentative(tx, actor, m, patch.representative, patch, at)) && !affected.includes(m)) affected.push(m);
      const dtos = await memberDtos(tx, workshopId, affected.length ? affected : [m]);
      return { seq, dto: dtos[0]!, changed: affected.length ? dtos : [], roleChanged };
    });
    if (r.roleChanged) for (const e of deps.evictors) await e.evictMember?.(workshopId, memberId);
    for (const member of r.changed) deps.sink?.broadcast(workshopId, 'member.changed', { seq: r.seq, member });
    return r.dto;
  }

  return {
    patchMember,
    /** Names or un-names a representative (issue #14; ./representation.ts). */
    setRepresentative: (actor: Actor, workshopId: string, memberId: string, representative: boolean, opts: SetRepresentativeOptions = {}) =>
      patchMember(actor, workshopId, memberId, { ...opts, representative }),

    async create(body: CreateWorkshopBody): Promise<CreatedWorkshopDto> {
      if (deps.createCode !== null && !sameSecret(body.createCode ?? '', deps.createCode)) {
        throw new AppError(ErrorCode.createCodeRequired, 403, 'Creating a workshop on this server needs the right creation code.');
      }
      if (body.organisationIndex !== undefined && body.organisationIndex >= body.organisations.length) {
        throw new AppError(ErrorCode.validationFailed, 400, 'organisationIndex: does not point into organisations', { field: 'organisationIndex' });
      }
      const at = now().toISOString();
      const workshop = { id: newId(), title: body.title, language: body.language ?? 'nn', decisionRule: DEFAULT_DECISION_RULE, createdAt: at, protectOrganisationContent: false };
      const orgs = body.organisations.map((o, position) => ({ id: newId(), workshopId: workshop.id, name: o.name, position, color: null }));
      const board = { id: newId(), workshopId: workshop.id, title: 'Board', createdAt: at };
      const token = newToken();
      const member: MemberRecord = {
        id: newId(),
        workshopId: workshop.id,
        displayName: body.displayName,
        role: 'facilitator',
        organisationId: body.organisationIndex !== undefined ? orgs[body.organisationIndex]!.id : null,
        tokenHash: hashToken(token),
        createdAt: at,
      };
      const dto = await store.transaction(async (tx) => {
        await tx.workshops.create(workshop, orgs, [board]);
        await tx.workshops.addMember(member);
        await tx.docs.appendUpdate(formatRoom({ workshopId: workshop.id, part: { kind: 'vision' } }), visionTemplateUpdate(workshop.language));
        await tx.audit.append({ workshopId: workshop.id, at, actorId: member.id, type: 'workshop.created', data: { title: workshop.title, organisations: orgs.map((o) => o.name) } });
        // The creator is the first member of their organisation, so its representative.
        await nameIfFirst(tx, member, at, null);
        return memberDto(tx, member);
      });
      return { id: workshop.id, title: workshop.title, organisations: orgs.map(toOrganisationDto), token, member: dto };
    },

    async get(actor: Actor, workshopId: string): Promise<WorkshopDto> {
      authorize(actor, 'workshop.read', workshopId);
      const workshop = await store.workshops.get(workshopId);
      if (!workshop) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop.');
      const [orgs, boards] = await Promise.all([store.workshops.organisations(workshopId), store.workshops.boards(workshopId)]);
      const boardDtos = boards.map((b) => ({ id: b.id, title: b.title, room: formatRoom({ workshopId, part: { kind: 'board', boardId: b.id } }) }));
      return {
        ...workshop,
        protectOrganisationContent: workshop.protectOrganisationContent ?? false,
        organisations: orgs.map(toOrganisationDto),
        boards: boardDtos,
        rooms: [formatRoom({ workshopId, part: { kind: 'vision' } }), formatRoom({ workshopId, part: { kind: 'charter' } }), ...boardDtos.map((b) => b.room)],
        me: await memberDto(store, actor.member),
        limits: deps.limits,
      };
    },

    async update(actor: Actor, workshopId: string, body: UpdateWorkshopBody): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      const settings = body.decisionRule !== undefined || body.protectOrganisationContent !== undefined;
      const changed = await store.transaction(async (tx) => {
        // The event number first, as every decision takes it: the same lock order everywhere.
        const n = settings ? await tx.facilitation.nextSeq(workshopId) : null;
        await tx.workshops.update(workshopId, body);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'workshop.updated', data: { ...body } });
        return n === null ? null : { seq: n, workshop: await tx.workshops.get(workshopId) };
      });
      // Every setting in each event: a client that missed one catches up with the next.
      if (changed?.workshop) {
        const w = changed.workshop;
        deps.sink?.broadcast(workshopId, 'settings.changed', { seq: changed.seq, decisionRule: w.decisionRule, protectOrganisationContent: w.protectOrganisationContent ?? false });
      }
    },

    /** A partner who joins later is added as an organisation of its own ("utvidelse og samskaping"). */
    async addOrganisation(actor: Actor, workshopId: string, name: string): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      await store.transaction(async (tx) => {
        const orgs = await tx.workshops.organisations(workshopId);
        if (orgs.length >= Limits.organisationsMax) throw new AppError(ErrorCode.validationFailed, 400, `name: a workshop has at most ${Limits.organisationsMax} organisations`, { field: 'name' });
        if (orgs.some((o) => o.name.toLowerCase() === name.toLowerCase())) {
          throw new AppError(ErrorCode.validationFailed, 400, 'name: an organisation of this name is already in the workshop', { field: 'name' });
        }
        const org = { id: newId(), workshopId, name, position: Math.max(-1, ...orgs.map((o) => o.position)) + 1, color: null };
        await tx.workshops.addOrganisation(org);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'organisation.added', data: { organisationId: org.id, name } });
      });
    },

    async setOrganisationColor(actor: Actor, workshopId: string, organisationId: string, color: string | null): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      await store.transaction(async (tx) => {
        if (!(await tx.workshops.setOrganisationColor(workshopId, organisationId, color))) throw new AppError(ErrorCode.notFound, 404, 'No such organisation in this workshop.');
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'organisation.color_set', data: { organisationId, color } });
      });
    },

    /** A facilitator changes a member's role; a workshop always keeps at least one facilitator. */
    changeRole: (actor: Actor, workshopId: string, memberId: string, role: Role) => patchMember(actor, workshopId, memberId, { role }),

    async members(actor: Actor, workshopId: string): Promise<MemberDto[]> {
      authorize(actor, 'members.read', workshopId);
      return memberDtos(store, workshopId);
    },

    async createInvite(actor: Actor, workshopId: string, body: CreateInviteBody, linkBase: string): Promise<InviteDto> {
      authorize(actor, 'invite.manage', workshopId);
      if (body.organisationId !== undefined) {
        const orgs = await store.workshops.organisations(workshopId);
        if (!orgs.some((o) => o.id === body.organisationId)) {
          throw new AppError(ErrorCode.validationFailed, 400, 'organisationId: not an organisation of this workshop', { field: 'organisationId' });
        }
      }
      const at = now();
      const token = newToken();
      const hours = body.expiresInHours === undefined ? INVITE_DEFAULT_HOURS : body.expiresInHours;
      const invite = {
        id: newId(),
        workshopId,
        role: body.role,
        organisationId: body.organisationId ?? null,
        tokenHash: hashToken(token),
        createdBy: actor.member.id,
        createdAt: at.toISOString(),
        expiresAt: hours === null ? null : new Date(at.getTime() + hours * 3_600_000).toISOString(),
        maxUses: body.maxUses ?? null,
        uses: 0,
        revokedAt: null,
      };
      await store.transaction(async (tx) => {
        await tx.workshops.addInvite(invite);
        await tx.audit.append({ workshopId, at: invite.createdAt, actorId: actor.member.id, type: 'invite.created', data: { inviteId: invite.id, role: invite.role, organisationId: invite.organisationId } });
      });
      const { id, role, organisationId, expiresAt, maxUses } = invite;
      return { id, token, link: `${linkBase}/join/${token}`, role, organisationId, expiresAt, maxUses };
    },

    /** Invites without their tokens (only hashes are stored, so a lost link cannot be shown again). */
    async invites(actor: Actor, workshopId: string): Promise<InviteSummaryDto[]> {
      authorize(actor, 'invite.manage', workshopId);
      return (await store.workshops.invites(workshopId)).map(({ id, role, organisationId, createdAt, expiresAt, maxUses, uses, revokedAt }) => ({
        id, role, organisationId, createdAt, expiresAt, maxUses, uses, revokedAt,
      }));
    },

    async revokeInvite(actor: Actor, workshopId: string, inviteId: string): Promise<void> {
      authorize(actor, 'invite.manage', workshopId);
      const at = now().toISOString();
      await store.transaction(async (tx) => {
        if (!(await tx.workshops.revokeInvite(workshopId, inviteId, at))) throw new AppError(ErrorCode.notFound, 404, 'No such invite.');
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'invite.revoked', data: { inviteId } });
      });
    },

    /**
     * `session(workshopId)`: the member whose valid session of that workshop came with the request,
     * if any. When that member is what the link makes (same organisation and role), the person is let
     * back in as themselves (whatever became of the link): nothing is created, no use is counted.
     */
    async join(body: JoinBody, session: (workshopId: string) => Promise<{ member: MemberRecord; token: string } | null> = async () => null): Promise<JoinedDto> {
      const invite = await store.workshops.inviteByTokenHash(hashToken(body.inviteToken));
      if (!invite) throw new AppError(ErrorCode.inviteUnknown, 404, 'This invite link is not known. Check that you copied all of it.');
      // The same person again: a session of this workshop, as the member this link makes (same
      // organisation and role). Someone else's link in the same browser (a shared computer) joins anew.
      const already = await session(invite.workshopId);
      if (already && already.member.organisationId === invite.organisationId && already.member.role === invite.role) return { member: await memberDto(store, already.member), token: already.token, workshopId: invite.workshopId, existing: true };
      if (invite.revokedAt) throw new AppError(ErrorCode.inviteRevoked, 410, 'This invite link has been revoked by a facilitator.');
      if (invite.expiresAt && Date.parse(invite.expiresAt) <= now().getTime()) throw new AppError(ErrorCode.inviteExpired, 410, 'This invite link has expired.');
      const token = newToken();
      const at = now().toISOString();
      const member: MemberRecord = {
        id: newId(),
        workshopId: invite.workshopId,
        displayName: body.displayName,
        role: invite.role,
        organisationId: invite.organisationId,
        tokenHash: hashToken(token),
        createdAt: at,
      };
      const dto = await store.transaction(async (tx) => {
        if (!(await tx.workshops.consumeInvite(invite.id))) throw new AppError(ErrorCode.inviteUsedUp, 410, 'This invite link has been used as many times as allowed.');
        await tx.workshops.addMember(member);
        await tx.audit.append({ workshopId: invite.workshopId, at, actorId: member.id, type: 'member.joined', data: { inviteId: invite.id, role: member.role, organisationId: member.organisationId } });
        // Into an organisation with no representative: the first member represents it (issue #14).
        await nameIfFirst(tx, member, at, invite.createdBy);
        return memberDto(tx, member);
      });
      return { member: dto, token, workshopId: invite.workshopId, existing: false };
    },

    /** GDPR: the workshop and every document, update and record of it. */
    async delete(actor: Actor, workshopId: string): Promise<void> {
      authorize(actor, 'workshop.delete', workshopId);
      // Evict first so no live room writes again after the delete.
      for (const e of deps.evictors) await e.evictWorkshop(workshopId);
      await store.transaction(async (tx) => {
        await tx.docs.deletePrefix(`${workshopId}/`);
        await tx.workshops.delete(workshopId);
      });
    },
  };
}
