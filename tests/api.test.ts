import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopDto, JoinedDto, MemberDto, WorkshopDto } from '../shared/api.js';
import { call, createWorkshop, invite, join } from './helpers/api.js';
import { startServer, type TestServer } from './helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.stop();
  s.cleanup();
});

describe('workshops', () => {
  it('creates a workshop; the creator is its first facilitator and gets a member token and cookie', async () => {
    const r = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops', {
      title: 'DigiUng',
      organisations: [{ name: 'Bufdir' }, { name: 'Helsenorge' }],
      displayName: 'Frida',
      organisationIndex: 1,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ title: 'DigiUng', organisations: [{ name: 'Bufdir' }, { name: 'Helsenorge' }] });
    expect(r.body.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(Buffer.from(r.body.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^samskap_${r.body.id}=`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const w = await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${r.body.id}`, undefined, r.body.token);
    expect(w.status).toBe(200);
    expect(w.body.me).toMatchObject({ displayName: 'Frida', role: 'facilitator', organisationId: r.body.organisations[1]!.id });
    expect(w.body.boards).toHaveLength(1);
    expect(w.body.rooms).toEqual([`${r.body.id}/vision`, `${r.body.id}/charter`, `${r.body.id}/board/${w.body.boards[0]!.id}`]);
  });

  it('accepts the session cookie instead of a bearer token', async () => {
    const r = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops', { title: 'Cookie', organisations: [], displayName: 'C' });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const w = await fetch(`${s.base}/api/workshops/${r.body.id}`, { headers: { cookie } });
    expect(w.status).toBe(200);
    // A tampered cookie is refused.
    const bad = await fetch(`${s.base}/api/workshops/${r.body.id}`, { headers: { cookie: cookie.slice(0, -2) + 'xx' } });
    expect(bad.status).toBe(401);
    // A cookie-authenticated write from another origin is refused.
    const cross = await fetch(`${s.base}/api/workshops/${r.body.id}/invites`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'observer' }),
    });
    expect(cross.status).toBe(403);
  });

  it('answers bad input with 400 and a code, never a stack trace', async () => {
    const cases: Array<[unknown, string]> = [
      ['{"title": ', 'invalid_json'],
      [{}, 'validation_failed'],
      [{ title: 'x', organisations: [], displayName: '' }, 'validation_failed'],
      [{ title: 'x'.repeat(201), organisations: [], displayName: 'a' }, 'validation_failed'],
      [{ title: 'x', organisations: [{ name: 'n'.repeat(101) }], displayName: 'a' }, 'validation_failed'],
      [{ title: 'x', organisations: [{ name: 'A' }, { name: 'a' }], displayName: 'a' }, 'validation_failed'],
      [{ title: 'x', organisations: 'no', displayName: 'a' }, 'validation_failed'],
      [{ title: 'x\u0000y', organisations: [], displayName: 'a' }, 'validation_failed'],
      [{ title: 'x', organisations: [], displayName: 'a', organisationIndex: 3 }, 'validation_failed'],
      [{ title: 'x', organisations: [], displayName: 'a', extra: true }, 'validation_failed'],
      [[1, 2], 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const r = await call<{ error: { code: string; message: string } }>(s.base, 'POST', '/api/workshops', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).not.toMatch(/at .*\.ts|node_modules|SELECT|INSERT/);
    }
    const missing = await call<{ error: { message: string } }>(s.base, 'POST', '/api/workshops', { organisations: [], displayName: 'a' });
    expect(missing.body.error.message).toMatch(/^title:/);
    const big = await call(s.base, 'POST', '/api/workshops', JSON.stringify({ title: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect((await call(s.base, 'GET', '/api/nothing')).status).toBe(404);
  });

  it('requires the creation code when CREATE_CODE is set', async () => {
    const locked = await startServer({ CREATE_CODE: 'hemmeleg' });
    try {
      const body = { title: 'T', organisations: [], displayName: 'D' };
      const no = await call<{ error: { code: string } }>(locked.base, 'POST', '/api/workshops', body);
      expect(no.status).toBe(403);
      expect(no.body.error.code).toBe('create_code_required');
      expect((await call(locked.base, 'POST', '/api/workshops', { ...body, createCode: 'feil' })).status).toBe(403);
      expect((await call(locked.base, 'POST', '/api/workshops', { ...body, createCode: 'hemmeleg' })).status).toBe(201);
    } finally {
      await locked.stop();
      locked.cleanup();
    }
  });
});

describe('invites and joining', () => {
  it('a participant joins through an invite naming an organisation', async () => {
    const w = await createWorkshop(s.base);
    const inv = await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[1]!.id, expiresInHours: 2, maxUses: 5 });
    expect(inv.link).toBe(`${s.base}/join/${inv.token}`);
    expect(inv.maxUses).toBe(5);
    const r = await call<JoinedDto>(s.base, 'POST', '/api/join', { inviteToken: inv.token, displayName: 'Kari' });
    expect(r.status).toBe(201);
    expect(r.body.member).toMatchObject({ displayName: 'Kari', role: 'participant', organisationId: w.organisations[1]!.id });
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const members = await call<{ members: MemberDto[] }>(s.base, 'GET', `/api/workshops/${w.id}/members`, undefined, r.body.token);
    expect(members.status).toBe(200);
    expect(members.body.members.map((m) => m.displayName)).toEqual(['Fasilitator Frida', 'Kari']);
    expect(JSON.stringify(members.body)).not.toContain('token');
  });

  it('validates invites: participant needs an organisation of this workshop', async () => {
    const w = await createWorkshop(s.base);
    const other = await createWorkshop(s.base);
    const r1 = await call<{ error: { code: string; message: string } }>(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'participant' }, w.token);
    expect(r1.status).toBe(400);
    expect(r1.body.error.message).toMatch(/^organisationId:/);
    const r2 = await call(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'participant', organisationId: other.organisations[0]!.id }, w.token);
    expect(r2.status).toBe(400);
    const r3 = await call(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'king' }, w.token);
    expect(r3.status).toBe(400);
    const r4 = await call(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'observer', maxUses: 0 }, w.token);
    expect(r4.status).toBe(400);
  });

  it('only facilitators manage invites; other workshops are invisible', async () => {
    const w = await createWorkshop(s.base);
    const other = await createWorkshop(s.base);
    const p = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[0]!.id })).token, 'P');
    const o = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'observer' })).token, 'O');
    for (const token of [p.token, o.token]) {
      expect((await call(s.base, 'POST', `/api/workshops/${w.id}/invites`, { role: 'observer' }, token)).status).toBe(403);
      expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}`, undefined, token)).status).toBe(403);
      expect((await call(s.base, 'GET', `/api/workshops/${w.id}`, undefined, token)).status).toBe(200);
    }
    const cross = await call<{ error: { code: string } }>(s.base, 'GET', `/api/workshops/${other.id}`, undefined, w.token);
    expect(cross.status).toBe(404);
    expect((await call(s.base, 'GET', `/api/workshops/${w.id}`)).status).toBe(401);
    expect((await call(s.base, 'GET', `/api/workshops/not-an-id`, undefined, w.token)).status).toBe(400);
  });

  it('refuses unknown, forged, expired, revoked and used-up invites with distinct codes', async () => {
    const w = await createWorkshop(s.base);
    const code = async (inviteToken: string) =>
      (await call<{ error: { code: string } }>(s.base, 'POST', '/api/join', { inviteToken, displayName: 'X' })).body.error?.code;

    expect(await code('forged-token-that-was-never-issued')).toBe('invite_unknown');
    const once = await invite(s.base, w.id, w.token, { role: 'observer', maxUses: 1 });
    await join(s.base, once.token, 'First');
    expect(await code(once.token)).toBe('invite_used_up');
    const revoked = await invite(s.base, w.id, w.token, { role: 'observer' });
    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}/invites/${revoked.id}`, undefined, w.token)).status).toBe(204);
    expect(await code(revoked.token)).toBe('invite_revoked');
    const listed = await call<{ invites: Array<{ id: string; uses: number; revokedAt: string | null }> }>(s.base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token);
    expect(listed.body.invites.map((i) => [i.id, i.uses, i.revokedAt !== null])).toEqual([[once.id, 1, false], [revoked.id, 0, true]]);
    expect(JSON.stringify(listed.body)).not.toMatch(/token/i);
    const expired = await invite(s.base, w.id, w.token, { role: 'observer', expiresInHours: 0.000001 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await code(expired.token)).toBe('invite_expired');
    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}/invites/AAAAAAAAAAAAAAAA`, undefined, w.token)).status).toBe(404);
    // Member tokens are not invite tokens and vice versa.
    expect(await code(w.token)).toBe('invite_unknown');
    expect((await call(s.base, 'GET', `/api/workshops/${w.id}`, undefined, once.token)).status).toBe(401);
  });

  it('counts uses exactly under concurrent joins', async () => {
    const w = await createWorkshop(s.base);
    const inv = await invite(s.base, w.id, w.token, { role: 'observer', maxUses: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(s.base, 'POST', '/api/join', { inviteToken: inv.token, displayName: `N${i}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 410)).toHaveLength(9);
  });
});

describe('deleting a workshop (GDPR)', () => {
  it('removes the workshop, its members, invites and documents; tokens stop working', async () => {
    const w = await createWorkshop(s.base);
    const p = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'participant', organisationId: w.organisations[0]!.id })).token, 'P');
    await s.app.store.docs.appendUpdate(`${w.id}/vision`, new Uint8Array([0, 0]));
    expect((await call(s.base, 'DELETE', `/api/workshops/${w.id}`, undefined, w.token)).status).toBe(204);
    expect((await call(s.base, 'GET', `/api/workshops/${w.id}`, undefined, w.token)).status).toBe(401);
    expect((await call(s.base, 'GET', `/api/workshops/${w.id}`, undefined, p.token)).status).toBe(401);
    expect(await s.app.store.workshops.get(w.id)).toBeNull();
    expect(await s.app.store.audit.list(w.id)).toEqual([]);
    expect((await s.app.store.docs.load(`${w.id}/vision`)).updates).toHaveLength(0);
  });
});

describe('security headers', () => {
  it('sends a strict CSP and no x-powered-by', async () => {
    const r = await fetch(`${s.base}/healthz`);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
    // Plain http here: no HSTS, which would lock browsers out of a test or LAN instance.
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when the public address is https', async () => {
    const secure = await startServer({ PUBLIC_URL: 'https://samskap.example.no' });
    try {
      const r = await fetch(`${secure.base}/healthz`);
      expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.stop();
      secure.cleanup();
    }
  });
});

describe('/healthz', () => {
  it('names the version and the commit this instance runs', async () => {
    const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(await (await fetch(`${s.base}/healthz`)).json()).toEqual({ ok: true, version, commit });
  });
});

describe('workshop settings', () => {
  it('facilitators change title, default language and organisation colours (with contrast checked)', async () => {
    const w = await createWorkshop(s.base);
    const created = await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${w.id}`, undefined, w.token);
    expect(created.body.language).toBe('nn');
    expect(created.body.organisations.map((o) => o.color)).toEqual([null, null]);
    const patched = await call<WorkshopDto>(s.base, 'PATCH', `/api/workshops/${w.id}`, { language: 'en', title: 'Ny tittel' }, w.token);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ language: 'en', title: 'Ny tittel' });
    const org = w.organisations[0]!.id;
    const low = await call<{ error: { code: string; message: string } }>(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${org}`, { color: '#ffeb3b' }, w.token);
    expect(low.status).toBe(400);
    expect(low.body.error.message).toMatch(/^color: needs a contrast/);
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${org}`, { color: 'red' }, w.token)).status).toBe(400);
    const ok = await call<WorkshopDto>(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${org}`, { color: '#7e22ce' }, w.token);
    expect(ok.body.organisations[0]!.color).toBe('#7e22ce');
    expect((await call<WorkshopDto>(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${org}`, { color: null }, w.token)).body.organisations[0]!.color).toBeNull();
    const other = await createWorkshop(s.base);
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${other.organisations[0]!.id}`, { color: null }, w.token)).status).toBe(404);
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}`, {}, w.token)).status).toBe(400);
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}`, { language: 'sv' }, w.token)).status).toBe(400);
    const p = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'participant', organisationId: org })).token, 'P');
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}`, { language: 'nb' }, p.token)).status).toBe(403);
    expect((await call(s.base, 'PATCH', `/api/workshops/${w.id}/organisations/${org}`, { color: null }, p.token)).status).toBe(403);
    const types = (await s.app.store.audit.list(w.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['workshop.updated', 'organisation.color_set']));
  });

  it('facilitators add organisations later; names stay unique', async () => {
    const w = await createWorkshop(s.base);
    const added = await call<WorkshopDto>(s.base, 'POST', `/api/workshops/${w.id}/organisations`, { name: 'Statens vegvesen' }, w.token);
    expect(added.status).toBe(201);
    expect(added.body.organisations.map((o) => o.name)).toEqual(['Helsedirektoratet', 'Bergen kommune', 'Statens vegvesen']);
    const dup = await call<{ error: { message: string } }>(s.base, 'POST', `/api/workshops/${w.id}/organisations`, { name: 'bergen kommune' }, w.token);
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toMatch(/^name:/);
    expect((await call(s.base, 'POST', `/api/workshops/${w.id}/organisations`, { name: '' }, w.token)).status).toBe(400);
    const newOrg = added.body.organisations[2]!.id;
    const inv = await invite(s.base, w.id, w.token, { role: 'participant', organisationId: newOrg });
    expect((await join(s.base, inv.token, 'Vegard')).member.organisationId).toBe(newOrg);
    const o = await join(s.base, (await invite(s.base, w.id, w.token, { role: 'observer' })).token, 'O');
    expect((await call(s.base, 'POST', `/api/workshops/${w.id}/organisations`, { name: 'X' }, o.token)).status).toBe(403);
  });

  it('creates a workshop in a chosen default language', async () => {
    const r = await call<CreatedWorkshopDto>(s.base, 'POST', '/api/workshops', { title: 'T', organisations: [], displayName: 'D', language: 'nb' });
    expect((await call<WorkshopDto>(s.base, 'GET', `/api/workshops/${r.body.id}`, undefined, r.body.token)).body.language).toBe('nb');
  });
});
