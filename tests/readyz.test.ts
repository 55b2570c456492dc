/**
 * `/readyz` fails (503 storage_unavailable) when the store cannot take writes. SQLite: too little
 * free space in the data directory (a threshold above what the disk really has) or a probe file
 * that cannot be written. PostgreSQL: a database that has become read-only (a write meanwhile
 * answers 503 too). `/healthz` (liveness) stays 200 meanwhile. The database at its size cap or
 * opened read-only: tests/sqlite-storage-faults.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirCheck } from '../server/store/data-dir-check.js';
import { call } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgAdminUrl, pgUnreachable } from './helpers/services.js';
import { until } from './helpers/sync.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);

const started: TestServer[] = [];
afterAll(async () => {
  for (const s of started) {
    await s.stop();
    s.cleanup();
  }
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startServer(env);
  started.push(s);
  return s;
}

const MB = 1024 * 1024;
const freeMb = (dir: string) => {
  const st = statfsSync(dir);
  return Math.floor((Number(st.bavail) * Number(st.bsize)) / MB);
};

describe('/readyz and the data directory (SQLite)', () => {
  it('is ready with room to spare', async () => {
    const s = await server();
    const r = await fetch(`${s.base}/readyz`);
    expect(r.status).toBe(200);
  });

  it('is not ready when the disk has less free space than READY_MIN_FREE_MB; /healthz stays 200', async () => {
    const s = await server({ READY_MIN_FREE_MB: String(freeMb(tmpdir()) + 1024) });
    const r = await fetch(`${s.base}/readyz`);
    expect(r.status).toBe(503);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('storage_unavailable');
    expect(body.error.message).toMatch(/nearly full/);
    expect(body.error.message).not.toContain(s.dataDir);
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
  });
});

describe.skipIf(noPostgres)('/readyz with PostgreSQL', () => {
  it('is not ready while the database is read-only, and ready again after', async () => {
    const db = await createTestDatabase();
    const name = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    try {
      const s = await server({ DATABASE_URL: db.url });
      expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
      // New sessions of this database (only) start read-only; its open sessions are ended.
      const reconnect = () => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      await reconnect();
      let last = { status: 0, message: '' };
      const readyz = async () => {
        const r = await fetch(`${s.base}/readyz`);
        last = { status: r.status, message: r.status === 200 ? '' : ((await r.json()) as { error: { message: string } }).error.message };
        return last;
      };
      await until(async () => (await readyz()).message.includes('read-only'), 10_000, '/readyz reporting a read-only database');
      expect(last.status).toBe(503);
      expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
      // A write meanwhile is refused as the database's state (503), not as a server bug (500).
      const write = await call<{ error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops', { title: 'T', organisations: [{ name: 'O' }], displayName: 'F' });
      expect(write.status).toBe(503);
      expect(write.body.error).toEqual({ code: 'storage_unavailable', message: expect.stringMatching(/read-only/) });
      await admin.query(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
      await reconnect();
      await until(async () => (await readyz()).status === 200, 10_000, '/readyz ready again');
      await s.stop();
    } finally {
      await admin.end();
      await db.drop();
    }
  }, 30_000);
});

describe('dataDirCheck', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samskap-ready-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on a writable directory with space, leaving no probe file behind', async () => {
    await expect(dataDirCheck({ dir, minFreeBytes: MB })()).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails when the file system reports a full disk', async () => {
    const check = dataDirCheck({ dir, minFreeBytes: 64 * MB, statfs: async () => ({ bavail: 10, bsize: 4096 }) });
    await expect(check()).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
  });

  it('fails when a file cannot be written there', async () => {
    const notADir = path.join(dir, 'file');
    writeFileSync(notADir, 'x');
    await expect(dataDirCheck({ dir: notADir, minFreeBytes: 0 })()).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
  });
});
