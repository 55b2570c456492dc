/**
 * Migration 008_decision_binding on a database written before it, on SQLite and PostgreSQL
 * (PostgreSQL skips with a notice only when absent; CI=true makes absence a failure). The
 * backfill documented in docs/api.md: a closed principle's outcome and time from its newest
 * `principle.closed` audit entry of its own workshop (none: NULL, derived from the frozen inputs),
 * its bound organisations from the stances on its closed version; an open principle binds the
 * organisations with a participant or facilitator.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { principleViews, sha256 } from '../server/services/principle-view.js';
import { postgresMigrations } from '../server/store/postgres/migrations.js';
import { sqliteMigrations } from '../server/store/sqlite/migrations.js';
import type { Store } from '../server/store/types.js';
import { legacyStore, type Row } from './helpers/legacy-db.js';
import { absentServices, pgUnreachable } from './helpers/services.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES: ('SQLite' | 'PostgreSQL')[] = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
const BEFORE = 7; // migrations up to 007_audit_signing
expect(sqliteMigrations[BEFORE]?.name).toBe('008_decision_binding');
expect(postgresMigrations[BEFORE]?.name).toBe('008_decision_binding');

const W = 'wlegacy000000001';
const OTHER = 'wother0000000001';
const [A, B, C] = ['orga000000000001', 'orgb000000000001', 'orgc000000000001'];
const t = (h: number) => `2026-11-0${h}T10:00:00.000Z`;

/** A database as 007 left it: three principles (agreed and closed twice, closed without an audit entry, open). */
function legacyRows(bool: (b: boolean) => boolean | number): [string, Row[]][] {
  const principle = (id: string, version: number, closed: boolean, rule: string): Row => ({
    workshop_id: W, id, text: `Tekst ${id}`, text_hash: sha256(`Tekst ${id}`), rule, proposed_at: t(1), proposed_by: 'mf00000000000001', version, closed: bool(closed),
  });
  const stance = (principle_id: string, version: number, organisation_id: string, stance: string, at: string): Row => ({
    workshop_id: W, principle_id, version, organisation_id, member_id: organisation_id === A ? 'ma00000000000001' : 'mb00000000000001', stance, reason: stance === 'object' ? 'Nei' : null, at,
  });
  const audit = (workshop_id: string, seq: number, type: string, data: object, at: string): Row => ({ workshop_id, seq, at, actor_id: null, type, data: JSON.stringify(data), prev_hash: 'x', hash: `h${seq}` });
  const member = (id: string, role: string, organisation_id: string | null): Row => ({ id, workshop_id: W, display_name: id, role, organisation_id, token_hash: `tok-${id}`, created_at: t(1) });
  return [
    ['workshops', [{ id: W, title: 'Gammal', created_at: t(1) }, { id: OTHER, title: 'Annan', created_at: t(1) }]],
    ['organisations', [A, B, C].map((id, position) => ({ id, workshop_id: W, name: id, position }))],
    ['members', [member('mf00000000000001', 'facilitator', null), member('ma00000000000001', 'participant', A), member('mb00000000000001', 'participant', B), member('mc00000000000001', 'observer', C)]],
    ['principles', [principle('pagreed000000001', 2, true, 'consensus'), principle('pnoaudit00000001', 1, true, 'consent'), principle('popen00000000001', 1, false, 'consensus')]],
    [
      'stances',
      [
        stance('pagreed000000001', 1, C, 'endorse', t(1)),
        stance('pagreed000000001', 2, A, 'endorse', t(3)),
        stance('pagreed000000001', 2, B, 'endorse', t(3)),
        stance('pnoaudit00000001', 1, A, 'endorse', t(2)),
        stance('pnoaudit00000001', 1, B, 'object', t(2)),
      ],
    ],
    [
      'audit',
      [
        audit(W, 1, 'principle.closed', { principleId: 'pagreed000000001', outcome: 'rejected' }, t(2)),
        audit(W, 2, 'principle.proposed', { principleId: 'pagreed000000001', version: 2 }, t(2)),
        audit(W, 3, 'principle.closed', { principleId: 'pagreed000000001', outcome: 'agreed' }, t(4)),
        // Another workshop's entry naming the same principle id never reaches this one.
        audit(OTHER, 1, 'principle.closed', { principleId: 'pnoaudit00000001', outcome: 'agreed' }, t(5)),
      ],
    ],
  ];
}

async function expectBackfilled(store: Store): Promise<void> {
  expect(await store.principles.get(W, 'pagreed000000001')).toMatchObject({ closed: true, outcome: 'agreed', closedAt: t(4) });
  expect(await store.principles.get(W, 'pnoaudit00000001')).toMatchObject({ closed: true, outcome: null, closedAt: null });
  expect(await store.principles.get(W, 'popen00000000001')).toMatchObject({ closed: false, outcome: null, closedAt: null });
  const bindings = await store.principles.bindings(W);
  const of = (id: string) => bindings.filter((b) => b.principleId === id).map((b) => [b.version, b.organisationId]);
  expect(of('pagreed000000001')).toEqual([[2, A], [2, B]]);
  expect(of('pnoaudit00000001')).toEqual([[1, A], [1, B]]);
  expect(of('popen00000000001')).toEqual([[1, A], [1, B]]);
  // What clients see: the recorded outcome, or for the closed principle without an audit entry the
  // outcome derived from its bound stances (consent with an objection: rejected), whoever joins later.
  const [records, stances] = await Promise.all([store.principles.list(W), store.principles.stances(W)]);
  const views = principleViews({ drafts: new Map(records.map((r) => [r.id, r.text])), records, stances, bindings, organisations: [A, B, C], speaking: [A, B, C], lifecycle: [] });
  expect(views.map((v) => [v.principleId, v.status, v.boundOrganisations])).toEqual([
    ['pagreed000000001', 'agreed', [A, B]],
    ['pnoaudit00000001', 'rejected', [A, B]],
    ['popen00000000001', 'open', [A, B]],
  ]);
  // C (not bound by the agreed principle: it had not answered its closed version) may join after the fact.
  expect(await store.principles.addStance({ workshopId: W, principleId: 'pagreed000000001', version: 2, organisationId: C, memberId: 'mc00000000000001', stance: 'endorse', reason: null, at: t(6) })).toBe(true);
  expect(await store.principles.addStance({ workshopId: W, principleId: 'pagreed000000001', version: 2, organisationId: A, memberId: 'ma00000000000001', stance: 'object', reason: 'Nei', at: t(6) })).toBe(false);
}

describe.each(STORES)('migration 008_decision_binding on %s', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('backfills outcomes and bound organisations of a database written before it', async () => {
    const store = await legacyStore(kind, BEFORE, legacyRows, cleanup);
    await store.migrate();
    await expectBackfilled(store);
  });
});
