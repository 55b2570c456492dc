/**
 * Organisation numbers (issue #14): optional on create, add and PATCH (facilitator), checked
 * (9 digits, mod 11), shown with the organisation, carried by backups; a signed-in person's link
 * to a member (members.person_id) is not: an imported member is held by nobody.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopDto, OrganisationDto, WorkshopDto } from '../shared/api.js';
import { call } from './helpers/api.js';
import { OidcBrowser } from './helpers/oidc-browser.js';
import { startSignInWorld, workshopWithOrgNumbers, type SignInWorld } from './helpers/sign-in.js';

let world: SignInWorld;
let base: string;
beforeAll(async () => {
  world = await startSignInWorld({ kari: { name: 'Kari Nordmann' } });
  base = world.s.base;
});
afterAll(() => world.stop());

describe('organisation numbers', () => {
  it('are checked wherever they are given, and shown with the organisation', async () => {
    const bad = await call<{ error: { code: string; details: { field: string } } }>(base, 'POST', '/api/workshops', { title: 'T', organisations: [{ name: 'A', orgNumber: '991825828' }], displayName: 'F' });
    expect([bad.status, bad.body.error.code, bad.body.error.details.field]).toEqual([400, 'validation_failed', 'organisations.0.orgNumber']);
    const { w } = await workshopWithOrgNumbers(base);
    const orgs = (path: string, body: unknown, method = 'POST') => call<WorkshopDto & { error?: { details: { field: string } } }>(base, method, `/api/workshops/${w.id}${path}`, body, w.token);
    expect((await orgs('/organisations', { name: 'Skatteetaten', orgNumber: '12345678' })).body.error!.details.field).toBe('orgNumber');
    const added = await orgs('/organisations', { name: 'Skatteetaten', orgNumber: '974761076' });
    expect(added.status).toBe(201);
    expect(added.body.organisations.map((o: OrganisationDto) => [o.name, o.orgNumber])).toEqual([['Digdir', '991825827'], ['NAV', '889640782'], ['Skatteetaten', '974761076']]);
    const nav = added.body.organisations[1]!.id;
    expect((await orgs(`/organisations/${nav}`, { orgNumber: '889640783' }, 'PATCH')).body.error!.details.field).toBe('orgNumber');
    expect((await orgs(`/organisations/${nav}`, { orgNumber: null, color: '#1d4ed8' }, 'PATCH')).body.organisations[1]).toMatchObject({ orgNumber: null, color: '#1d4ed8' });
    expect((await orgs(`/organisations/${nav}`, { orgNumber: '889640782' }, 'PATCH')).body.organisations[1]!.orgNumber).toBe('889640782');
  });

  it('only a facilitator sets them', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const joined = await call<{ token: string }>(base, 'POST', '/api/join', { inviteToken, displayName: 'Per' });
    const r = await call(base, 'PATCH', `/api/workshops/${w.id}/organisations/${w.organisations[0]!.id}`, { orgNumber: null }, joined.body.token);
    expect(r.status).toBe(403);
  });

  it('travel in backups; who signed in does not', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const b = new OidcBrowser();
    await b.request(await b.throughProvider(`${base}/auth/oidc/start?invite=${inviteToken}`, 'kari'));
    const backup = await call<{ content: { rows: Record<string, Record<string, unknown>[]> } }>(base, 'GET', `/api/workshops/${w.id}/backup`, undefined, w.token);
    expect(backup.body.content.rows.members).toHaveLength(2);
    for (const m of backup.body.content.rows.members!) expect(m).not.toHaveProperty('person_id');
    expect(backup.body.content.rows.organisations!.map((o) => o.org_number)).toEqual(['991825827', '889640782']);
    // With sign-in on, only a signed-in person imports (Kari, here).
    const importAs = async <T>(body: unknown) => {
      const res = await b.request(`${base}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as T };
    };
    const imported = await importAs<CreatedWorkshopDto>({ displayName: 'Importør Ida', backup: backup.body });
    expect(imported.status).toBe(201);
    expect(imported.body.organisations.map((o) => o.orgNumber)).toEqual(['991825827', '889640782']);
    // Kari is a member of the original, not of the copy.
    const enter = (id: string) => b.request(`${base}/api/me/workshops/${id}/enter`, { method: 'POST', headers: { origin: base } });
    expect((await enter(w.id)).status).toBe(200);
    expect((await enter(imported.body.id)).status).toBe(404);
    // A file that names a person is refused.
    const forged = structuredClone(backup.body) as typeof backup.body & { sha256: string };
    forged.content.rows.members![0]!.person_id = 'someone';
    forged.sha256 = createHash('sha256').update(JSON.stringify(forged.content)).digest('hex');
    const refused = await importAs<{ error: { code: string; message: string } }>({ displayName: 'Importør Ida', backup: forged });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'backup_invalid']);
    expect(refused.body.error.message).toContain('person_id');
  });
});
