/**
 * The Store contract against a real PostgreSQL (DESIGN.md §9), plus what only PostgreSQL has:
 * several instances, pooled connections that die. One database per run, a fresh `public`
 * schema per store. Unreachable PostgreSQL skips locally and fails in CI (CI=true).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from '../server/store/audit-hash.js';
import { postgresMigrations } from '../server/store/postgres/migrations.js';
import { PostgresStore, type PostgresStoreOptions } from '../server/store/postgres/postgres-store.js';
import { describeStoreContract } from './contracts/store.contract.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const where = redact(adminUrl);
const unreachable = await probe(adminUrl);
const inCi = process.env.CI === 'true';
if (unreachable && !inCi) console.warn(`PostgreSQL not reachable at ${where} (${unreachable}); skipping the PostgreSQL store tests.`);

const dbName = `samskap_test_${randomBytes(6).toString('hex')}`;
const dbUrl = withDatabase(adminUrl, dbName);
let schemaClient: pg.Client | undefined;

describe.skipIf(unreachable !== null && !inCi)('PostgresStore', () => {
  beforeAll(async () => {
    if (unreachable) throw new Error(`PostgreSQL not reachable at ${where} (${unreachable}); CI=true, so this fails instead of skipping.`);
    await asAdmin(`CREATE DATABASE ${dbName}`);
    schemaClient = new pg.Client({ connectionString: dbUrl });
    await schemaClient.connect();
  });
  afterAll(async () => {
    await schemaClient?.end();
    if (!unreachable) await asAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  /** A store on an empty schema; the previous test's store is closed by then. */
  async function freshStore(options: Partial<PostgresStoreOptions> = {}): Promise<PostgresStore> {
    await schemaClient!.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    return new PostgresStore({ connectionString: dbUrl, ...options });
  }

  describeStoreContract('postgres', () => freshStore(), {
    // A row the database refuses as a check constraint would (SQLSTATE 23514).
    refuseAppendsTo: async (room) => {
      await schemaClient!.query(`CREATE FUNCTION refuse_room() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END $$`);
      await schemaClient!.query(`CREATE TRIGGER refuse_room BEFORE INSERT ON doc_updates FOR EACH ROW WHEN (NEW.room = ${pg.escapeLiteral(room)}) EXECUTE FUNCTION refuse_room()`);
    },
  });

  describe('beyond the contract', () => {
    it('several instances starting at once migrate once', async () => {
      const first = await freshStore();
      const stores = [first, ...Array.from({ length: 3 }, () => new PostgresStore({ connectionString: dbUrl }))];
      try {
        await Promise.all(stores.map((s) => s.migrate()));
        const rows = (await schemaClient!.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
        expect(rows).toEqual(postgresMigrations.map((m, i) => ({ version: i + 1, name: m.name })));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('concurrent audit appends to one workshop keep one chain', async () => {
      const store = await freshStore();
      try {
        await store.migrate();
        const at = new Date().toISOString();
        await store.workshops.create({ id: 'w1', title: 'T', language: 'nn' as const, decisionRule: 'consensus' as const, createdAt: at, protectOrganisationContent: false }, [], []);
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.audit.append({ workshopId: 'w1', at, actorId: null, type: 't', data: { i } })));
        const list = await store.audit.list('w1');
        expect(list.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        list.forEach((e, i) => {
          const prev = i === 0 ? GENESIS_HASH : list[i - 1]!.hash;
          expect(e.prevHash).toBe(prev);
          expect(e.hash).toBe(auditHash(prev, e, e.seq));
        });
      } finally {
        await store.close();
      }
    });

    it('commits the appends of one tick across rooms in one transaction, and a failed group one by one', async () => {
      const store = await freshStore();
      try {
        await store.migrate();
        const rooms = Array.from({ length: 30 }, (_, i) => `w${i}/board/b`);
        await Promise.all(rooms.map((room) => store.docs.appendUpdate(room, new Uint8Array([0, 0]))));
        // xmin is the id of the transaction that wrote a row: one per tick, not one per room.
        const xmins = async () => (await schemaClient!.query<{ n: string }>('SELECT count(DISTINCT xmin::text) AS n FROM doc_updates')).rows[0]!.n;
        expect(await xmins()).toBe('1');
        await schemaClient!.query(`CREATE FUNCTION refuse_w7() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END $$`);
        await schemaClient!.query("CREATE TRIGGER refuse_w7 BEFORE INSERT ON doc_updates FOR EACH ROW WHEN (NEW.room = 'w7/board/b') EXECUTE FUNCTION refuse_w7()");
        const results = await Promise.allSettled(rooms.map((room) => store.docs.appendUpdate(room, new Uint8Array([0, 0]))));
        expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
        // The failed group wrote nothing; each of the other 29 was then stored alone.
        expect(await xmins()).toBe(String(1 + 29));
      } finally {
        await store.close();
      }
    });

    it('a failed call inside a transaction leaves the transaction usable, as in SQLite', async () => {
      const store = await freshStore();
      try {
        await store.migrate();
        const at = new Date().toISOString();
        await store.workshops.create({ id: 'w1', title: 'T', language: 'nn' as const, decisionRule: 'consensus' as const, createdAt: at, protectOrganisationContent: false }, [], []);
        const m = { id: 'm1', workshopId: 'w1', displayName: 'Kari', role: 'participant' as const, organisationId: null, createdAt: at, removedAt: null, lastVisitAt: null, mergedInto: null, invitedBy: null };
        await store.workshops.addMember(m);
        await store.transaction(async (tx) => {
          await expect(tx.workshops.addMember(m)).rejects.toMatchObject({ code: 'conflict', status: 409 });
          await tx.audit.append({ workshopId: 'w1', at, actorId: 'm1', type: 'after.failure', data: {} });
        });
        expect((await store.audit.list('w1')).map((e) => e.type)).toEqual(['after.failure']);
      } finally {
        await store.close();
      }
    });

    it('survives the server killing its idle connections', async () => {
      let idleError!: () => void;
      const sawIdleError = new Promise<void>((r) => (idleError = r));
      const store = await freshStore({ onIdleError: () => idleError() });
      try {
        await store.health();
        await schemaClient!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
        await sawIdleError;
        await expect(store.health()).resolves.toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
});

describe('PostgresStore without a server', () => {
  it('rejects with storage_unavailable, quickly, and does not crash the process', async () => {
    const store = new PostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/x', connectionTimeoutMillis: 500 });
    const started = Date.now();
    try {
      await expect(store.health()).rejects.toMatchObject({ name: 'AppError', code: 'storage_unavailable', status: 503 });
      await expect(store.docs.appendUpdate('w/vision', new Uint8Array([0, 0]))).rejects.toMatchObject({ code: 'storage_unavailable' });
      await expect(store.transaction(async () => 1)).rejects.toMatchObject({ code: 'storage_unavailable' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await store.close();
    }
  });
});

/** null when PostgreSQL answers, else why not. */
async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable TEST_DATABASE_URL)';
  }
}
