/**
 * The audit chain's key pair lives in the store: made once, on first start, and shared by every
 * instance on one database (two stores, two servers; SQLite file and PostgreSQL). Every append
 * signs the head; entries from before signing stay as they are and the first signed head covers
 * them. `GET /api/audit-key` serves the public half, without signing in.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditKeyDto } from '../shared/audit.js';
import { auditHash, GENESIS_HASH, verifyAuditChain } from '../server/store/audit-hash.js';
import { keyFingerprint, verifyHead } from '../server/store/audit-sign.js';
import { PostgresStore } from '../server/store/postgres/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import type { Store } from '../server/store/types.js';
import { call, fixture } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samskap-audit-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = () => new Date().toISOString();

async function twoStoresShareOneKey(stores: Store[]): Promise<void> {
  await Promise.all(stores.map((s) => s.migrate()));
  const keys = await Promise.all(stores.map((s) => s.audit.publicKey()));
  expect(new Set(keys).size).toBe(1);
  expect(Buffer.from(keys[0]!, 'base64')).toHaveLength(32);
  await stores[0]!.workshops.create({ id: 'w1', title: 'T', language: 'nn', decisionRule: 'consensus', createdAt: at(), protectOrganisationContent: false }, [], []);
  // Appends from both instances, at once, into one chain: every head signed by the one key.
  await Promise.all(stores.flatMap((s, i) => [0, 1, 2].map((n) => s.audit.append({ workshopId: 'w1', at: at(), actorId: null, type: 'x', data: { i, n } }))));
  const list = await stores[1]!.audit.list('w1');
  expect(list).toHaveLength(3 * stores.length);
  expect(verifyAuditChain(list)).toEqual({ ok: true });
  for (const e of list) expect(verifyHead(keys[0]!, e, e.signature)).toBe(true);
  expect(await stores[0]!.audit.publicKey()).toBe(keys[0]);
}

async function twoServersShareOneKey(one: TestServer, two: TestServer): Promise<void> {
  const [a, b] = await Promise.all([call<AuditKeyDto>(one.base, 'GET', '/api/audit-key'), call<AuditKeyDto>(two.base, 'GET', '/api/audit-key')]);
  expect(a.status).toBe(200);
  expect(AuditKeyDto.parse(a.body)).toEqual(b.body);
  expect(a.body.algorithm).toBe('Ed25519');
  expect(a.body.fingerprint).toBe(keyFingerprint(a.body.publicKey));
  expect(a.body.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  // A workshop made on one instance reads as signed by that key on the other.
  const f = await fixture(one.base);
  const audit = (await call<{ signature: { signed: boolean; verified: boolean; publicKey: string; fingerprint: string } }>(two.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.observer)).body;
  expect(audit.signature).toEqual({ signed: true, verified: true, publicKey: a.body.publicKey, fingerprint: a.body.fingerprint });
}

describe('on one SQLite file', () => {
  it('two stores make one key and sign one chain with it', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const stores = [new SqliteStore({ filename: file }), new SqliteStore({ filename: file })];
    try {
      await twoStoresShareOneKey(stores);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('two servers on one data directory serve the same key at GET /api/audit-key', async () => {
    const data = mkdtempSync(path.join(dir, 'servers-'));
    const [one, two] = await Promise.all([startServer({}, data), startServer({}, data)]);
    try {
      await twoServersShareOneKey(one, two);
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  it('entries from before signing stay as they are; the next append signs a head that covers them', async () => {
    const data = mkdtempSync(path.join(dir, 'legacy-'));
    let s = await startServer({}, data);
    const f = await fixture(s.base);
    await s.stop();
    // As written by a version without signatures.
    const db = new Database(path.join(data, 'samskap.sqlite'));
    db.prepare('UPDATE audit SET signature = NULL').run();
    const before = db.prepare('SELECT seq, hash FROM audit WHERE workshop_id = ? ORDER BY seq').all(f.workshop.id);
    db.close();
    s = await startServer({}, data);
    try {
      type Audit = { entries: { seq: number; hash: string; signature?: string }[]; verification: { ok: boolean }; signature: { signed: boolean; verified: boolean } };
      const read = async () => (await call<Audit>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body;
      const unsigned = await read();
      expect(unsigned.verification.ok).toBe(true);
      expect(unsigned.signature).toMatchObject({ signed: false, verified: false });
      expect(unsigned.entries.every((e) => e.signature === undefined)).toBe(true);
      expect((await call(s.base, 'PATCH', `/api/workshops/${f.workshop.id}`, { title: 'Nytt namn' }, f.facilitator)).status).toBe(200);
      const signed = await read();
      expect(signed.verification.ok).toBe(true);
      expect(signed.signature).toMatchObject({ signed: true, verified: true });
      expect(signed.entries.slice(0, -1).map((e) => ({ seq: e.seq, hash: e.hash }))).toEqual(before);
      expect(signed.entries.slice(0, -1).every((e) => e.signature === undefined)).toBe(true);
      expect(signed.entries.at(-1)!.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    } finally {
      await s.stop();
    }
  });
  it('a chain rewritten in the database and re-hashed keeps its links but no longer shows as signed by this server', async () => {
    const data = mkdtempSync(path.join(dir, 'rehashed-'));
    let s = await startServer({}, data);
    const f = await fixture(s.base);
    await s.stop();
    const db = new Database(path.join(data, 'samskap.sqlite'));
    const rows = db.prepare('SELECT seq, workshop_id, at, actor_id, type, data FROM audit WHERE workshop_id = ? ORDER BY seq').all(f.workshop.id) as { seq: number; workshop_id: string; at: string; actor_id: string | null; type: string; data: string }[];
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const entry = { workshopId: r.workshop_id, at: r.at, actorId: r.actor_id, type: r.type, data: r.seq === 1 ? { invented: 'a decision nobody took' } : (JSON.parse(r.data) as Record<string, unknown>) };
      const hash = auditHash(prev, entry, r.seq);
      db.prepare('UPDATE audit SET data = ?, prev_hash = ?, hash = ? WHERE workshop_id = ? AND seq = ?').run(JSON.stringify(entry.data), prev, hash, r.workshop_id, r.seq);
      prev = hash;
    }
    db.close();
    s = await startServer({}, data);
    try {
      const audit = (await call<{ verification: { ok: boolean }; signature: { signed: boolean; verified: boolean } }>(s.base, 'GET', `/api/workshops/${f.workshop.id}/audit`, undefined, f.facilitator)).body;
      expect(audit.verification.ok).toBe(true);
      expect(audit.signature).toMatchObject({ signed: true, verified: false });
    } finally {
      await s.stop();
    }
  });
});

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);

describe.skipIf(noPostgres)('on one PostgreSQL database', () => {
  it('two stores starting at once make one key and sign one chain with it', async () => {
    const db = await createTestDatabase();
    const stores = [new PostgresStore({ connectionString: db.url }), new PostgresStore({ connectionString: db.url })];
    try {
      await twoStoresShareOneKey(stores);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('two servers starting at once serve the same key at GET /api/audit-key', async () => {
    const db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, SESSION_SECRET: 'x'.repeat(40) };
    const [one, two] = await Promise.all([startServer(env), startServer(env)]);
    try {
      await twoServersShareOneKey(one, two);
    } finally {
      await one.stop();
      await two.stop();
      one.cleanup();
      two.cleanup();
      await db.drop();
    }
  });
});
