/**
 * Issue #14, "Who may commit an organisation", on SQLite and PostgreSQL (PostgreSQL skips with a
 * notice only when absent, and fails then under CI=true), over real HTTP and socket.io clients:
 * the first member of an organisation represents it, a second member (or a facilitator of it) may
 * not take its stance until named; naming by a representative, or by a facilitator with the
 * organisation's confirmation; stepping down; anchoring a stance, shown in the principle view and
 * the Markdown export; a hostile client's malformed anchors; a backup carries both.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDto, WorkshopDto } from '../shared/api.js';
import type { PrincipleView } from '../shared/realtime/index.js';
import { call, invite, join } from './helpers/api.js';
import { threeOrgs, type ThreeOrgs } from './helpers/governance.js';
import { startServer, type TestServer } from './helpers/server.js';
import { absentServices, createTestDatabase, pgUnreachable } from './helpers/services.js';
import { connected, connectedAll, type TestSocket } from './helpers/socket.js';

const noPostgres = absentServices([['PostgreSQL', await pgUnreachable()]]);
const STORES = noPostgres ? ['SQLite'] : ['SQLite', 'PostgreSQL'];

interface AuditEntry {
  type: string;
  data: Record<string, unknown>;
}
interface BackupFile {
  content: { rows: Record<string, Record<string, unknown>[]> };
  sha256: string;
}
const ANCHOR = { confirmedBy: 'Kari Nordmann', role: 'avdelingsdirektør', date: '2026-12-01', reference: 'Sak 2026/117' };

describe.each(STORES)('representatives and anchoring on %s', (kind) => {
  let s: TestServer;
  let f: ThreeOrgs;
  let drop: (() => Promise<void>) | undefined;
  let fac: TestSocket;
  let a: TestSocket;
  let b: TestSocket;
  let c: TestSocket;
  /** Ada: the second member of A. Fay: a facilitator who belongs to B. */
  let ada: { token: string; id: string; sock: TestSocket };
  let fay: { token: string; id: string; sock: TestSocket };
  let principleId = '';

  beforeAll(async () => {
    const env: Record<string, string> = { EXPORTS_PER_MINUTE: '100000' };
    if (kind === 'PostgreSQL') {
      const db = await createTestDatabase();
      drop = db.drop;
      Object.assign(env, { DATABASE_URL: db.url, SESSION_SECRET: 'r'.repeat(40) });
    }
    s = await startServer(env);
    f = await threeOrgs(s.base);
    const second = async (role: string, organisationId: string, name: string) => {
      const j = await join(s.base, (await invite(s.base, W(), f.facilitator, { role, organisationId })).token, name);
      return { token: j.token, id: j.member.id, sock: await connected(s.base, j.token) };
    };
    ada = await second('participant', f.orgs[0], 'Ada');
    fay = await second('facilitator', f.orgs[1], 'Fay');
    [fac, a, b, c] = await connectedAll(s.base, f.facilitator, f.participantA, f.participantB, f.participantC);
    principleId = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${W()}/principles`, { text: 'Vi deler data før vi byggjer eigne register' }, f.facilitator)).body.id;
    await fac.ok('principle.propose', { principleId });
  });
  afterAll(async () => {
    for (const x of [fac, a, b, c, ada?.sock, fay?.sock]) x?.close();
    await s?.stop();
    s?.cleanup();
    await drop?.();
  });

  const W = () => f.workshop.id;
  const members = async () => (await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${W()}/members`, undefined, f.observer)).body.members;
  const byName = async (name: string) => (await members()).find((m) => m.displayName === name)!;
  const patch = (memberId: string, body: unknown, token: string) => call<MemberDto & { error?: { code: string; details?: Record<string, unknown> } }>(s.base, 'PATCH', `/api/workshops/${W()}/members/${memberId}`, body, token);
  const audit = async (type: string) => (await call<{ entries: AuditEntry[] }>(s.base, 'GET', `/api/workshops/${W()}/audit`, undefined, f.facilitator)).body.entries.filter((e) => e.type === type);
  const view = async (id = principleId) => (await call<{ principles: PrincipleView[] }>(s.base, 'GET', `/api/workshops/${W()}/principles`, undefined, f.observer)).body.principles.find((p) => p.principleId === id)!;
  const stanceOf = async (org: string, id = principleId) => (await view(id)).stances.find((x) => x.organisationId === org) ?? null;
  const notRepresentative = { ok: false, error: { code: 'forbidden', details: { reason: 'not_representative' } } };

  it('makes the first member of each organisation its representative, and nobody else', async () => {
    const list = await members();
    const reps = list.filter((m) => m.representative).map((m) => m.displayName).sort();
    expect(reps).toEqual(['Kari', 'Ola', 'Siri']);
    expect(list.find((m) => m.displayName === 'Ola')!.representation).toMatchObject({ namedBy: null, confirmation: null });
    for (const name of ['Ada', 'Fay', 'Oda', 'Fasilitator Frida']) expect((await byName(name)).representation, name).toBeNull();
    expect((await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${W()}`, undefined, f.participantA)).body.me.representative).toBe(true);
    // The creator of a workshop with an organisation is its first member, so its representative.
    const created = await call<{ member: MemberDto }>(s.base, 'POST', '/api/workshops', { title: 'T', organisations: [{ name: 'NAV' }], displayName: 'Nora', organisationIndex: 0 });
    expect(created.body.member).toMatchObject({ representative: true, representation: { namedBy: null } });
  });

  it('refuses the stance of a second member and of a facilitator who belongs to the organisation', async () => {
    expect(await ada.sock.cmd('principle.endorse', { principleId, stance: 'endorse' })).toMatchObject(notRepresentative);
    expect(await fay.sock.cmd('principle.endorse', { principleId, stance: 'object', reason: 'Nei' })).toMatchObject(notRepresentative);
    expect((await view()).stances).toEqual([]);
    // Everyone still contributes: a hand, a vote, an amendment are not stances.
    expect((await ada.sock.cmd('hand.raise')).ok).toBe(true);
  });

  it('lets a representative name a member of their own organisation; a facilitator needs its confirmation', async () => {
    expect((await patch(ada.id, { representative: true }, f.participantB)).body).toMatchObject({ error: { code: 'forbidden', details: { reason: 'not_representative' } } });
    const named = await patch(ada.id, { representative: true }, f.participantA);
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ representative: true, representation: { namedBy: (await byName('Ola')).id, confirmation: null } });
    expect(await fac.next<{ member: MemberDto }>('member.changed', (e) => e.member.id === ada.id)).toMatchObject({ member: { representative: true } });
    expect((await ada.sock.ok('principle.endorse', { principleId, stance: 'endorse' })).stances[0]).toMatchObject({ memberId: ada.id, representative: { namedBy: (await byName('Ola')).id } });

    const without = await patch(fay.id, { representative: true }, f.facilitator);
    expect([without.status, without.body.error]).toEqual([400, expect.objectContaining({ code: 'validation_failed', details: { field: 'confirmation' } })]);
    expect((await patch(fay.id, { representative: true, confirmation: '' }, f.facilitator)).status).toBe(400);
    expect((await patch(fay.id, { representative: true, confirmation: 'x'.repeat(501) }, f.facilitator)).status).toBe(400);
    const confirmation = 'E-post frå avdelingsdirektør Kari Nordmann 2026-12-01';
    expect((await patch(fay.id, { representative: true, confirmation }, f.facilitator)).body).toMatchObject({ representative: true, representation: { confirmation } });
    expect((await patch((await byName('Oda')).id, { representative: true, confirmation }, f.facilitator)).status).toBe(409); // an observer
    expect((await patch(fay.id, {}, f.facilitator)).status).toBe(400);
    expect((await audit('member.representative_named')).map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { memberId: ada.id, organisationId: f.orgs[0], namedBy: (await byName('Ola')).id, confirmation: null },
        { memberId: fay.id, organisationId: f.orgs[1], namedBy: (await byName('Fasilitator Frida')).id, confirmation },
      ]),
    );
  });

  it('lets a representative step down and a facilitator un-name anyone, nobody else', async () => {
    expect((await patch((await byName('Ola')).id, { representative: false }, f.participantB)).status).toBe(403);
    expect((await patch(ada.id, { representative: false }, ada.token)).body).toMatchObject({ representative: false, representation: null });
    expect(await ada.sock.cmd('principle.endorse', { principleId, stance: 'abstain' })).toMatchObject(notRepresentative);
    expect((await patch(fay.id, { representative: false }, f.facilitator)).body.representative).toBe(false);
    expect((await audit('member.representative_unnamed')).map((e) => e.data)).toEqual([
      expect.objectContaining({ memberId: ada.id, steppedDown: true }),
      expect.objectContaining({ memberId: fay.id, steppedDown: false }),
    ]);
  });

  it('anchors a representative’s stance, and refuses anyone else, no stance, a bad date and a retired principle', async () => {
    await a.ok('principle.endorse', { principleId, stance: 'endorse' });
    expect(await ada.sock.cmd('principle.anchor', { principleId, ...ANCHOR })).toMatchObject(notRepresentative);
    expect(await c.cmd('principle.anchor', { principleId, ...ANCHOR })).toMatchObject({ ok: false, error: { code: 'conflict' } }); // C took no stance
    expect(await b.cmd('principle.anchor', { principleId, ...ANCHOR, organisationId: f.orgs[0] })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    for (const date of ['2999-01-01', '2026-02-30', '01.12.2026']) {
      expect(await a.cmd('principle.anchor', { principleId, ...ANCHOR, date }), date).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { field: 'date' } } });
    }
    expect(await stanceOf(f.orgs[0])).toMatchObject({ anchor: null });
    const p = await a.ok('principle.anchor', { principleId, ...ANCHOR });
    const ola = (await byName('Ola')).id;
    expect(p.stances.find((x) => x.organisationId === f.orgs[0])).toMatchObject({ anchor: { ...ANCHOR, by: ola }, representative: { namedBy: null, invitedBy: (await byName('Fasilitator Frida')).id } });
    expect(await b.next<{ principle: PrincipleView }>('principle.anchored', (e) => e.principle.principleId === principleId)).toBeTruthy();
    // Again: replaces, and both are in the audit log.
    await a.ok('principle.anchor', { principleId, ...ANCHOR, role: 'direktør', reference: undefined });
    expect((await stanceOf(f.orgs[0]))!.anchor).toMatchObject({ role: 'direktør', reference: null });
    expect((await audit('principle.anchored')).map((e) => e.data.role)).toEqual(['avdelingsdirektør', 'direktør']);

    const retired = (await call<{ id: string }>(s.base, 'POST', `/api/workshops/${W()}/principles`, { text: 'Trekt attende' }, f.facilitator)).body.id;
    await fac.ok('principle.propose', { principleId: retired });
    await a.ok('principle.endorse', { principleId: retired, stance: 'endorse' });
    await fac.ok('principle.retire', { principleId: retired, reason: 'Utdatert' });
    expect(await a.cmd('principle.anchor', { principleId: retired, ...ANCHOR })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('shows endorsed apart from endorsed and anchored in the Markdown export', async () => {
    await b.ok('principle.endorse', { principleId, stance: 'endorse' });
    const r = await fetch(`${s.base}/api/workshops/${W()}/export/charter?format=md&lang=en&all=true`, { headers: { authorization: `Bearer ${f.facilitator}` } });
    const md = (await r.text()).replace(/\\(.)/g, '$1');
    expect(md).toContain('Endorsed: Helsedirektoratet and Bergen kommune. Endorsed and anchored: Helsedirektoratet.');
    expect(md).toContain('| Helsedirektoratet | Endorses (anchored) | Ola |');
    expect(md).toContain('| Bergen kommune | Endorses | Kari |');
    expect(md).toMatch(/Helsedirektoratet: anchored — confirmed by Kari Nordmann \(direktør\) on 2026-12-01; recorded by Ola, /);
    expect(md).toContain('Helsedirektoratet: stance taken by Ola, representative, invited by Fasilitator Frida, not named by anyone');
  });

  it('refuses malformed anchors of a hostile client with validation errors, and nothing changes', async () => {
    const before = [await audit('principle.anchored'), await view()];
    const bad: [unknown, string][] = [
      ['nonsense', '(payload)'],
      [[principleId], '(payload)'],
      [null, '(payload)'],
      [{ ...ANCHOR }, 'principleId'],
      [{ principleId, ...ANCHOR, memberId: ada.id }, ''],
      [{ principleId, ...ANCHOR, confirmedBy: '' }, 'confirmedBy'],
      [{ principleId, ...ANCHOR, confirmedBy: 'x'.repeat(201) }, 'confirmedBy'],
      [{ principleId, ...ANCHOR, role: 'a\u0000b' }, 'role'],
      [{ principleId, ...ANCHOR, role: 42 }, 'role'],
      [{ principleId, ...ANCHOR, reference: 'r'.repeat(501) }, 'reference'],
      [{ principleId, ...ANCHOR, date: 20261201 }, 'date'],
      [{ principleId, ...ANCHOR, date: '2026-12-01T00:00:00Z' }, 'date'],
      [{ principleId: 'p'.repeat(65), ...ANCHOR }, 'principleId'],
    ];
    for (const [payload, field] of bad) {
      const r = await a.cmd('principle.anchor', payload);
      expect(r, JSON.stringify(payload).slice(0, 60)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      if (field && !r.ok) expect(r.error.details?.field).toBe(field);
    }
    expect([await audit('principle.anchored'), await view()]).toEqual(before);
  });

  it('carries representatives and anchors through a backup, and checks them on import', async () => {
    const file = (await call<BackupFile>(s.base, 'GET', `/api/workshops/${W()}/backup`, undefined, f.facilitator)).body;
    const imported = await call<{ id: string; token: string }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: file });
    expect(imported.status).toBe(201);
    const got = (await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${imported.body.id}/members`, undefined, imported.body.token)).body.members;
    const reps = (list: MemberDto[]) => list.filter((m) => m.representative).map((m) => m.displayName).sort();
    expect(reps(got)).toEqual(reps(await members()));
    const principles = (await call<{ principles: PrincipleView[] }>(s.base, 'GET', `/api/workshops/${imported.body.id}/principles`, undefined, imported.body.token)).body.principles;
    const anchor = principles.find((p) => p.text.startsWith('Vi deler data'))!.stances.find((x) => x.anchor)!.anchor!;
    expect(anchor).toMatchObject({ confirmedBy: 'Kari Nordmann', role: 'direktør', by: got.find((m) => m.displayName === 'Ola')!.id });
    // A representative who is an observer, or an anchor of a stance the file does not hold, refuses the file.
    const observer = (await byName('Oda')).id;
    for (const change of [
      (rows: BackupFile['content']['rows']) => rows.representatives!.push({ ...rows.representatives![0]!, member_id: observer, organisation_id: f.orgs[0] }),
      (rows: BackupFile['content']['rows']) => (rows.principle_anchors![0]!.stance_at = '2020-01-01T00:00:00.000Z'),
    ]) {
      const content = structuredClone(file.content);
      change(content.rows);
      const sealed = { ...file, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
      const r = await call<{ error: { code: string } }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: sealed });
      expect([r.status, r.body.error.code]).toEqual([400, 'backup_invalid']);
    }
    // A file from before representatives gets them derived: each organisation's first member.
    const content = structuredClone(file.content);
    delete content.rows.representatives;
    const old = await call<{ id: string; token: string }>(s.base, 'POST', '/api/workshops/import', { displayName: 'Ida', backup: { ...file, content, sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') } });
    expect(reps((await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${old.body.id}/members`, undefined, old.body.token)).body.members)).toEqual(['Kari', 'Ola', 'Siri']);
  });

  it('passes the representation on when the representative becomes an observer; a refused part of a patch changes nothing', async () => {
    const ola = (await byName('Ola')).id;
    const oda = (await byName('Oda')).id;
    // Role and representation in one patch: the facilitator gives no confirmation, so neither happens.
    expect((await patch(oda, { role: 'participant', representative: true }, f.facilitator)).status).toBe(400);
    expect(await byName('Oda')).toMatchObject({ role: 'observer', representative: false });
    expect((await patch(ola, { role: 'observer' }, f.facilitator)).body).toMatchObject({ role: 'observer', representative: false });
    expect(await byName('Ada')).toMatchObject({ representative: true, representation: { namedBy: null, confirmation: null } });
    expect((await audit('member.representative_named')).at(-1)!.data).toMatchObject({ memberId: ada.id, passedOn: true, from: ola });
    expect(await fac.next<{ member: MemberDto }>('member.changed', (e) => e.member.id === ada.id && e.member.representative)).toBeTruthy();
    // Back as a participant, Ola does not take it back: A has its representative.
    expect((await patch(ola, { role: 'participant' }, f.facilitator)).body.representative).toBe(false);
    expect((await patch(oda, { role: 'participant', representative: true, confirmation: 'Telefon frå direktøren' }, f.facilitator)).body).toMatchObject({ role: 'participant', representative: true });
    // GDPR: the workshop goes with its representatives and anchors.
    expect((await call(s.base, 'DELETE', `/api/workshops/${W()}`, undefined, f.facilitator)).status).toBe(204);
  });
});
