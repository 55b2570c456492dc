import { describe, expect, it } from 'vitest';
import { timerAnnouncement } from './live-announcements.js';

const t = (remaining: number, running: boolean) => ({ remaining, running });

describe('timer announcements', () => {
  it('says start, pause, reset, one minute left and the end, and nothing while it ticks', () => {
    expect(timerAnnouncement(t(0, false), t(300_000, true))).toBe('started');
    expect(timerAnnouncement(t(120_000, true), t(300_000, true))).toBe('started');
    expect(timerAnnouncement(t(200_000, true), t(199_000, true))).toBeNull();
    expect(timerAnnouncement(t(200_000, true), t(199_000, false))).toBe('paused');
    expect(timerAnnouncement(t(61_000, true), t(60_000, true))).toBe('minute');
    expect(timerAnnouncement(t(1_000, true), t(0, true))).toBe('ended');
    expect(timerAnnouncement(t(50_000, false), t(0, false))).toBe('reset');
    expect(timerAnnouncement(t(0, false), t(0, false))).toBeNull();
  });
});
