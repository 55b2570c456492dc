/** What an invite in `GET …/invites` can still do, from its stored facts. Pure: no DOM. */
import type { InviteSummaryDto } from '../../shared/api.js';

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up';

export function inviteStatus(invite: InviteSummaryDto, now: number = Date.now()): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt !== null && Date.parse(invite.expiresAt) <= now) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used_up';
  return 'active';
}

/** Active links first, then the rest; newest first within each. */
export function sortInvites(invites: InviteSummaryDto[], now: number = Date.now()): InviteSummaryDto[] {
  const rank = (i: InviteSummaryDto) => (inviteStatus(i, now) === 'active' ? 0 : 1);
  return [...invites].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}
