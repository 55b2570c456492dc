import { describe, expect, it } from 'vitest';
import { pendingIsNewer } from './seen-pending.js';

const pending = { snapshot: 'AAEC', takenAt: '2026-12-04T10:00:00.000Z' };
const seen = (snapshot: string | null, at: string | null) => ({ snapshot, at, historyCompactedAt: null });

describe('pendingIsNewer', () => {
  it('sends a point the server did not get', () => {
    expect(pendingIsNewer(pending, seen('AAAA', '2026-12-04T09:00:00.000Z'))).toBe(true);
    expect(pendingIsNewer(pending, seen(null, null))).toBe(true);
  });
  it('forgets a point the server has, or one a later visit (another device) has overtaken', () => {
    expect(pendingIsNewer(pending, seen('AAEC', '2026-12-04T10:00:00.050Z'))).toBe(false);
    expect(pendingIsNewer(pending, seen('BBBB', '2026-12-04T11:00:00.000Z'))).toBe(false);
  });
});
