/**
 * Workshops, members and invites. Transports parse input and call these; every change is written
 * together with its audit entry in one transaction.
 */
import type { CreateInviteBody, CreateWorkshopBody, CreatedWorkshopDto, InviteDto, InvitePreviewDto, InviteSummaryDto, UpdateWorkshopBody, JoinBody, JoinedDto, MemberDto, OrganisationPatchBody, WorkshopDto } from '../../shared/api.js';
import { INVITE_DEFAULT_HOURS, Limits } from '../../shared/api.js';
import { DEFAULT_DECISION_RULE } from '../../shared/decisions.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import { visionTemplateUpdate } from '../../shared/vision/template.js';
import { authorize, type Actor } from '../auth/access.js';
import type { Sessions } from '../auth/sessions.js';
import { hashToken, newId, newToken, sameSecret } from '../auth/tokens.js';
import type { InviteRecord, MemberRecord, Store, WorkshopRecord } from '../store/types.js';
import { newMember, toOrganisationDto } from './dto.js';
import type { EventSink } from './ports.js';
import { memberDto, memberDtos, nameIfFirst } from './representation.js';

/** Implemented by the live transports: drop every connection and loaded document of a workshop. */
/** The first board's name, in the workshop's language (facilitators rename it and add others). */
const FIRST_BOARD_TITLE: Record<WorkshopRecord['language'], string> = { nn: 'Tavle 1', nb: 'Tavle 1', en: 'Board 1' };

export interface WorkshopEvictor {
  evictWorkshop(workshopId: string): Promise<void>;
  /** Drop one member's live connections so they come back with their new role. */
  evictMember?(workshopId: string, memberId: string, reason?: 'role_changed' | 'removed' | 'merged'): void | Promise<void>;
}

export interface WorkshopServiceDeps {
  store: Store;
  sessions: Sessions;
  createCode: string | null;
  evictors: WorkshopEvictor[];
  /** Reported to members with the workshop, so clients check before the server refuses. */
  limits: { visionMaxChars: number };
  /** Told when the decision rule changes (sockets see `settings.changed`). */
  sink?: EventSink;
  now?: () => Date;
}

const usedUp = () => new AppError(ErrorCode.inviteUsedUp, 410, 'This invite link has been used as many times as allowed.');

export type WorkshopService = ReturnType<typeof createWorkshopService>;
/** The request's member session of a workshop (cookie or bearer), if any. */
export type SessionLookup = (workshopId: string) => Promise<{ member: MemberRecord; token: string } | null>;

export function createWorkshopService(deps: WorkshopServiceDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();
  const knownInvite = async (token: string): Promise<InviteRecord> => {
    const invite = await store.workshops.inviteByTokenHash(hashToken(token));
    if (!invite) throw new AppError(ErrorCode.inviteUnknown, 404, 'This invite link is not known. Check that you copied all of it.');
    return invite;
  };
  /** The request's session of the invite's workshop, when it is the member this link makes (same organisation and role). */
  const sameMember = async (invite: InviteRecord, session: SessionLookup) => {
    const already = await session(invite.workshopId);
    return already && already.member.organisationId === invite.organisationId && already.member.role === invite.role ? already : null;
  };
  const previewOf = async (invite: InviteRecord, workshop: WorkshopRecord): Promise<InvitePreviewDto> => {
    const org = invite.organisationId ? (await store.workshops.organisations(invite.workshopId)).find((o) => o.id === invite.organisationId) : undefined;
    return { workshopTitle: workshop.title, language: workshop.language, organisation: org ? { id: org.id, name: org.name } : null, role: invite.role, expiresAt: invite.expiresAt };
  };
  const usable = (invite: InviteRecord): void => {
    if (invite.revokedAt) throw new AppError(ErrorCode.inviteRevoked, 410, 'This invite link has been revoked by a facilitator.');
    if (invite.expiresAt && Date.parse(invite.expiresAt) <= now().getTime()) throw new AppError(ErrorCode.inviteExpired, 410, 'This invite link has expired.');
  };

  return {

    async create(body: CreateWorkshopBody): Promise<CreatedWorkshopDto> {
      if (deps.createCode !== null && !sameSecret(body.createCode ?? '', deps.createCode)) {
        throw new AppError(ErrorCode.createCodeRequired, 403, 'Creating a workshop on this server needs the right creation code.');
      }
      if (body.organisationIndex !== undefined && body.organisationIndex >= body.organisations.length) {
        throw new AppError(ErrorCode.validationFailed, 400, 'organisationIndex: does not point into organisations', { field: 'organisationIndex' });
      }
      const at = now().toISOString();
      const workshop = { id: newId(), title: body.title, language: body.language ?? 'nn', decisionRule: DEFAULT_DECISION_RULE, createdAt: at, protectOrganisationContent: false };
      const orgs = body.organisations.map((o, position) => ({ id: newId(), workshopId: workshop.id, name: o.name, position, color: null, orgNumber: o.orgNumber ?? null }));
      const board = { id: newId(), workshopId: workshop.id, title: FIRST_BOARD_TITLE[workshop.language], createdAt: at, position: 0 };
      const member = newMember(workshop.id, body.displayName, 'facilitator', body.organisationIndex !== undefined ? orgs[body.organisationIndex]!.id : null, at);
      const { token, dto } = await store.transaction(async (tx) => {
        await tx.workshops.create(workshop, orgs, [board]);
        await tx.workshops.addMember(member);
        const secret = await deps.sessions.open(tx, member);
        await tx.docs.appendUpdate(formatRoom({ workshopId: workshop.id, part: { kind: 'vision' } }), visionTemplateUpdate(workshop.language));
        await tx.audit.append({ workshopId: workshop.id, at, actorId: member.id, type: 'workshop.created', data: { title: workshop.title, organisations: orgs.map((o) => o.name) } });
        // The creator is the first member of their organisation, so its representative.
        await nameIfFirst(tx, member, at, null);
        return { token: secret, dto: await memberDto(tx, member) };
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
    async addOrganisation(actor: Actor, workshopId: string, name: string, orgNumber: string | null = null): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      await store.transaction(async (tx) => {
        const orgs = await tx.workshops.organisations(workshopId);
        if (orgs.length >= Limits.organisationsMax) throw new AppError(ErrorCode.validationFailed, 400, `name: a workshop has at most ${Limits.organisationsMax} organisations`, { field: 'name' });
        if (orgs.some((o) => o.name.toLowerCase() === name.toLowerCase())) {
          throw new AppError(ErrorCode.validationFailed, 400, 'name: an organisation of this name is already in the workshop', { field: 'name' });
        }
        const org = { id: newId(), workshopId, name, position: Math.max(-1, ...orgs.map((o) => o.position)) + 1, color: null, orgNumber };
        await tx.workshops.addOrganisation(org);
        await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'organisation.added', data: { organisationId: org.id, name, ...(orgNumber ? { orgNumber } : {}) } });
      });
    },

    /** Colour and/or organisation number; each change is its own audit entry. */
    async updateOrganisation(actor: Actor, workshopId: string, organisationId: string, patch: OrganisationPatchBody): Promise<void> {
      authorize(actor, 'workshop.manage', workshopId);
      const at = now().toISOString();
      await store.transaction(async (tx) => {
        const missing = () => new AppError(ErrorCode.notFound, 404, 'No such organisation in this workshop.');
        if (patch.color !== undefined) {
          if (!(await tx.workshops.setOrganisationColor(workshopId, organisationId, patch.color))) throw missing();
          await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'organisation.color_set', data: { organisationId, color: patch.color } });
        }
        if (patch.orgNumber !== undefined) {
          if (!(await tx.workshops.setOrganisationNumber(workshopId, organisationId, patch.orgNumber))) throw missing();
          await tx.audit.append({ workshopId, at, actorId: actor.member.id, type: 'organisation.number_set', data: { organisationId, orgNumber: patch.orgNumber } });
        }
      });
    },

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
      return (await store.workshops.invites(workshopId)).map(({ id, role, organisationId, createdBy, createdAt, expiresAt, maxUses, uses, revokedAt }) => ({
        id, role, organisationId, createdBy, createdAt, expiresAt, maxUses, uses, revokedAt,
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
    async join(body: JoinBody, session: SessionLookup = async () => null): Promise<JoinedDto> {
      const invite = await knownInvite(body.inviteToken);
      // The same person again: a session of this workshop, as the member this link makes (same
      // organisation and role). Someone else's link in the same browser (a shared computer) joins anew.
      const already = await sameMember(invite, session);
      if (already) return { member: await memberDto(store, already.member), token: already.token, workshopId: invite.workshopId, existing: true };
      usable(invite);
      const at = now().toISOString();
      const member: MemberRecord = { ...newMember(invite.workshopId, body.displayName, invite.role, invite.organisationId, at), invitedBy: invite.createdBy };
      const { token, dto } = await store.transaction(async (tx) => {
        if (!(await tx.workshops.consumeInvite(invite.id))) throw usedUp();
        await tx.workshops.addMember(member);
        await tx.audit.append({ workshopId: invite.workshopId, at, actorId: member.id, type: 'member.joined', data: { inviteId: invite.id, role: member.role, organisationId: member.organisationId } });
        // Into an organisation with no representative: the first member represents it (issue #14).
        await nameIfFirst(tx, member, at, invite.createdBy);
        return { token: await deps.sessions.open(tx, member), dto: await memberDto(tx, member) };
      });
      return { member: dto, token, workshopId: invite.workshopId, existing: false };
    },

    /** What a link joins, for the join page: refused links say why before anyone types a name. */
    async preview(inviteToken: string, session: SessionLookup = async () => null): Promise<InvitePreviewDto> {
      const invite = await knownInvite(inviteToken);
      // Already this link's member in this browser: the join page goes straight to the workshop.
      const already = await sameMember(invite, session);
      if (already) {
        const workshop = await store.workshops.get(invite.workshopId);
        if (workshop) return { ...(await previewOf(invite, workshop)), you: { workshopId: invite.workshopId, memberId: already.member.id, displayName: already.member.displayName } };
      }
      usable(invite);
      if (invite.maxUses !== null && invite.uses >= invite.maxUses) throw usedUp();
      const workshop = await store.workshops.get(invite.workshopId);
      if (!workshop) throw new AppError(ErrorCode.inviteUnknown, 404, 'This invite link is not known. Check that you copied all of it.');
      return previewOf(invite, workshop);
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
