import { describe, expect, it } from 'vitest';
import { IDLE_TIMER, pauseTimer, remainingMs, resumeTimer, startTimer } from './timer.js';

describe('timer', () => {
  it('counts down from server time, pauses and resumes', () => {
    const t = startTimer(300, 1_000_000);
    expect(remainingMs(t, 1_000_000 + 100_000)).toBe(200_000);
    const paused = pauseTimer(t, 1_000_000 + 120_000);
    expect(remainingMs(paused, 9_999_999_999)).toBe(180_000);
    expect(pauseTimer(paused, 0)).toBe(paused);
    const resumed = resumeTimer(paused, 2_000_000);
    expect(remainingMs(resumed, 2_000_000 + 30_000)).toBe(150_000);
    expect(remainingMs(resumed, 9_000_000)).toBe(0);
    expect(resumeTimer(resumed, 0)).toBe(resumed);
    expect(remainingMs(IDLE_TIMER, 5)).toBe(0);
  });
});
