/**
 * Sign-in's bad input (issue #14) against a real provider (oidc-provider): a callback that is not
 * this browser's (CSRF), an ID token for another nonce, an error from the provider, open
 * redirects after sign-in, session fixation, idle person sessions; and a server without sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatusDto, MemberDto } from '../shared/api.js';
import { signCookieValue } from '../server/auth/tokens.js';
import { call } from './helpers/api.js';
import { OidcBrowser } from './helpers/oidc-browser.js';
import { startServer } from './helpers/server.js';
import { SECRET, startSignInWorld, workshopWithOrgNumbers, type SignInWorld } from './helpers/sign-in.js';

let world: SignInWorld;
let base: string;
let offsetDays = 0;
beforeAll(async () => {
  world = await startSignInWorld(
    { kari: { name: 'Kari Nordmann', orgno: '991825827' }, mallory: { name: 'Mallory' } },
    { OIDC_ORG_CLAIM: 'orgno', SESSION_IDLE_DAYS: '30' },
    { now: () => new Date(Date.now() + offsetDays * 86_400_000) },
  );
  base = world.s.base;
});
afterAll(() => world.stop());

const auth = async (b: OidcBrowser) => (await (await b.request(`${base}/api/auth`)).json()) as AuthStatusDto;
const members = async (workshopId: string, token: string) => (await call<{ members: MemberDto[] }>(base, 'GET', `/api/workshops/${workshopId}/members`, undefined, token)).body.members;

describe('sign-in refuses', () => {
  it('a callback that another browser started (state not this browser’s: CSRF), creating nothing', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const attacker = new OidcBrowser();
    const forged = await attacker.throughProvider(`${base}/auth/oidc/start?invite=${inviteToken}`, 'mallory');
    const victim = new OidcBrowser();
    const noFlow = await victim.request(forged);
    expect(noFlow.status).toBe(400);
    expect(await noFlow.text()).toContain('Sign-in was refused');
    // The victim's own sign-in in progress does not make the attacker's callback theirs either.
    await victim.request(`${base}/auth/oidc/start?invite=${inviteToken}`);
    expect((await victim.request(forged)).status).toBe(400);
    expect(victim.cookie(base, 'samskap_person')).toBeUndefined();
    expect(await members(w.id, w.token)).toHaveLength(1);
  });

  it('an ID token carrying another nonce than this browser’s, creating nothing', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const b = new OidcBrowser();
    const callback = await b.throughProvider(`${base}/auth/oidc/start?invite=${inviteToken}`, 'kari', {
      tamper: (url) => {
        url.searchParams.set('nonce', 'a-nonce-this-browser-never-sent-0123456789');
        return url;
      },
    });
    const res = await b.request(callback);
    expect(res.status).toBe(400);
    expect(b.cookie(base, 'samskap_person')).toBeUndefined();
    expect(await members(w.id, w.token)).toHaveLength(1);
  });

  it('an error from the provider (the person cancelled)', async () => {
    const b = new OidcBrowser();
    const callback = await b.throughProvider(`${base}/auth/oidc/start`, 'kari', { abort: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    expect((await b.request(callback)).status).toBe(400);
    expect((await auth(b)).person).toBeNull();
  });

  it('to send anyone elsewhere than this site afterwards (open redirect): returnTo falls back to /', async () => {
    for (const [returnTo, expected] of [
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['/\t/evil.example', '/'],
      ['/w/abc?tab=1', '/w/abc?tab=1'],
    ]) {
      const b = new OidcBrowser();
      const done = await b.request(await b.throughProvider(`${base}/auth/oidc/start?returnTo=${encodeURIComponent(returnTo!)}`, 'kari'));
      expect([returnTo, done.headers.get('location')]).toEqual([returnTo, expected]);
    }
  });
});

describe('person sessions', () => {
  it('are always new on sign-in: a cookie planted before (session fixation) never becomes the person’s', async () => {
    const mallory = new OidcBrowser();
    await mallory.request(await mallory.throughProvider(`${base}/auth/oidc/start`, 'mallory'));
    const malloryCookie = mallory.cookie(base, 'samskap_person')!;
    const planted = signCookieValue('planted-token-the-attacker-knows-0123456789a', SECRET);
    for (const value of [planted, malloryCookie]) {
      const victim = new OidcBrowser();
      victim.setCookie(base, 'samskap_person', value);
      await victim.request(await victim.throughProvider(`${base}/auth/oidc/start`, 'kari'));
      const issued = victim.cookie(base, 'samskap_person')!;
      expect(issued).not.toBe(value);
      expect((await auth(victim)).person?.name).toBe('Kari Nordmann');
      const attacker = new OidcBrowser();
      attacker.setCookie(base, 'samskap_person', value);
      expect((await auth(attacker)).person?.name ?? null).toBe(value === malloryCookie ? 'Mallory' : null);
    }
  });

  it('end after SESSION_IDLE_DAYS without use; use keeps them alive; logout ends them', async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(base);
    const b = new OidcBrowser();
    await b.request(await b.throughProvider(`${base}/auth/oidc/start?invite=${inviteToken}`, 'kari'));
    try {
      offsetDays = 29;
      expect((await auth(b)).person?.name).toBe('Kari Nordmann');
      offsetDays = 58; // 29 days after the last use
      expect((await auth(b)).person?.name).toBe('Kari Nordmann');
      offsetDays = 89;
      expect((await auth(b)).person).toBeNull();
      expect((await b.request(`${base}/api/me/workshops/${w.id}/enter`, { method: 'POST', headers: { origin: base } })).status).toBe(401);
    } finally {
      offsetDays = 0;
    }
    const again = new OidcBrowser();
    await again.request(await again.throughProvider(`${base}/auth/oidc/start`, 'kari'));
    expect((await again.request(`${base}/auth/logout`, { method: 'POST', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await again.request(`${base}/auth/logout`, { method: 'POST', headers: { origin: base } })).status).toBe(204);
    expect((await auth(again)).person).toBeNull();
  });
});

describe('without sign-in configured', () => {
  it('says so and offers no sign-in routes', async () => {
    const plain = await startServer();
    try {
      expect((await call<AuthStatusDto>(plain.base, 'GET', '/api/auth')).body).toEqual({ signIn: { enabled: false, label: null }, person: null });
      const start = await call<{ error: { code: string } }>(plain.base, 'GET', '/auth/oidc/start');
      expect([start.status, start.body.error.code]).toEqual([404, 'sign_in_disabled']);
    } finally {
      await plain.stop();
      plain.cleanup();
    }
  });
});
