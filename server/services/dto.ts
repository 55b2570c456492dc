/** Record → wire shapes. Token hashes never leave the server. */
import type { MemberDto, OrganisationDto } from '../../shared/api.js';
import type { MemberRecord, OrganisationRecord } from '../store/types.js';

export const toMemberDto = (m: MemberRecord): MemberDto => ({
  id: m.id,
  displayName: m.displayName,
  role: m.role,
  organisationId: m.organisationId,
  createdAt: m.createdAt,
});

export const toOrganisationDto = (o: OrganisationRecord): OrganisationDto => ({ id: o.id, name: o.name, color: o.color, orgNumber: o.orgNumber ?? null });
