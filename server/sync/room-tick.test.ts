import { describe, expect, it } from 'vitest';
import { framesPerSecondAt, TickSchedule, type TickPolicy } from './room-tick.js';

describe('A room tick rate that follows the load', () => {
  const policy: TickPolicy = { framesPerSecond: 5_000, quietFramesPerSecond: 20_000, maxMs: 50 };

  it('is the quiet rate on a quiet process, the busy rate on a busy one, and between the two in between', () => {
    expect(framesPerSecondAt(policy, 0)).toBe(20_000);
    expect(framesPerSecondAt(policy, 0.3)).toBe(20_000);
    expect(framesPerSecondAt(policy, 0.5)).toBeCloseTo(10_000, 5);
    expect(framesPerSecondAt(policy, 0.7)).toBeCloseTo(5_000, 5);
    expect(framesPerSecondAt(policy, 1)).toBeCloseTo(5_000, 5);
    expect(framesPerSecondAt({ framesPerSecond: 5_000, maxMs: 50 }, 0)).toBe(5_000);
  });

  it('spaces a busy room’s ticks by its connections over the rate at the current load', () => {
    let load = 0;
    const schedule = new TickSchedule({ ...policy, load: () => load }, () => 100, () => undefined);
    // Spend the burst, then the next tick is one interval away: 100 peers / 20,000 per s = 5 ms.
    for (let i = 0; i < 3; i++) schedule.spent(performance.now());
    expect(schedule.ready()).toBe(false);
    expect(schedule.nextAt() - performance.now()).toBeGreaterThan(4);
    expect(schedule.nextAt() - performance.now()).toBeLessThanOrEqual(5);
    // Busy: 100 / 5,000 per s = 20 ms.
    load = 0.9;
    expect(schedule.nextAt() - performance.now()).toBeGreaterThan(15);
    expect(schedule.nextAt() - performance.now()).toBeLessThanOrEqual(20);
  });
});
