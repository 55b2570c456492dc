import { describe, expect, it } from 'vitest';
import { sinceMark } from './visit.js';

describe('since your last visit', () => {
  it("starts at the server's previous visit, or a later mark in this browser", () => {
    const known = { state: 'known', previousVisitAt: '2026-12-01T10:00:00.000Z' } as const;
    expect(sinceMark(known, null)).toBe('2026-12-01T10:00:00.000Z');
    expect(sinceMark(known, '2026-11-01T10:00:00.000Z')).toBe('2026-12-01T10:00:00.000Z');
    expect(sinceMark(known, '2026-12-02T10:00:00.000Z')).toBe('2026-12-02T10:00:00.000Z');
  });
  it('shows nothing on a first visit or while the visit is pending; falls back to the browser when unknown', () => {
    expect(sinceMark({ state: 'known', previousVisitAt: null }, '2026-12-02T10:00:00.000Z')).toBeNull();
    expect(sinceMark({ state: 'pending' }, null)).toBeUndefined();
    expect(sinceMark({ state: 'unknown' }, null)).toBe('fallback');
  });
});
