import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createLastEditRecorder } from './last-edits.js';

const W = 'wwwwwwwwwwwwwwww';
const edit = (key: string, memberId: string, at: string) => ({ room: 'charter', key, memberId, organisationId: null, at });

describe('Last-editor records off the sync path', () => {
  it('writes the newest edit of each entry together, once the delay is over or when flushed', async () => {
    const store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    await store.workshops.create({ id: W, title: 't', language: 'nn', decisionRule: 'consensus', createdAt: 'x', protectOrganisationContent: false }, [], []);
    const recorder = createLastEditRecorder({ store, log: createLogger('silent'), delayMs: 60_000 });
    recorder.record(W, [edit('a', 'm1', '2026-01-01T00:00:01Z')]);
    recorder.record(W, [edit('a', 'm2', '2026-01-01T00:00:02Z'), edit('b', 'm1', '2026-01-01T00:00:03Z')]);
    expect(await store.edits.list(W, null)).toEqual([]);
    await recorder.flush();
    const rows = await store.edits.list(W, null);
    expect(rows.map((r) => [r.key, r.memberId])).toEqual([
      ['a', 'm2'],
      ['b', 'm1'],
    ]);
    await store.close();
  });

  it('writes on its own after the delay', async () => {
    const store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    await store.workshops.create({ id: W, title: 't', language: 'nn', decisionRule: 'consensus', createdAt: 'x', protectOrganisationContent: false }, [], []);
    vi.useFakeTimers();
    try {
      const recorder = createLastEditRecorder({ store, log: createLogger('silent'), delayMs: 200 });
      recorder.record(W, [edit('a', 'm1', '2026-01-01T00:00:01Z')]);
      await vi.advanceTimersByTimeAsync(199);
      expect(await store.edits.list(W, null)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect((await store.edits.list(W, null)).map((r) => r.memberId)).toEqual(['m1']);
    } finally {
      vi.useRealTimers();
      await store.close();
    }
  });
});
