import { describe, expect, it } from 'vitest';
import { breakdownTable, categoryOf, summarise, type CpuProfile } from '../bench/lib/profile-summary.js';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe("bench:sync's profile breakdown", () => {
  it('sorts sampled functions into the kinds of work a relay does', () => {
    expect(categoryOf(frame('(idle)'))).toBeNull();
    expect(categoryOf(frame('(garbage collector)'))).toBe('GC');
    expect(categoryOf(frame('writeBuffer'))).toBe('socket writes');
    expect(categoryOf(frame('writev'))).toBe('socket writes');
    // A JS function that happens to be called writev is not the native write.
    expect(categoryOf(frame('writev', 'node:internal/stream_base_commons'))).toBe('relay');
    expect(categoryOf(frame('insert', 'file:///x/dist/app/server/store/sqlite/sqlite-docs.js'))).toBe('storage');
    expect(categoryOf(frame('sqliteTransaction', 'file:///x/node_modules/better-sqlite3/lib/methods/transaction.js'))).toBe('storage');
    expect(categoryOf(frame('integrate', 'file:///x/node_modules/yjs/dist/yjs.mjs'))).toBe('Yjs');
    expect(categoryOf(frame('emit', 'file:///x/node_modules/lib0/observable.js'))).toBe('Yjs');
    expect(categoryOf(frame('touchedEntries', 'file:///x/dist/app/server/sync/touched.js'))).toBe('checks');
    expect(categoryOf(frame('readElement', 'file:///x/dist/app/shared/board/schema.js'))).toBe('checks');
    expect(categoryOf(frame('commit', 'file:///x/dist/app/server/sync/room.js'))).toBe('relay');
    expect(categoryOf(frame('updateHandler', 'file:///x/node_modules/@y/websocket-server/src/utils.js'))).toBe('relay');
    expect(categoryOf(frame('startLoop', 'file:///x/node_modules/ws/lib/receiver.js'))).toBe('relay');
    expect(categoryOf(frame('(program)'))).toBe('other');
    expect(categoryOf(frame('observe', 'file:///x/node_modules/prom-client/lib/histogram.js'))).toBe('other');
  });

  it("gives each kind its share of the window's wall time, leaving out samples outside it", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)') },
        { id: 2, callFrame: frame('writeBuffer') },
        { id: 3, callFrame: frame('(garbage collector)') },
        { id: 4, callFrame: frame('integrate', 'file:///x/node_modules/yjs/dist/yjs.mjs') },
      ],
      startTime: 1_000,
      endTime: 2_100,
      // Samples at 1100, 1200, …, 2000: each stands for the 100 µs until the next.
      samples: [4, 2, 2, 1, 1, 1, 3, 1, 1, 1, 1],
      timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    };
    // The window holds the samples at 1200..1900: writes 2, idle 3, GC 1, idle 2.
    const b = summarise(profile, 1_200, 2_000);
    expect(b.busyPct).toBe(37.5);
    expect(b.shares['socket writes']).toBe(25);
    expect(b.shares.GC).toBe(12.5);
    expect(b.shares.Yjs).toBe(0);
    expect(breakdownTable([{ config: 'c', server: 's', breakdown: b }]).split('\n')[2]).toBe('| c | s | 37.5 | 25 | 0 | 0 | 0 | 0 | 12.5 | 0 |');
  });
});
