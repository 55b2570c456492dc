/**
 * Anchoring a stance (issue #14), in real Chromium against the real server. An organisation's
 * first member, its representative, has endorsed a principle (over socket.io, to keep the browser
 * part short); in English they open the anchor dialog and fill it with the keyboard only: a
 * missing field is named and takes focus, Enter submits. The card then says "endorsed and
 * anchored" for the organisation, apart from the organisations that only endorsed, and so it does
 * in Bokmål. The members list shows the representatives; when the representative steps down
 * there, the card offers no stance and says the organisation has no representative. axe is clean
 * with the dialog open and after; no request leaves the server. With
 * REP_SHOTS set, screenshots of the card and the dialog at 1440×900 and 390×844 go there.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api.js';
import { connected, type TestSocket } from '../helpers/socket.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage as post } from './pages.js';
import { axeClean } from './settle.js';

const STEP = { timeout: 50_000 };
const SHOTS = process.env.REP_SHOTS;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('a representative anchors their organisation’s stance', () => {
  it('with the keyboard, in a labelled dialog; the card tells endorsed from endorsed and anchored, in English and Bokmål', STEP, async () => {
    const page = await openWatchedPage(browser, server.base, watches, outside);
    const created = await post<{ id: string; token: string; organisations: Array<{ id: string }> }>(page, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }],
      displayName: 'Frida Fasilitator',
    });
    const fac = await connected(server.base, created.token);
    sockets.push(fac);
    const { id } = await post<{ id: string }>(page, `/api/workshops/${created.id}/principles`, { text: 'Vi deler data før vi byggjer eigne register' });
    // Each organisation's first member represents it (this page joins Helsedirektoratet); both endorse.
    const inviteTo = (i: number) => post<{ token: string }>(page, `/api/workshops/${created.id}/invites`, { role: 'participant', organisationId: created.organisations[i]!.id });
    const nav = await call<{ token: string }>(server.base, 'POST', '/api/join', { inviteToken: (await inviteTo(1)).token, displayName: 'Kari' });
    const own = await post<{ token: string }>(page, '/api/join', { inviteToken: (await inviteTo(0)).token, displayName: 'Ola Representant' });
    await fac.ok('principle.propose', { principleId: id });
    for (const token of [own.token, nav.body.token]) {
      const s = await connected(server.base, token);
      sockets.push(s);
      await s.ok('principle.endorse', { principleId: id, stance: 'endorse' });
    }

    await page.goto(`/w/${created.id}/charter/principles`);
    const language = page.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('en');
    const card = page.locator('sk-principles-view sk-principle-card').first();
    await card.getByText('Endorsed: Helsedirektoratet and Nav.').waitFor();
    expect(await card.getByText('Endorsed and anchored: none yet.').isVisible()).toBe(true);

    // Keyboard only: focus the action, Enter opens the dialog on its first field.
    const anchor = card.getByRole('button', { name: 'Anchor your organisation’s stance on principle 1…' });
    await anchor.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Anchor your organisation’s stance on principle 1' });
    await dialog.waitFor();
    // Its fields are slotted into the dialog's panel: found from the dialog's host.
    const host = page.locator('sk-anchor-dialog');
    const field = (label: string): Locator => host.getByRole('textbox', { name: label });
    await poll(() => field('Confirmed by (name)').evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('Kari Nordmann');
    await page.keyboard.press('Enter');
    // A missing field is said and takes focus.
    await host.getByRole('alert').filter({ hasText: 'Write their role.' }).waitFor();
    await poll(() => field('Their role').evaluate((el) => el.matches(':focus'))).toBe(true);
    await axeClean(page);
    if (SHOTS) await shoot(page, 'anchor-dialog');
    await page.keyboard.type('avdelingsdirektør');
    await page.keyboard.press('Tab');
    await page.keyboard.type('11112025'); // the date field: day and month alike, whichever order the page's language shows
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sak 2025/117');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const both = card.getByText('Endorsed and anchored: Helsedirektoratet.');
    await both.waitFor();
    const box = await both.boundingBox();
    expect(box && box.width > 50 && box.height > 5).toBe(true);
    expect(await card.getByText('Endorsed: Helsedirektoratet and Nav.').isVisible()).toBe(true);
    const mark = card.locator('.chip[data-org] .anchored');
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe('anchored');
    expect((await mark.boundingBox())!.width).toBeGreaterThan(10);
    expect(await card.locator('.chip', { has: page.locator('.anchored') }).getAttribute('data-org')).toBe(created.organisations[0]!.id);
    expect(await card.locator('.chip .visually-hidden').first().textContent()).toContain('Anchored: confirmed by Kari Nordmann (avdelingsdirektør) on 2025-11-11');
    // Who invited the person who took the stance, and how they came to represent the organisation.
    expect(await card.locator('.chip .visually-hidden').first().textContent()).toContain('Invited by Frida Fasilitator; representative as the organisation’s first member');
    await poll(() => anchor.evaluate((el) => el.matches(':focus'))).toBe(true); // focus is back where it was
    await axeClean(page);
    if (SHOTS) await shoot(page, 'anchored-card');

    await language.selectOption('nb');
    await card.getByText('Sluttet seg til og forankret: Helsedirektoratet.').waitFor();
    expect(await card.getByText('Sluttet seg til: Helsedirektoratet og Nav.').isVisible()).toBe(true);
    expect(await mark.textContent()).toBe('forankret');
    await axeClean(page);

    // The members list says who represents whom; stepping down takes the stance buttons away.
    await language.selectOption('en');
    await page.goto(`/w/${created.id}/settings`);
    const members = page.locator('sk-members');
    await members.getByRole('heading', { name: 'Representatives' }).waitFor();
    expect(await members.locator('li', { hasText: 'Ola Representant' }).locator('.badge').textContent()).toBe('Representative');
    expect(await members.locator('li', { hasText: 'Kari' }).locator('.badge').textContent()).toBe('Representative');
    await axeClean(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/members-1440.png` });
    await members.getByRole('button', { name: 'Step down as representative' }).focus();
    await page.keyboard.press('Enter');
    await members.getByRole('status').filter({ hasText: 'Ola Representant no longer represents their organisation.' }).waitFor();
    await page.goto(`/w/${created.id}/charter/principles`);
    await card.getByText('Your organisation has no representative yet').waitFor();
    expect(await card.getByRole('button', { name: 'Endorse' }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /^Anchor/ }).count()).toBe(0);
    await axeClean(page);
    await language.selectOption('nn');
    expect(outside.flat()).toEqual([]);
    for (const w of watches.values()) expect(w.problems).toEqual([]);
  });
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    const dialogOpen = await page.getByRole('dialog').isVisible().catch(() => false);
    if (!dialogOpen) await page.locator('sk-principles-view sk-principle-card').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
