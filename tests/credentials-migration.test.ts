/**
 * Migration 011_credentials on a database written before it, on SQLite and PostgreSQL
 * (PostgreSQL skips with a notice only when absent; CI=true makes absence a failure): every
 * member's one token becomes their first session credential and keeps working (its idle clock
 * starts at the migration), the old column no longer holds it, and the new member fields start empty.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSessions } from '../server/auth/sessions.js';
import { hashToken } from '../server/auth/tokens.js';
import { postgresMigrations } from '../server/store/postgres/migrations.js';
import { sqliteMigrations } from '../server/store/sqlite/migrations.js';
import { legacyStore, type Row } from './helpers/legacy-db.js';
import { absentServices, pgUnreachable } from './helpers/services.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES: ('SQLite' | 'PostgreSQL')[] = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
const BEFORE = 10; // migrations up to 010_last_edits
expect(sqliteMigrations[BEFORE]?.name).toBe('011_credentials');
expect(postgresMigrations[BEFORE]?.name).toBe('011_credentials');

const W = 'wlegacy000000001';
const longAgo = '2025-01-01T10:00:00.000Z';
const rows = (): [string, Row[]][] => [
  ['workshops', [{ id: W, title: 'Gammal', created_at: longAgo }]],
  [
    'members',
    [
      { id: 'mf00000000000001', workshop_id: W, display_name: 'Frida', role: 'facilitator', organisation_id: null, token_hash: hashToken('frida-token'), created_at: longAgo },
      { id: 'mk00000000000001', workshop_id: W, display_name: 'Kari', role: 'participant', organisation_id: null, token_hash: hashToken('kari-token'), created_at: longAgo },
    ],
  ],
];

describe.each(STORES)('migration 011_credentials on %s', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('turns each member’s token into their first credential, which keeps working', async () => {
    const store = await legacyStore(kind, BEFORE, rows, cleanup);
    await store.migrate();
    const sessions = createSessions({ store, idleDays: 30 });
    expect((await sessions.resolve('frida-token'))?.member).toMatchObject({ id: 'mf00000000000001', removedAt: null, lastVisitAt: null, mergedInto: null, invitedBy: null });
    expect((await sessions.resolve('kari-token'))?.member.displayName).toBe('Kari');
    expect(await sessions.resolve('kari-token', 'reentry')).toBeNull();
    expect(await sessions.resolve(hashToken('kari-token'))).toBeNull();
    // The old column keeps no secret: a backup of it gives nothing away.
    const dumped = (await store.backup.dump(W)).members ?? [];
    expect(JSON.stringify(dumped)).not.toContain(hashToken('kari-token'));
  });
});
