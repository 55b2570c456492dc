/**
 * Issue #14 in the store, on SQLite and PostgreSQL (PostgreSQL skips with a notice only when
 * absent; CI=true makes absence a failure): migration 012_representation backfills a database
 * written before it (per organisation, its earliest non-observer member, who invited them from
 * their `member.joined` entry), and the removal seam `passOnRepresentation` hands an
 * organisation's last representation on to its earliest remaining active non-observer member.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { passOnRepresentation } from '../server/services/representation.js';
import { postgresMigrations } from '../server/store/postgres/migrations.js';
import { sqliteMigrations } from '../server/store/sqlite/migrations.js';
import type { MemberRecord } from '../server/store/types.js';
import { legacyStore as legacy, type Row } from './helpers/legacy-db.js';
import { absentServices, pgUnreachable } from './helpers/services.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES: ('SQLite' | 'PostgreSQL')[] = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
const BEFORE = sqliteMigrations.findIndex((m) => m.name === '012_representation');
expect(postgresMigrations.findIndex((m) => m.name === '012_representation')).toBe(BEFORE);

const W = 'wrep000000000001';
const [A, B, C] = ['orga000000000001', 'orgb000000000001', 'orgc000000000001'];
const t = (n: number) => `2026-11-0${n}T10:00:00.000Z`;

/** Before 012: A's earliest member is an observer, then Ada (invited by Frida); B has two members joined at the same time; C only an observer. */
function legacyRows(): [string, Row[]][] {
  const member = (id: string, role: string, organisation_id: string | null, n: number): Row => ({ id, workshop_id: W, display_name: id, role, organisation_id, token_hash: `tok-${id}`, created_at: t(n) });
  return [
    ['workshops', [{ id: W, title: 'Gammal', created_at: t(1) }]],
    ['organisations', [A, B, C].map((id, position) => ({ id, workshop_id: W, name: id, position }))],
    ['members', [member('mfrida0000000001', 'facilitator', null, 1), member('moda000000000001', 'observer', A, 1), member('mada000000000001', 'participant', A, 2),
      member('mbob0000000000002', 'participant', B, 3), member('mbea0000000000001', 'participant', B, 3), member('mcid000000000001', 'observer', C, 2)]],
    ['invites', [{ id: 'inv0000000000001', workshop_id: W, role: 'participant', organisation_id: A, token_hash: 'ih1', created_by: 'mfrida0000000001', created_at: t(1), uses: 1 }]],
    ['audit', [{ workshop_id: W, seq: 1, at: t(2), actor_id: 'mada000000000001', type: 'member.joined', data: JSON.stringify({ inviteId: 'inv0000000000001', role: 'participant', organisationId: A }), prev_hash: 'x', hash: 'h1' }]],
  ];
}

describe.each(STORES)('representation in the store on %s', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  /** A database migrated up to (not including) 012, holding `legacyRows`; then opened as a store. */
  const legacyStore = () => legacy(kind, BEFORE, legacyRows, cleanup);

  it('backfills each organisation’s earliest non-observer member as its representative', async () => {
    const store = await legacyStore();
    await store.migrate();
    expect((await store.representation.representatives(W)).map((r) => [r.organisationId, r.memberId, r.namedBy, r.confirmation, r.invitedBy, r.at])).toEqual([
      [A, 'mada000000000001', null, null, 'mfrida0000000001', t(2)],
      [B, 'mbea0000000000001', null, null, null, t(3)],
    ]);
  });

  it('passes an organisation’s last representation on to its earliest remaining active non-observer member', async () => {
    const store = await legacyStore();
    await store.migrate();
    const members = await store.workshops.members(W);
    const m = (id: string) => members.find((x) => x.id === id)!;
    const at = '2026-12-04T12:00:00.000Z';
    const late: MemberRecord = { id: 'mana000000000001', workshopId: W, displayName: 'Ana', role: 'participant', organisationId: A, createdAt: t(5), removedAt: null, lastVisitAt: null, mergedInto: null, invitedBy: null };
    const later: MemberRecord = { ...late, id: 'mari000000000001', displayName: 'Ari', createdAt: t(6) };
    await store.workshops.addMember(late);
    await store.workshops.addMember(later);
    // Ada leaves; Oda is an observer and Ana (earlier) no longer active: Ari represents A now.
    const next = await store.transaction((tx) => passOnRepresentation(tx, W, m('mada000000000001'), at, (x) => x.id !== late.id));
    expect(next?.id).toBe(later.id);
    const reps = await store.representation.representatives(W);
    expect(reps.filter((r) => r.organisationId === A)).toEqual([{ workshopId: W, memberId: later.id, organisationId: A, namedBy: null, confirmation: null, invitedBy: null, at }]);
    expect((await store.audit.list(W)).at(-1)).toMatchObject({ actorId: null, type: 'member.representative_named', data: { memberId: later.id, organisationId: A, namedBy: null, confirmation: null, passedOn: true } });
    // Not a representative, or not the last one: nothing passes on.
    expect(await store.transaction((tx) => passOnRepresentation(tx, W, m('mbob0000000000002'), at))).toBeNull();
    await store.representation.name({ workshopId: W, memberId: 'mbob0000000000002', organisationId: B, namedBy: 'mbea0000000000001', confirmation: null, invitedBy: null, at });
    expect(await store.transaction((tx) => passOnRepresentation(tx, W, m('mbea0000000000001'), at))).toBeNull();
    expect((await store.representation.representatives(W)).filter((r) => r.organisationId === B).map((r) => r.memberId)).toEqual(['mbob0000000000002']);
    // Nobody left to take it: C has only an observer, so the organisation is left without one.
    await store.representation.name({ workshopId: W, memberId: later.id, organisationId: A, namedBy: null, confirmation: null, invitedBy: null, at });
    expect(await store.transaction((tx) => passOnRepresentation(tx, W, later, at, () => false))).toBeNull();
    expect((await store.representation.representatives(W)).some((r) => r.organisationId === A)).toBe(false);
  });
});
