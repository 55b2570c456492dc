/** Record → wire shapes. Token hashes never leave the server. */
import type { MemberDto, OrganisationDto } from '../../shared/api.js';
import type { Role } from '../../shared/api.js';
import { newId } from '../auth/tokens.js';
import type { MemberRecord, OrganisationRecord, RepresentativeRecord } from '../store/types.js';

/** A member record as made on create, join and import (credentials are separate: ../auth/sessions.ts). */
export const newMember = (workshopId: string, displayName: string, role: Role, organisationId: string | null, at: string): MemberRecord => ({
  id: newId(),
  workshopId,
  displayName,
  role,
  organisationId,
  createdAt: at,
  removedAt: null,
  lastVisitAt: null,
  mergedInto: null,
  invitedBy: null,
});

/** `rep`: the member's representative record, if they represent their organisation (issue #14). */
export const toMemberDto = (m: MemberRecord, rep: RepresentativeRecord | null): MemberDto => ({
  id: m.id,
  displayName: m.displayName,
  role: m.role,
  organisationId: m.organisationId,
  createdAt: m.createdAt,
  removedAt: m.removedAt,
  mergedInto: m.mergedInto,
  invitedBy: m.invitedBy,
  representative: rep !== null,
  representation: rep ? { namedBy: rep.namedBy, confirmation: rep.confirmation, at: rep.at } : null,
});

export const toOrganisationDto = (o: OrganisationRecord): OrganisationDto => ({ id: o.id, name: o.name, color: o.color, orgNumber: o.orgNumber ?? null });
