/**
 * Signed-in people in workshops (issue #14). A person who opens an invite joins as themselves:
 * the organisation comes from the invite, and when the provider states an organisation number
 * that differs from the invite organisation's, nothing is created. A person who already is a
 * member of the workshop gets a new session for that member, never a second member.
 */
import { Limits } from '../../shared/api.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import type { SignedIn } from '../auth/oidc-client.js';
import { hashToken, newId, newToken } from '../auth/tokens.js';
import type { MemberRecord, PersonRecord, Store } from '../store/types.js';

export interface PersonJoinDeps {
  store: Store;
  now: () => Date;
}

export interface PersonEntry {
  workshopId: string;
  member: MemberRecord;
  /** The new workshop session's token (for the workshop cookie). */
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

export function createPersonJoinService(deps: PersonJoinDeps) {
  const { store } = deps;

  /**
   * Opens a new session for a member and resolves with its token.
   * TODO(#14): with main's credentials this adds a credential instead of replacing the token,
   * so a person on two browsers stays signed in on both.
   */
  async function openMemberSession(memberId: string, _workshopId: string): Promise<string> {
    const token = newToken();
    await store.persons.replaceMemberToken(memberId, hashToken(token));
    return token;
  }

  return {
    openMemberSession,

    /** Records (or updates) the person a provider vouched for. */
    async signedIn(s: SignedIn): Promise<PersonRecord> {
      return store.persons.upsert({ id: newId(), issuer: s.issuer, subject: s.subject, displayName: displayNameOf(s.name), orgNumber: s.orgNumber, createdAt: deps.now().toISOString() });
    },

    /** `claimedOrg`: the organisation number the provider stated at this sign-in, if any. */
    async join(person: PersonRecord, claimedOrg: string | null, inviteToken: string): Promise<PersonEntry> {
      const invite = await store.workshops.inviteByTokenHash(hashToken(inviteToken));
      if (!invite) throw new AppError(ErrorCode.inviteUnknown, 404, 'This invite link is not known.');
      const already = await store.workshops.memberByPerson(invite.workshopId, person.id);
      if (already) return { workshopId: invite.workshopId, member: already, token: await openMemberSession(already.id, invite.workshopId), existing: true };
      if (invite.revokedAt) throw new AppError(ErrorCode.inviteRevoked, 410, 'This invite link has been revoked by a facilitator.');
      if (invite.expiresAt && Date.parse(invite.expiresAt) <= deps.now().getTime()) throw new AppError(ErrorCode.inviteExpired, 410, 'This invite link has expired.');
      if (claimedOrg !== null && invite.organisationId !== null) {
        const org = (await store.workshops.organisations(invite.workshopId)).find((o) => o.id === invite.organisationId);
        if (org?.orgNumber && org.orgNumber !== claimedOrg) {
          throw new AppError(ErrorCode.orgMismatch, 403, 'You signed in for another organisation than the one this invite is for.');
        }
      }
      const token = newToken();
      const at = deps.now().toISOString();
      const member: MemberRecord = {
        id: newId(),
        workshopId: invite.workshopId,
        displayName: person.displayName,
        role: invite.role,
        organisationId: invite.organisationId,
        tokenHash: hashToken(token),
        createdAt: at,
        personId: person.id,
      };
      const made = await store.transaction(async (tx) => {
        // Two browsers of one person at once: the second finds the first's member.
        const raced = await tx.workshops.memberByPerson(invite.workshopId, person.id);
        if (raced) return raced;
        if (!(await tx.workshops.consumeInvite(invite.id))) throw new AppError(ErrorCode.inviteUsedUp, 410, 'This invite link has been used as many times as allowed.');
        await tx.workshops.addMember(member);
        await tx.audit.append({ workshopId: invite.workshopId, at, actorId: member.id, type: 'member.joined', data: { inviteId: invite.id, role: member.role, organisationId: member.organisationId, signedIn: true } });
        return member;
      });
      if (made !== member) return { workshopId: invite.workshopId, member: made, token: await openMemberSession(made.id, invite.workshopId), existing: true };
      return { workshopId: invite.workshopId, member, token, existing: false };
    },

    /** `POST /api/me/workshops/:id/enter`: a session for the person's member in that workshop. */
    async enter(person: PersonRecord, workshopId: string): Promise<PersonEntry> {
      const member = await store.workshops.memberByPerson(workshopId, person.id);
      if (!member) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop, or you are not a member of it.');
      return { workshopId, member, token: await openMemberSession(member.id, workshopId), existing: true };
    },
  };
}
