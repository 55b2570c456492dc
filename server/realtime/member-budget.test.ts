import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemberBudgets } from './member-budget.js';

describe('MemberBudgets', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('shares one bucket between a member’s sockets and keeps it until it would have refilled', () => {
    const budgets = new MemberBudgets({ perSecond: 2, burst: 4 });
    const a = budgets.acquire('m1');
    expect(budgets.acquire('m1')).toBe(a);
    expect(budgets.acquire('m2')).not.toBe(a);
    for (let i = 0; i < 4; i++) expect(a.take()).toBe(true);
    expect(a.take()).toBe(false);
    budgets.release('m1');
    budgets.release('m1');
    // Reconnecting at once finds the same spent bucket.
    expect(budgets.acquire('m1').take()).toBe(false);
    budgets.release('m1');
    vi.advanceTimersByTime(2000);
    expect(budgets.size).toBe(1); // m1 forgotten after burst / rate = 2 s; m2 still connected
    budgets.close();
  });
});
