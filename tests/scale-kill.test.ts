/**
 * Two instances (child processes) on PostgreSQL + Redis; kill -9 one in the middle of an edit
 * stream. Its client reconnects to the other instance; nothing that was relayed is lost, and the
 * writer's unsent edits arrive after the reconnect. Needs PostgreSQL and Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixture } from './helpers/api.js';
import { killAllChildren, startChild } from './helpers/child-server.js';
import { absentServices, createTestDatabase, pgUnreachable, redisUnreachable, redisUrl, testPrefix } from './helpers/services.js';
import { provider, synced, until } from './helpers/sync.js';

const skip = absentServices([
  ['PostgreSQL', await pgUnreachable()],
  ['Redis', await redisUnreachable()],
]);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  killAllChildren();
  for (const c of cleanups) await c();
});

describe.skipIf(skip)('kill -9 of one instance', () => {
  it('moves its clients to the other instance without losing anything relayed', async () => {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    const dir = mkdtempSync(path.join(tmpdir(), 'samskap-kill-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testPrefix(), SESSION_SECRET: 'k'.repeat(40), DATA_DIR: dir };
    const one = await startChild(env);
    const two = await startChild(env);
    const f = await fixture(one.base);

    const writerDoc = new Y.Doc();
    const writer = provider(one.wsBase, f.board, f.participantA, writerDoc);
    const reader = provider(two.wsBase, f.board, f.participantB);
    await Promise.all([synced(writer), synced(reader)]);
    const items = writerDoc.getArray<string>('items');
    let n = 0;
    const stream = setInterval(() => items.push([`w-${n++}`]), 2);
    await until(() => reader.doc.getArray('items').length >= 100, 10_000, 'edits across instances');
    one.proc.kill('SIGKILL');
    await one.exited;
    const seenByReader = new Set(reader.doc.getArray<string>('items').toArray());
    // Its client reconnects to the surviving instance with the same document and keeps writing.
    writer.destroy();
    const moved = provider(two.wsBase, f.board, f.participantA, writerDoc);
    await synced(moved);
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(stream);
    const total = n;
    await until(() => reader.doc.getArray('items').length === total, 10_000, 'every edit, including those unsent at the kill');
    const final = new Set(reader.doc.getArray<string>('items').toArray());
    expect([...seenByReader].filter((x) => !final.has(x))).toEqual([]);
    const fresh = provider(two.wsBase, f.board, f.observer);
    await synced(fresh);
    expect(fresh.doc.getArray('items').length).toBe(total);
    console.log(`instance kill: ${total} edits, ${seenByReader.size} relayed before the kill, all ${total} present after the move`);
    [moved, reader, fresh].forEach((p) => p.destroy());
    two.proc.kill('SIGTERM');
    await two.exited;
  }, 60_000);
});
