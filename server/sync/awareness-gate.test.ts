import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwarenessGate, AWARENESS_MAX_STATE_BYTES } from './awareness-gate.js';
import { encodeAwarenessUpdate } from './protocol.js';
import { SyncStats } from './stats.js';

const update = (clock: number, size = 10) => encodeAwarenessUpdate([{ clientId: 7, clock, state: JSON.stringify({ pad: 'x'.repeat(size) }) }]);

describe('AwarenessGate', () => {
  let applied: Uint8Array[];
  let queries: number;
  let stats: SyncStats;
  let gate: AwarenessGate;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    applied = [];
    queries = 0;
    stats = new SyncStats();
    gate = new AwarenessGate({ apply: (u) => applied.push(u), query: () => queries++ }, stats);
  });
  afterEach(() => {
    gate.dispose();
    vi.useRealTimers();
  });

  it('lets 10 a second through, drops the rest but applies the newest once the second is over', () => {
    for (let clock = 1; clock <= 50; clock++) {
      gate.update(update(clock));
      vi.advanceTimersByTime(19);
    }
    // 50 × 19 ms = 950 ms: ten applied, the newest (50) held, 39 dropped.
    expect(applied).toHaveLength(10);
    expect(stats.awarenessDropped).toBe(39);
    vi.advanceTimersByTime(100);
    expect(applied).toHaveLength(11);
    expect(applied.at(-1)).toEqual(update(50));
  });

  it('drops a state over 8 KB unread, and nothing held survives dispose', () => {
    gate.update(update(1, AWARENESS_MAX_STATE_BYTES + 100));
    expect(applied).toHaveLength(0);
    expect(stats.awarenessDropped).toBe(1);
    gate.update(update(2, AWARENESS_MAX_STATE_BYTES - 100));
    expect(applied).toHaveLength(1);
    for (let clock = 3; clock < 20; clock++) gate.update(update(clock));
    gate.dispose();
    vi.advanceTimersByTime(2000);
    expect(applied).toHaveLength(10);
  });

  it('answers one query a second', () => {
    for (let i = 0; i < 20; i++) gate.query();
    expect(queries).toBe(1);
    expect(stats.awarenessQueriesDropped).toBe(19);
    vi.advanceTimersByTime(1000);
    gate.query();
    expect(queries).toBe(2);
  });

  it('throws for a malformed update it would hold (the connection closes with 4400), never later from a timer', () => {
    for (let clock = 1; clock <= 10; clock++) gate.update(update(clock));
    expect(() => gate.update(new Uint8Array([5, 1]))).toThrow();
  });
});
