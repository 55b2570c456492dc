/**
 * Signed-in people in workshops (issue #14). A person who opens an invite joins as themselves:
 * the organisation comes from the invite, and when the provider states an organisation number
 * that differs from the invite organisation's, nothing is created. A person who already is a
 * member of the workshop gets a new session (a credential of its own) for that member, never a
 * second member; a removed member is not let back in.
 */
import { Limits } from '../../shared/api.js';
import { nameIfFirst } from './representation.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { SignedIn } from '../auth/oidc-client.js';
import type { Sessions } from '../auth/sessions.js';
import { hashToken, newId } from '../auth/tokens.js';
import { newMember } from './dto.js';
import type { MemberRecord, PersonRecord, Store } from '../store/types.js';

export interface PersonJoinDeps {
  store: Store;
  sessions: Sessions;
  now: () => Date;
}

export interface PersonEntry {
  workshopId: string;
  member: MemberRecord;
  /** The new workshop session's secret (for the workshop cookie). */
  token: string;
  /** True when the person already was this member: nothing was created, no use counted. */
  existing: boolean;
}

export type PersonJoinService = ReturnType<typeof createPersonJoinService>;

/** The provider's name as a display name: no control characters, at most Limits.nameMax, "—" when empty. */
export function displayNameOf(name: string | null): string {
  const clean = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, Limits.nameMax).trim();
  return clean === '' ? '—' : clean;
}

const removed = () => new AppError(ErrorCode.forbidden, 403, 'A facilitator has removed you from this workshop.', { reason: 'member_removed' });

export function createPersonJoinService(deps: PersonJoinDeps) {
  const { store } = deps;

  /** A new credential of its own for the member: the person's other browsers stay signed in. */
  const openMemberSession = (member: MemberRecord): Promise<string> => store.transaction((tx) => deps.sessions.open(tx, member));

  /** The member the person is in a workshop, following merges; removed members are refused. */
  async function memberOf(workshopId: string, personId: string): Promise<MemberRecord | null> {
    let member = await store.persons.memberIn(workshopId, personId);
    for (let hops = 0; member?.mergedInto && hops < 10; hops++) member = await store.workshops.member(workshopId, member.mergedInto);
    if (member?.removedAt) throw removed();
    return member;
  }

  return {
    /** Records (or updates) the person a provider vouched for. */
    async signedIn(s: SignedIn): Promise<PersonRecord> {
      return store.persons.upsert({ id: newId(), issuer: s.issuer, subject: s.subject, displayName: displayNameOf(s.name), orgNumber: s.orgNumber, createdAt: deps.now().toISOString() });
    },

    /** `claimedOrg`: the organisation number the provider stated at this sign-in, if any. */
    async join(person: PersonRecord, claimedOrg: string | null, inviteToken: string): Promise<PersonEntry> {
      const invite = await store.workshops.inviteByTokenHash(hashToken(inviteToken));
      if (!invite) throw new AppError(ErrorCode.inviteUnknown, 404, 'This invite link is not known.');
      const already = await memberOf(invite.workshopId, person.id);
      if (already) return { workshopId: invite.workshopId, member: already, token: await openMemberSession(already), existing: true };
      if (invite.revokedAt) throw new AppError(ErrorCode.inviteRevoked, 410, 'This invite link has been revoked by a facilitator.');
      if (invite.expiresAt && Date.parse(invite.expiresAt) <= deps.now().getTime()) throw new AppError(ErrorCode.inviteExpired, 410, 'This invite link has expired.');
      if (claimedOrg !== null && invite.organisationId !== null) {
        const org = (await store.workshops.organisations(invite.workshopId)).find((o) => o.id === invite.organisationId);
        if (org?.orgNumber && org.orgNumber !== claimedOrg) {
          throw new AppError(ErrorCode.orgMismatch, 403, 'You signed in for another organisation than the one this invite is for.');
        }
      }
      const at = deps.now().toISOString();
      const member: MemberRecord = { ...newMember(invite.workshopId, person.displayName, invite.role, invite.organisationId, at), invitedBy: invite.createdBy };
      const made = await store.transaction(async (tx) => {
        // Two browsers of one person at once: the second finds the first's member.
        const raced = await tx.persons.memberIn(invite.workshopId, person.id);
        if (raced) return { member: raced, token: await deps.sessions.open(tx, raced), existing: true };
        if (!(await tx.workshops.consumeInvite(invite.id))) throw new AppError(ErrorCode.inviteUsedUp, 410, 'This invite link has been used as many times as allowed.');
        await tx.workshops.addMember(member);
        await tx.persons.linkMember(invite.workshopId, member.id, person.id);
        await tx.audit.append({ workshopId: invite.workshopId, at, actorId: member.id, type: 'member.joined', data: { inviteId: invite.id, role: member.role, organisationId: member.organisationId, signedIn: true } });
        // Into an organisation with no representative: the first member represents it.
        await nameIfFirst(tx, member, at, invite.createdBy);
        return { member, token: await deps.sessions.open(tx, member), existing: false };
      });
      return { workshopId: invite.workshopId, ...made };
    },

    /** `POST /api/me/workshops/:id/enter`: a session for the person's member in that workshop. */
    async enter(person: PersonRecord, workshopId: string): Promise<PersonEntry> {
      const member = await memberOf(workshopId, person.id);
      if (!member) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop, or you are not a member of it.');
      return { workshopId, member, token: await openMemberSession(member), existing: true };
    },

    /** The person's members across workshops (`GET /api/me/workshops`), without removed or merged-away records. */
    async memberships(person: PersonRecord): Promise<MemberRecord[]> {
      return (await store.persons.memberships(person.id)).filter((m) => !m.removedAt && !m.mergedInto);
    },
  };
}
