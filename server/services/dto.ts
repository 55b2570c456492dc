/** Record → wire shapes. Token hashes never leave the server. */
import type { MemberDto, OrganisationDto } from '../../shared/api.js';
import type { MemberRecord, OrganisationRecord, RepresentativeRecord } from '../store/types.js';

/** `rep`: the member's representative record, if they represent their organisation (issue #14). */
export const toMemberDto = (m: MemberRecord, rep: RepresentativeRecord | null): MemberDto => ({
  id: m.id,
  displayName: m.displayName,
  role: m.role,
  organisationId: m.organisationId,
  createdAt: m.createdAt,
  representative: rep !== null,
  representation: rep ? { namedBy: rep.namedBy, confirmation: rep.confirmation, at: rep.at } : null,
});

export const toOrganisationDto = (o: OrganisationRecord): OrganisationDto => ({ id: o.id, name: o.name, color: o.color });
