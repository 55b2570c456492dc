import { describe, expect, it } from 'vitest';
import type { InviteSummaryDto } from '../../shared/api.js';
import { inviteStatus, sortInvites } from './invite-status.js';

const now = Date.parse('2026-12-04T12:00:00Z');
const invite = (patch: Partial<InviteSummaryDto>): InviteSummaryDto => ({
  id: 'i',
  role: 'participant',
  organisationId: null,
  createdBy: 'm',
  createdAt: '2026-12-01T00:00:00Z',
  expiresAt: null,
  maxUses: null,
  uses: 0,
  revokedAt: null,
  ...patch,
});

describe('invite status', () => {
  it('revoked wins over expired and used up', () => {
    expect(inviteStatus(invite({ revokedAt: '2026-12-02T00:00:00Z', expiresAt: '2026-12-03T00:00:00Z', maxUses: 1, uses: 1 }), now)).toBe('revoked');
  });
  it('expired at its expiry, used up at its last use, active otherwise', () => {
    expect(inviteStatus(invite({ expiresAt: '2026-12-04T12:00:00Z' }), now)).toBe('expired');
    expect(inviteStatus(invite({ maxUses: 2, uses: 2 }), now)).toBe('used_up');
    expect(inviteStatus(invite({ maxUses: 2, uses: 1, expiresAt: '2026-12-05T00:00:00Z' }), now)).toBe('active');
  });
  it('lists active links first, newest first', () => {
    const list = sortInvites(
      [invite({ id: 'old', createdAt: '2026-11-01T00:00:00Z' }), invite({ id: 'gone', revokedAt: '2026-12-02T00:00:00Z', createdAt: '2026-12-03T00:00:00Z' }), invite({ id: 'new', createdAt: '2026-12-02T00:00:00Z' })],
      now,
    );
    expect(list.map((i) => i.id)).toEqual(['new', 'old', 'gone']);
  });
});
