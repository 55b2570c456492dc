/**
 * Sign-in in Chromium (issue #14): with a provider configured, the join page offers "Sign in with
 * <label>" (axe-clean, at desktop and phone widths, screenshots under /tmp/shots-oidc/); following
 * it through the test provider (oidc-provider's login and consent forms) lands in the workshop as
 * the signed-in person, in the invite's organisation; on another browser, signing in lists the
 * workshop under "Your workshops", and opening it there enters as the same member.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopDto } from '../../shared/api.js';
import { startProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { freePort, workshopWithOrgNumbers } from '../helpers/sign-in.js';
import { expectAxeClean } from './axe.js';
import { launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';

const SHOTS = '/tmp/shots-oidc';
let client: BuiltClient;
let provider: TestProvider;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  [client, provider] = await Promise.all([
    buildClient(),
    startProvider({ redirectUri: `${base}/auth/oidc/callback`, accounts: { kari: { name: 'Kari Nordmann', orgno: '991825827' } } }),
  ]);
  server = await startServer(client.dir, {
    PORT: String(port),
    PUBLIC_URL: base,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ORG_CLAIM: 'orgno',
    OIDC_LABEL: 'Testporten',
  });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
  await provider?.stop();
  client?.remove();
});

async function openPage(viewport: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', viewport });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  // Only Samskap's own pages are held to a clean console; the test provider's pages are not ours.
  const watch = await watchPage(page, (m) => !m.location().url.startsWith(server.base));
  return { page, watch };
}

describe('sign-in in Chromium', () => {
  it('offers sign-in on the join page and lands in the workshop as the signed-in person', { timeout: 60_000 }, async () => {
    const { w, inviteToken } = await workshopWithOrgNumbers(server.base);
    let desktop: Page | null = null;
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      const { page, watch } = await openPage(viewport);
      await page.goto(`/join/${inviteToken}`);
      const signIn = page.getByRole('link', { name: 'Logg inn med Testporten' });
      await signIn.waitFor();
      await expectAxeClean(page);
      await page.screenshot({ path: `${SHOTS}/join-sign-in-${viewport.width}x${viewport.height}.png`, fullPage: true });
      expect(watch.problems).toEqual([]);
      desktop = page;
    }
    // A sign-in the server sent back (another organisation than the invite's) says why.
    const { page: refused } = await openPage({ width: 1440, height: 900 });
    await refused.goto(`/join/${inviteToken}?error=org_mismatch`);
    await refused.getByRole('alert').filter({ hasText: 'Du logga inn for ei anna verksemd' }).waitFor();
    await expectAxeClean(refused);
    const page = desktop!;
    await page.getByRole('link', { name: 'Logg inn med Testporten' }).click();
    await page.waitForURL((u) => u.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('kari');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.origin === provider.issuer && u.pathname.startsWith('/interaction/') && !u.pathname.endsWith('/login'));
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForURL(`${server.base}/w/${w.id}`);
    const me = await page.evaluate(async (id) => ((await (await fetch(`/api/workshops/${id}`)).json()) as WorkshopDto).me, w.id);
    expect(me).toMatchObject({ displayName: 'Kari Nordmann', role: 'participant', organisationId: w.organisations[0]!.id });
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // Another browser: signing in (no invite) lists the workshop under "Your workshops"; opening it
    // there gives this browser a session of its own, as the same member.
    const { page: other, watch } = await openPage({ width: 1440, height: 900 });
    await other.goto(`/auth/oidc/start`);
    await other.locator('input[name="login"]').fill('kari');
    await other.locator('input[name="password"]').fill('any');
    await other.locator('button[type="submit"]').click();
    await other.waitForURL((u) => u.origin === provider.issuer && u.pathname.startsWith('/interaction/') && !u.pathname.endsWith('/login'));
    await other.locator('button[type="submit"]').click();
    await other.waitForURL(`${server.base}/`);
    await other.getByText('Logga inn som Kari Nordmann').waitFor();
    await expectAxeClean(other);
    const listed = other.getByRole('region', { name: 'Verkstadene dine' }).getByRole('link', { name: w.title });
    await listed.waitFor();
    expect(await listed.isVisible()).toBe(true);
    await listed.click();
    await other.waitForURL(`${server.base}/w/${w.id}`);
    await other.getByRole('heading', { level: 1 }).first().waitFor();
    const again = await other.evaluate(async (id) => ((await (await fetch(`/api/workshops/${id}`)).json()) as WorkshopDto).me, w.id);
    expect(again.id).toBe(me.id);
    // Signing out ends the sign-in on this browser; the start page offers it again.
    await other.goto('/');
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.getByRole('link', { name: 'Logg inn med Testporten' }).waitFor();
    expect(await other.evaluate(async () => ((await (await fetch('/api/auth')).json()) as { person: unknown }).person)).toBeNull();
    expect(watch.problems).toEqual([]);
  });
});
