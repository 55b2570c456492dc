/**
 * PersonRepo (sign-in, migration 013_persons) on SQLite and PostgreSQL alike: one person per
 * (issuer, subject), sessions by hash, the link from members to persons. PostgreSQL gets a
 * database of its own; unreachable, it skips locally and fails in CI (CI=true).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../server/store/postgres/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import type { MemberRecord, Store } from '../server/store/types.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `samskap_persons_${randomBytes(6).toString('hex')}`;
const asAdmin = async (sql: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

const reachable = await asAdmin('SELECT 1').then(
  () => true,
  () => false,
);

const member = (workshopId: string, id: string, createdAt: string): MemberRecord => ({
  id, workshopId, displayName: id, role: 'participant', organisationId: null, createdAt, removedAt: null, lastVisitAt: null, mergedInto: null, invitedBy: null,
});

function describePersons(name: string, make: () => Promise<Store>, skip = false): void {
  describe.skipIf(skip)(`PersonRepo: ${name}`, () => {
    it('keeps one person per issuer and subject, sessions by hash, and which members a person is', async () => {
      const store = await make();
      try {
        await store.migrate();
        const at = '2026-01-01T00:00:00.000Z';
        const kari = await store.persons.upsert({ id: 'p1', issuer: 'https://idp', subject: 's1', displayName: 'Kari', orgNumber: null, createdAt: at });
        const again = await store.persons.upsert({ id: 'p2', issuer: 'https://idp', subject: 's1', displayName: 'Kari N', orgNumber: '991825827', createdAt: at });
        expect(again).toEqual({ ...kari, displayName: 'Kari N', orgNumber: '991825827' });
        expect((await store.persons.upsert({ id: 'p3', issuer: 'https://other', subject: 's1', displayName: 'K', orgNumber: null, createdAt: at })).id).toBe('p3');
        expect(await store.persons.get('p1')).toEqual(again);

        await store.persons.addSession({ tokenHash: 'h1', personId: 'p1', createdAt: at, lastUsedAt: at });
        await store.persons.touchSession('h1', '2026-01-02T00:00:00.000Z');
        expect(await store.persons.session('h1')).toEqual({ tokenHash: 'h1', personId: 'p1', createdAt: at, lastUsedAt: '2026-01-02T00:00:00.000Z' });
        await store.persons.deleteSession('h1');
        expect(await store.persons.session('h1')).toBeNull();

        for (const w of ['w1', 'w2']) await store.workshops.create({ id: w, title: w, language: 'nn', decisionRule: 'consensus', createdAt: at, protectOrganisationContent: false }, [], []);
        for (const m of [member('w1', 'm1', at), member('w1', 'm2', '2026-01-03T00:00:00.000Z'), member('w2', 'm3', at)]) await store.workshops.addMember(m);
        await store.persons.linkMember('w1', 'm2', 'p1');
        await store.persons.linkMember('w2', 'm3', 'p1');
        await store.persons.linkMember('w2', 'm1', 'p3'); // m1 is not w2's: nothing happens
        expect(await store.persons.memberIn('w1', 'p1')).toEqual(member('w1', 'm2', '2026-01-03T00:00:00.000Z'));
        expect(await store.persons.memberIn('w1', 'p3')).toBeNull();
        expect(await store.persons.ofMember('w1', 'm2')).toEqual(again);
        expect(await store.persons.ofMember('w1', 'm1')).toBeNull();
        expect(await store.persons.ofMember('w2', 'm2')).toBeNull();
        expect((await store.persons.memberships('p1')).map((m) => m.id).sort()).toEqual(['m2', 'm3']);
        // Members look as they always did: the link is not part of the record.
        expect((await store.workshops.members('w1')).map((m) => Object.keys(m).sort())).toEqual([Object.keys(member('w1', 'm1', at)).sort(), Object.keys(member('w1', 'm1', at)).sort()]);
      } finally {
        await store.close();
      }
    });
  });
}

describePersons('sqlite', async () => new SqliteStore({ filename: ':memory:' }));
describePersons(
  'postgres',
  async () => {
    await asAdmin(`CREATE DATABASE ${dbName}`);
    return new PostgresStore({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${dbName}`) });
  },
  !reachable && process.env.CI !== 'true',
);
afterAll(async () => {
  if (reachable) await asAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});
