/**
 * Sign-in with OpenID Connect (issue #14) against a real provider started in this test
 * (oidc-provider, driven over HTTP): a person who opens an invite joins as themselves, with the
 * invite's organisation, and is one member on any number of browsers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatusDto, InviteSummaryDto, MemberDto, MyWorkshopDto, WorkshopDto } from '../shared/api.js';
import { call } from './helpers/api.js';
import { OidcBrowser } from './helpers/oidc-browser.js';
import { startSignInWorld, workshopWithOrgNumbers, type SignInWorld } from './helpers/sign-in.js';

let world: SignInWorld;
let base: string;
beforeAll(async () => {
  world = await startSignInWorld(
    {
      kari: { name: 'Kari Nordmann', authorization_details: [{ type: 'ansattporten:altinn:resource', orgno: '0192:991825827' }] },
      ola: { given_name: 'Ola', family_name: 'Nav', authorization_details: [{ type: 'ansattporten:altinn:resource', orgno: '0192:889640782' }] },
    },
    { OIDC_ORG_CLAIM: 'authorization_details[].orgno', OIDC_AUTHORIZATION_DETAILS: '{"type":"ansattporten:altinn:resource","resource":"urn:altinn:resource:samskap"}' },
  );
  base = world.s.base;
});
afterAll(() => world.stop());

const asBrowser = async (b: OidcBrowser, path: string) => {
  const res = await b.request(base + path);
  return { status: res.status, body: (await res.json()) as unknown };
};

/** Signs `login` in on browser `b` through the invite; the callback's answer. */
async function signInWithInvite(b: OidcBrowser, inviteToken: string, login: string): Promise<Response> {
  return b.request(await b.throughProvider(`${base}/auth/oidc/start?invite=${encodeURIComponent(inviteToken)}`, login));
}

describe('sign-in with an invite', () => {
  it('signs in end to end and joins as that person, in the invite’s organisation', async () => {
    const { w, inviteToken, inviteId } = await workshopWithOrgNumbers(base);
    const start = await new OidcBrowser().request(`${base}/auth/oidc/start?invite=${inviteToken}`);
    const authUrl = new URL(start.headers.get('location')!);
    expect(authUrl.origin).toBe(world.provider.issuer);
    expect(Object.fromEntries(authUrl.searchParams)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', scope: 'openid profile', redirect_uri: `${base}/auth/oidc/callback` });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authUrl.searchParams.get(p)?.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(authUrl.searchParams.get('authorization_details')!)).toEqual([{ type: 'ansattporten:altinn:resource', resource: 'urn:altinn:resource:samskap' }]);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('samskap_oidc='))!;
    expect(flowCookie).toMatch(/Path=\/auth\/oidc\/; HttpOnly; SameSite=Lax; Max-Age=600/);

    const b = new OidcBrowser();
    const done = await signInWithInvite(b, inviteToken, 'kari');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/w/${w.id}`);
    expect(done.headers.getSetCookie().find((c) => c.startsWith('samskap_person='))).toMatch(/HttpOnly; SameSite=Lax/);
    const me = (await asBrowser(b, `/api/workshops/${w.id}`)).body as WorkshopDto;
    expect(me.me).toMatchObject({ displayName: 'Kari Nordmann', role: 'participant', organisationId: w.organisations[0]!.id });
    expect(me.organisations[0]!.orgNumber).toBe('991825827');
    expect((await asBrowser(b, '/api/auth')).body).toEqual({ signIn: { enabled: true, label: 'Testporten' }, person: { name: 'Kari Nordmann', orgNumber: '991825827' } } satisfies AuthStatusDto);
    expect(b.cookie(base, 'samskap_oidc')).toBeUndefined(); // one use only

    const invites = (await call<{ invites: InviteSummaryDto[] }>(base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(invites.find((i) => i.id === inviteId)!.uses).toBe(1);
    const audit = await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(base, 'GET', `/api/workshops/${w.id}/audit`, undefined, w.token);
    const joined = audit.body.entries.find((e) => e.type === 'member.joined')!;
    expect(joined.data).toMatchObject({ inviteId, signedIn: true });
    expect(JSON.stringify(audit.body)).not.toContain('kari');
  });

  it('makes one member of one person on two browsers, and lets a third in through "enter"', async () => {
    const { w, inviteToken, inviteId } = await workshopWithOrgNumbers(base);
    const [one, two, three] = [new OidcBrowser(), new OidcBrowser(), new OidcBrowser()];
    expect((await signInWithInvite(one, inviteToken, 'kari')).status).toBe(303);
    const first = ((await asBrowser(one, `/api/workshops/${w.id}`)).body as WorkshopDto).me;
    expect((await signInWithInvite(two, inviteToken, 'kari')).headers.get('location')).toBe(`/w/${w.id}`);
    expect(((await asBrowser(two, `/api/workshops/${w.id}`)).body as WorkshopDto).me.id).toBe(first.id);
    // Each browser holds a credential of its own: the second sign-in signs the first out of nothing.
    expect(((await asBrowser(one, `/api/workshops/${w.id}`)).body as WorkshopDto).me.id).toBe(first.id);

    // Signed in without an invite, the workshop is listed as the person's; "enter" opens it.
    expect((await three.request(await three.throughProvider(`${base}/auth/oidc/start`, 'kari'))).headers.get('location')).toBe('/');
    const mine = (await asBrowser(three, '/api/me/workshops')).body as { workshops: MyWorkshopDto[] };
    expect(mine.workshops.find((x) => x.id === w.id)).toMatchObject({ member: { id: first.id }, viaSignIn: true });
    expect((await asBrowser(three, `/api/workshops/${w.id}`)).status).toBe(401);
    const enter = await three.request(`${base}/api/me/workshops/${w.id}/enter`, { method: 'POST', headers: { origin: base } });
    expect(enter.status).toBe(200);
    expect(((await enter.json()) as { member: MemberDto }).member.id).toBe(first.id);
    expect(((await asBrowser(three, `/api/workshops/${w.id}`)).body as WorkshopDto).me.id).toBe(first.id);
    expect((await three.request(`${base}/api/me/workshops/${w.id}/enter`, { method: 'POST', headers: { origin: 'http://evil.example' } })).status).toBe(403);

    const members = (await call<{ members: MemberDto[] }>(base, 'GET', `/api/workshops/${w.id}/members`, undefined, w.token)).body.members;
    expect(members.map((m) => m.displayName)).toEqual(['Fasilitator Frida', 'Kari Nordmann']);
    const invites = (await call<{ invites: InviteSummaryDto[] }>(base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(invites.find((i) => i.id === inviteId)!.uses).toBe(1);
  });

  it('refuses an invite for another organisation than the one the person signed in for, creating nothing', async () => {
    const { w, inviteToken, inviteId } = await workshopWithOrgNumbers(base);
    const b = new OidcBrowser();
    const done = await signInWithInvite(b, inviteToken, 'ola'); // NAV's number, Digdir's invite
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/join/${inviteToken}?error=org_mismatch`);
    expect(b.cookie(base, `samskap_${w.id}`)).toBeUndefined();
    const members = (await call<{ members: MemberDto[] }>(base, 'GET', `/api/workshops/${w.id}/members`, undefined, w.token)).body.members;
    expect(members).toHaveLength(1);
    const invites = (await call<{ invites: InviteSummaryDto[] }>(base, 'GET', `/api/workshops/${w.id}/invites`, undefined, w.token)).body.invites;
    expect(invites.find((i) => i.id === inviteId)!.uses).toBe(0);
    // Given names make the display name when there is no `name`.
    expect(((await asBrowser(b, '/api/auth')).body as AuthStatusDto).person).toEqual({ name: 'Ola Nav', orgNumber: '889640782' });
  });

  it('does not let a removed member back in by signing in', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const b = new OidcBrowser();
    await signInWithInvite(b, inviteToken, 'kari');
    const kari = ((await asBrowser(b, `/api/workshops/${w.id}`)).body as WorkshopDto).me;
    expect((await call(base, 'DELETE', `/api/workshops/${w.id}/members/${kari.id}`, undefined, w.token)).status).toBe(204);
    const again = new OidcBrowser();
    const done = await signInWithInvite(again, inviteToken, 'kari');
    expect(done.headers.get('location')).toBe(`/join/${inviteToken}?error=member_removed`);
    expect(again.cookie(base, `samskap_${w.id}`)).toBeUndefined();
    expect((await again.request(`${base}/api/me/workshops/${w.id}/enter`, { method: 'POST', headers: { origin: base } })).status).toBe(403);
    expect(((await asBrowser(again, '/api/me/workshops')).body as { workshops: MyWorkshopDto[] }).workshops.some((x) => x.id === w.id)).toBe(false);
  });
});

describe('importing with sign-in on', () => {
  it('takes a backup only from a signed-in person (issue #12: no anonymous workshop creation by import)', async () => {
    const { w } = await workshopWithOrgNumbers(base);
    const backup: unknown = await (await fetch(`${base}/api/workshops/${w.id}/backup`, { headers: { authorization: `Bearer ${w.token}` } })).json();
    const post = (b: OidcBrowser) => b.request(`${base}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ displayName: 'Kari Nordmann', backup }) });
    const stranger = await post(new OidcBrowser());
    expect(stranger.status).toBe(401);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const kari = new OidcBrowser();
    expect((await kari.request(await kari.throughProvider(`${base}/auth/oidc/start`, 'kari'))).status).toBe(303);
    const imported = await post(kari);
    expect([imported.status, imported.status === 201 ? '' : await imported.text()]).toEqual([201, '']);
    expect(((await imported.json()) as { title: string }).title).toBe(w.title);
  });
});

describe('representatives and sign-in', () => {
  it('a facilitator names a member whose sign-in states the organisation’s number without further confirmation', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    // The first member (by link, no sign-in) represents Digdir; Kari then signs in for Digdir's number.
    const first = await call<{ member: MemberDto }>(base, 'POST', '/api/join', { inviteToken, displayName: 'Per' });
    expect(first.body.member.representative).toBe(true);
    const kari = new OidcBrowser();
    expect((await signInWithInvite(kari, inviteToken, 'kari')).status).toBe(303);
    const kariMe = ((await asBrowser(kari, `/api/workshops/${w.id}`)).body as WorkshopDto).me;
    expect(kariMe.representative).toBe(false);
    // Without a claim a facilitator needs the organisation's confirmation; with Kari's, none.
    const other = await call<{ member: MemberDto }>(base, 'POST', '/api/join', { inviteToken, displayName: 'Olav' });
    const plain = await call<{ error: { details: { field: string } } }>(base, 'PATCH', `/api/workshops/${w.id}/members/${other.body.member.id}`, { representative: true }, w.token);
    expect([plain.status, plain.body.error.details.field]).toEqual([400, 'confirmation']);
    const named = await call<MemberDto>(base, 'PATCH', `/api/workshops/${w.id}/members/${kariMe.id}`, { representative: true }, w.token);
    expect(named.status).toBe(200);
    expect(named.body.representative).toBe(true);
    const audit = (await call<{ entries: { type: string; data: Record<string, unknown> }[] }>(base, 'GET', `/api/workshops/${w.id}/audit`, undefined, w.token)).body.entries;
    expect(audit.filter((e) => e.type === 'member.representative_named').at(-1)?.data).toMatchObject({ memberId: kariMe.id, confirmedByClaim: true, confirmation: null });
  });
});
