/**
 * SQLite when it cannot write (issue #18): a full disk and a read-only data directory. CI runs as
 * root, whom permissions do not stop, so both are made inside SQLite: a full disk is the database
 * at its size cap (SQLITE_MAX_SIZE_MB), filled to the cap by a second connection as another
 * program fills a disk, and emptied again to give the room back; a read-only data directory is the
 * database opened read-only. In both, writes are refused with a clear `storage_unavailable` (HTTP
 * 503, a socket ack, a transient close of the sync connection, never a final refusal), `/readyz`
 * answers 503 saying why, the clients keep their unsent changes and send them once the server can
 * write again, and nothing is half-written (`PRAGMA integrity_check`, and every stored update whole).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { call, fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { connected } from './helpers/socket.js';
import { provider, synced, until } from './helpers/sync.js';

const MB = 1024 * 1024;
const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'samskap-faults-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Another program filling the disk: a second connection to the same database file, capped like the
 * server's, grows a table of its own until not even one more byte fits. `free()` gives the pages
 * back (to the database's free list, where the server's writes find them).
 */
function fillToCap(file: string, maxBytes: number): { free(): void; close(): void } {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma(`max_page_count = ${Math.floor(maxBytes / (db.pragma('page_size', { simple: true }) as number))}`);
  db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)');
  const insert = db.prepare('INSERT INTO test_filler (b) VALUES (zeroblob(?))');
  for (const size of [64 * 1024, 4096, 256, 1]) {
    try {
      for (;;) insert.run(size);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_FULL') throw err;
    }
  }
  return { free: () => db.exec('DELETE FROM test_filler'), close: () => db.close() };
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** A real PNG of random pixels: it does not compress, so it takes its size in the database. */
function noisePng(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = randomBytes(side * (1 + 3 * side));
  for (let y = 0; y < side; y++) rows[y * (1 + 3 * side)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const upload = (s: TestServer, workshopId: string, token: string, body: Buffer) =>
  fetch(`${s.base}/api/workshops/${workshopId}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: new Uint8Array(body) });

async function readyz(s: TestServer): Promise<{ status: number; code?: string; message?: string }> {
  const r = await fetch(`${s.base}/readyz`);
  if (r.status === 200) return { status: 200 };
  const body = (await r.json()) as { error: { code: string; message: string } };
  return { status: r.status, ...body.error };
}

describe('the SQLite store at its size cap', () => {
  it('a group commit that does not fit is retried update by update: only the one that does not fit is refused', async () => {
    const file = path.join(newDir(), 'db.sqlite');
    const store = new SqliteStore({ filename: file, maxBytes: MB });
    await store.migrate();
    const filler = fillToCap(file, MB);
    try {
      // Same tick: one group commit. The small one fits the pages the log already has.
      const [big, small] = await Promise.allSettled([store.docs.appendUpdate('big', new Uint8Array(64 * 1024).fill(7)), store.docs.appendUpdate('small', new Uint8Array([1, 2, 3]))]);
      expect(big).toMatchObject({ status: 'rejected', reason: { code: 'storage_unavailable', status: 503, message: expect.stringMatching(/full/) } });
      expect(small.status).toBe('fulfilled');
      expect((await store.docs.load('small')).updates).toEqual([new Uint8Array([1, 2, 3])]);
      expect((await store.docs.load('big')).updates).toEqual([]);
    } finally {
      filler.close();
      await store.close();
    }
    expect(integrity(file)).toBe('ok');
  });

  it('a transaction the database rolled back (disk full) takes nothing with it, even when the caller goes on', async () => {
    const file = path.join(newDir(), 'db.sqlite');
    const store = new SqliteStore({ filename: file, maxBytes: MB });
    await store.migrate();
    const filler = fillToCap(file, MB);
    try {
      const tx = store.transaction(async (t) => {
        await t.docs.appendUpdate('r', new Uint8Array(64 * 1024)).catch(() => undefined);
        await t.docs.appendUpdate('r', new Uint8Array([9]));
      });
      await expect(tx).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
      expect((await store.docs.load('r')).updates).toEqual([]);
    } finally {
      filler.close();
      await store.close();
    }
  });
});

describe('a Samskap whose SQLite database is full', () => {
  it('refuses writes clearly, answers 503 on /readyz, keeps what clients have not sent, and recovers when space returns', async () => {
    const s = await startServer({ SQLITE_MAX_SIZE_MB: '2' });
    const file = path.join(s.dataDir, 'samskap.sqlite');
    const f = await fixture(s.base);
    const a = provider(s.wsBase, f.charter, f.participantA);
    const b = provider(s.wsBase, f.charter, f.participantB);
    const closes: number[] = [];
    a.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    await Promise.all([synced(a), synced(b)]);
    a.doc.getArray<string>('items').push(['before']);
    await until(() => b.doc.getArray('items').length === 1);
    expect(await readyz(s)).toEqual({ status: 200 });

    const filler = fillToCap(file, 2 * MB);
    try {
      const notReady = await readyz(s);
      expect(notReady).toMatchObject({ status: 503, code: 'storage_unavailable', message: expect.stringMatching(/full/) });
      expect((await fetch(`${s.base}/healthz`)).status).toBe(200);

      // An edit that needs room: not stored, so not relayed; the sender is closed with a
      // transient code (its provider reconnects and sends it again), never refused for good.
      const big = `stor-${'x'.repeat(20_000)}`;
      a.doc.getArray<string>('items').push([big]);
      await until(() => closes.length > 0, 5000, 'the sender closed');
      await new Promise((r) => setTimeout(r, 300));
      expect(b.doc.getArray('items').toArray()).toEqual(['before']);
      expect(a.doc.getArray('items').toArray()).toEqual(['before', big]);
      expect(closes.every((c) => c >= 4500 && c < 4600)).toBe(true);

      const refused = await upload(s, f.workshop.id, f.participantA, noisePng(200));
      expect(refused.status).toBe(503);
      expect(await refused.json()).toEqual({ error: { code: 'storage_unavailable', message: expect.stringMatching(/full/) } });
      // Reading goes on.
      expect((await call(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.facilitator)).status).toBe(200);
      expect(integrity(file)).toBe('ok');

      filler.free();
      await until(async () => (await readyz(s)).status === 200, 10_000, '/readyz ready again');
      await until(() => b.doc.getArray('items').length === 2, 10_000, 'the unsent edit, sent again');
      expect(b.doc.getArray('items').toArray()).toEqual(['before', big]);
      expect((await upload(s, f.workshop.id, f.participantA, noisePng(200))).status).toBe(201);
    } finally {
      filler.close();
    }
    const fresh = provider(s.wsBase, f.charter, f.observer);
    await synced(fresh);
    expect(fresh.doc.getArray('items').toArray()).toEqual(['before', a.doc.getArray('items').get(1)]);
    expect(closes.every((c) => c >= 4500 && c < 4600)).toBe(true);
    [a, b, fresh].forEach((p) => p.destroy());
    await s.stop();
    expect(integrity(file)).toBe('ok');
  }, 40_000);
});

describe('a Samskap whose SQLite database is read-only', () => {
  it('serves reads, refuses writes clearly, answers 503 on /readyz, and takes the unsent changes once writable again', async () => {
    const dir = newDir();
    const file = path.join(dir, 'samskap.sqlite');
    let s = await startServer({}, dir);
    const port = String(s.port);
    const f = await fixture(s.base);
    const a = provider(s.wsBase, f.charter, f.participantA);
    const closes: number[] = [];
    a.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    await synced(a);
    a.doc.getArray<string>('items').push(['before']);
    const reader = provider(s.wsBase, f.charter, f.participantB);
    await until(() => reader.doc.getArray('items').length === 1, 5000, 'the first edit stored and relayed');
    reader.destroy();
    await s.stop();

    // Restarted on the same port and data, the database opened read-only (as on a read-only mount).
    s = await startServer({ PORT: port }, dir, { store: new SqliteStore({ filename: file, readonly: true }) });
    try {
      a.doc.getArray<string>('items').push(['while read-only']);
      const b = provider(s.wsBase, f.charter, f.participantB);
      await synced(b);
      expect(b.doc.getArray('items').toArray()).toEqual(['before']);
      await until(() => closes.length > 1, 10_000, 'the writer closed by the read-only server');
      expect(b.doc.getArray('items').toArray()).toEqual(['before']);
      expect(closes.every((c) => c === 1001 || (c >= 4500 && c < 4600))).toBe(true);
      b.destroy();

      expect(await readyz(s)).toMatchObject({ status: 503, code: 'storage_unavailable', message: expect.stringMatching(/read-only/) });
      const board = await call<{ error: { code: string; message: string } }>(s.base, 'POST', `/api/workshops/${f.workshop.id}/boards`, { title: 'Ny tavle' }, f.facilitator);
      expect(board.status).toBe(503);
      expect(board.body.error).toEqual({ code: 'storage_unavailable', message: expect.stringMatching(/read-only/) });
      const fac = await connected(s.base, f.facilitator);
      expect(await fac.cmd('phase.set', { phase: 'Aktørkart' })).toMatchObject({ ok: false, error: { code: 'storage_unavailable', message: expect.stringMatching(/read-only/) } });
      fac.close();
      expect((await call(s.base, 'GET', `/api/workshops/${f.workshop.id}`, undefined, f.facilitator)).status).toBe(200);
    } finally {
      await s.stop();
    }
    expect(integrity(file)).toBe('ok');

    s = await startServer({ PORT: port }, dir);
    const seen = async () => {
      const p = provider(s.wsBase, f.charter, f.observer);
      await synced(p);
      p.destroy();
      return p.doc.getArray<string>('items').toArray();
    };
    await until(async () => (await seen()).length === 2, 10_000, 'the change made while read-only, sent once writable');
    expect(await seen()).toEqual(['before', 'while read-only']);
    a.destroy();
    await s.stop();
    s.cleanup();
  }, 40_000);
});
