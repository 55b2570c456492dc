/**
 * PostgreSQL restarted under a running Samskap: requests during the outage fail cleanly with 503,
 * writes are not relayed (relaying waits for the store), the pool reconnects, and nothing that was
 * relayed is lost. Uses a private cluster so the machine's server is not disturbed.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, PrivatePostgres } from './helpers/services.js';
import { provider, synced, until } from './helpers/sync.js';

const skip = absentServices([['PostgreSQL binaries', existsSync('/usr/lib/postgresql') ? null : 'not installed']]);

describe.skipIf(skip)('PostgreSQL outage', () => {
  let pg: PrivatePostgres;
  let s: TestServer;
  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    s = await startServer({ DATABASE_URL: pg.url, SESSION_SECRET: 'p'.repeat(40) });
  }, 60_000);
  afterAll(async () => {
    await s?.stop().catch(() => undefined);
    s?.cleanup();
    await pg?.destroy();
  });

  it('answers 503 while the database is down and recovers without losing relayed updates', async () => {
    const f = await fixture(s.base);
    const a = provider(s.wsBase, f.charter, f.participantA);
    const b = provider(s.wsBase, f.charter, f.participantB);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getArray<string>('items').push(['before']);
    await until(() => b.doc.getArray('items').length === 1);

    await pg.stop();
    const ready = await fetch(`${s.base}/readyz`);
    expect(ready.status).toBe(503);
    const r = await call<{ error: { code: string } }>(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.facilitator);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('storage_unavailable');
    // A write now cannot be stored, so it must not reach b.
    a.doc.getArray<string>('items').push(['during']);
    await new Promise((res) => setTimeout(res, 500));
    expect(b.doc.getArray('items').toArray()).toEqual(['before']);

    await pg.start();
    await until(async () => (await fetch(`${s.base}/readyz`)).status === 200, 15_000, 'ready again');
    // a's connection was closed (4500) and its provider resent the unsent update on reconnect.
    await until(() => b.doc.getArray('items').length === 2, 15_000, 'the write after the outage');
    expect(b.doc.getArray('items').toArray()).toEqual(['before', 'during']);
    const fresh = provider(s.wsBase, f.charter, f.observer);
    await synced(fresh);
    expect(fresh.doc.getArray('items').toArray()).toEqual(['before', 'during']);
    [a, b, fresh].forEach((p) => p.destroy());
  }, 60_000);
});
