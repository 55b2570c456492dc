/**
 * The first screens in real Chromium against the real server: a facilitator creates a workshop
 * and invites a participant, who joins from another browser context; the language switch;
 * revoking an invite; error pages; deleting the workshop. axe runs on every page (with errors and
 * dialogs shown too), and no console error or CSP violation may occur, nor any request outside the
 * server. The steps build on each other and run in order.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { apiErrorStatus, focused, launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { dialogNamed, dialogShown, focusedControl, watchOrigin } from './shoelace.js';

const STEP = { timeout: 30_000 };
const TITLE = 'Livshendinga «alvorleg sjukt barn»';

let client: BuiltClient;
let server: TestServer;
let base: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

/** A fresh, isolated browser context (own cookies and storage) with one watched page. */
async function openPage(expected?: Parameters<typeof watchPage>[1]): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'nn-NO' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  watches.set(page, await watchPage(page, expected));
  outside.push(watchOrigin(page, base));
  return page;
}

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  base = server.base;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('start page, invites and joining in Chromium', () => {
  let facilitator: Page;
  let participant: Page;
  let workshopUrl: string;
  let inviteLink: string;

  it('shows the start page in Nynorsk, accessible, with errors tied to their fields', STEP, async () => {
    facilitator = await openPage();
    await facilitator.goto('/');
    await expect.poll(() => facilitator.evaluate(() => document.documentElement.lang)).toBe('nn');
    await facilitator.getByRole('heading', { level: 1, name: 'Opprett ein verkstad' }).waitFor();
    await expectAxeClean(facilitator);

    await facilitator.getByRole('button', { name: 'Opprett verkstaden' }).click();
    const title = facilitator.getByLabel('Tittel på verkstaden');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-describedby')).toBe('title-error');
    expect(await focused(facilitator)).toBe('input: ');
    await facilitator.getByText('Skriv ein tittel på verkstaden.').waitFor();
    await expectAxeClean(facilitator);
  });

  it('lets a facilitator create a workshop with two organisations', STEP, async () => {
    await facilitator.getByLabel('Tittel på verkstaden').fill(TITLE);
    await facilitator.getByLabel('Verksemd 1', { exact: true }).fill('Statens vegvesen');
    await facilitator.getByRole('button', { name: 'Legg til verksemd' }).click();
    await facilitator.getByLabel('Verksemd 2', { exact: true }).fill('Nav');
    await facilitator.getByLabel('Namnet ditt').fill('Kari Nordmann');
    await facilitator.getByLabel('Verksemda di (valfritt)').selectOption({ label: 'Statens vegvesen' });
    await facilitator.getByRole('button', { name: 'Opprett verkstaden' }).click();

    await facilitator.waitForURL(/\/w\/[A-Za-z0-9_-]{16}$/);
    workshopUrl = facilitator.url();
    await facilitator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => focused(facilitator)).toBe(`h1: ${TITLE}`);
    // The workshop opens on its board; members and invites have their own tab.
    expect(await facilitator.getByRole('link', { name: 'Tavle', exact: true }).getAttribute('aria-current')).toBe('page');
    await facilitator.getByRole('link', { name: 'Medlemmer og invitasjonar' }).click();
    await facilitator.waitForURL(/\/w\/[A-Za-z0-9_-]{16}\/settings$/);
    const me = facilitator.getByRole('region', { name: 'Om deg' });
    await me.getByText('Fasilitator').waitFor();
    await me.getByText('Statens vegvesen').waitFor();
    await facilitator.getByRole('heading', { name: 'Inviter andre' }).waitFor();
    await expectAxeClean(facilitator);
  });

  it('adds a partner organisation later and gives it a colour with enough contrast', STEP, async () => {
    await facilitator.getByLabel('Namnet på verksemda').fill('Statsforvaltaren');
    await facilitator.getByLabel('Namnet på verksemda').press('Enter');
    await facilitator.getByRole('status').getByText('Statsforvaltaren er lagd til.', { exact: false }).waitFor();
    await facilitator.getByLabel('Verksemd', { exact: true }).locator('option', { hasText: 'Statsforvaltaren' }).waitFor({ state: 'attached' });
    // Too light for text on white: refused in the field, with the reason.
    await facilitator.getByLabel('Statsforvaltaren', { exact: true }).fill('#ffee00');
    await facilitator.getByRole('alert').getByText('For lys', { exact: false }).waitFor();
    await facilitator.getByLabel('Statsforvaltaren', { exact: true }).fill('#7e22ce');
    await facilitator.getByRole('status').getByText('Farga er lagra.').waitFor();
    await expectAxeClean(facilitator);
  });

  it('creates a participant invite for the second organisation and copies it', STEP, async () => {
    await facilitator.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Deltakar' });
    await facilitator.getByLabel('Verksemd', { exact: true }).selectOption({ label: 'Nav' });
    await facilitator.getByRole('button', { name: 'Lag invitasjonslenkje' }).click();
    await facilitator.getByRole('status').getByText('Invitasjonslenkja er laga.', { exact: false }).waitFor();

    inviteLink = await facilitator.getByLabel('Invitasjonslenkje for Deltakar, Nav').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${base}/join/[A-Za-z0-9_-]+$`));
    await facilitator.getByRole('button', { name: 'Kopier lenkja: Deltakar, Nav' }).click();
    await facilitator.getByRole('status').getByText('Lenkja er kopiert.').waitFor();
    expect(await facilitator.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    await expectAxeClean(facilitator);
  });

  it('lets a participant join through the link in another browser context', STEP, async () => {
    participant = await openPage();
    await participant.goto(inviteLink);
    await participant.getByRole('heading', { level: 1, name: 'Bli med i verkstaden' }).waitFor();
    await expectAxeClean(participant);

    await participant.getByLabel('Namnet ditt').fill('Ola Nordmann');
    await participant.getByRole('button', { name: 'Bli med' }).click();
    await participant.waitForURL(workshopUrl);
    await participant.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await participant.getByRole('link', { name: 'Medlemmer', exact: true }).click();
    const me = participant.getByRole('region', { name: 'Om deg' });
    await me.getByText('Deltakar').waitFor();
    await me.getByText('Nav', { exact: true }).waitFor();
    expect(await participant.getByRole('heading', { name: 'Inviter andre' }).count()).toBe(0);
    await expectAxeClean(participant);

    await facilitator.getByRole('button', { name: 'Oppdater lista' }).click();
    // Exact: the list's buttons name the member too ("Ta bort Ola Nordmann som representant").
    await facilitator.getByRole('region', { name: 'Medlemmer' }).getByText('Ola Nordmann', { exact: true }).waitFor();

    // The same link again in the same browser: straight into the workshop as Ola, no second member.
    await participant.goto(inviteLink);
    await participant.waitForURL(workshopUrl);
    await participant.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await participant.getByRole('link', { name: 'Medlemmer', exact: true }).click();
    await participant.getByRole('region', { name: 'Om deg' }).getByText('Ola Nordmann').waitFor();
    await facilitator.getByRole('button', { name: 'Oppdater lista' }).click();
    await expect.poll(() => facilitator.getByRole('region', { name: 'Medlemmer' }).getByText('Ola Nordmann', { exact: true }).count()).toBe(1);
  });

  it('switches the language to English and Bokmål, and remembers it', STEP, async () => {
    const language = participant.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('en');
    await participant.getByRole('heading', { name: 'About you' }).waitFor();
    await participant.getByRole('region', { name: 'About you' }).getByText('Participant').waitFor();
    expect(await participant.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await participant.getByLabel('Language', { exact: true }).inputValue()).toBe('en');

    await language.selectOption('nb');
    await participant.getByRole('region', { name: 'Om deg' }).getByText('Deltaker').waitFor();
    await participant.getByRole('heading', { name: 'Virksomheter' }).waitFor();
    expect(await participant.evaluate(() => document.documentElement.lang)).toBe('nb');
    await expectAxeClean(participant);

    await participant.reload();
    await participant.getByRole('heading', { name: 'Virksomheter' }).waitFor();
    expect(await participant.evaluate(() => [document.documentElement.lang, localStorage.getItem('samskap.locale')])).toEqual(['nb', 'nb']);

    // The charter's texts come in a second table with its tab: in Bokmål, and after a switch on the tab, in Nynorsk.
    await participant.goto(`${workshopUrl.replace(/\/$/, '')}/charter`);
    await participant.locator('sk-charter-page').getByText('Ingen aktører ennå.', { exact: false }).first().waitFor();
    await language.selectOption('nn');
    await participant.locator('sk-charter-page').getByText('Ingen aktørar enno.', { exact: false }).first().waitFor();
    await language.selectOption('nb');
    await participant.locator('sk-charter-page').getByText('Ingen aktører ennå.', { exact: false }).first().waitFor();
  });

  it('revokes an invite behind an accessible confirmation dialog', STEP, async () => {
    const revoke = facilitator.getByRole('button', { name: /^Trekk tilbake: Deltakar, Nav/ });
    await revoke.click();
    const dialog = dialogNamed(facilitator, 'Trekkje tilbake invitasjonslenkja?');
    await dialogShown(dialog);
    await expect.poll(() => focusedControl(facilitator)).toBe('sl-button: Avbryt');
    await expectAxeClean(facilitator);
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedControl(facilitator)).toMatch(/^sl-button: Trekk tilbake: Deltakar, Nav/);

    await revoke.click();
    await dialog.getByRole('button', { name: 'Trekk tilbake lenkja' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await facilitator.locator('sk-invite-list li', { hasText: 'Deltakar, Nav' }).getByText('trekt tilbake').waitFor();

    // The join page says so before anyone types a name.
    const late = await openPage(apiErrorStatus(410));
    await late.goto(inviteLink);
    await late.getByRole('alert').getByText('Ein fasilitator har trekt tilbake denne invitasjonslenkja.', { exact: false }).waitFor();
    expect(await late.getByLabel('Namnet ditt').count()).toBe(0);
    await expectAxeClean(late);
  });

  it('explains an unknown invite link in an accessible alert', STEP, async () => {
    const page = await openPage(apiErrorStatus(404));
    await page.goto('/join/not-a-real-invite-token');
    await page.getByRole('alert').getByText('Vi kjenner ikkje att denne invitasjonslenkja.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Gå til startsida' }).waitFor();
    await expectAxeClean(page);
  });

  it('says so when a page’s code cannot be loaded (offline before it was ever shown)', STEP, async () => {
    // No service worker here: once one controls the page it fetches the chunk itself, past the route.
    const context = await browser.newContext({ baseURL: base, locale: 'nn-NO', serviceWorkers: 'block' });
    contexts.push(context);
    await context.route('**/assets/sk-start-page-*.js', (r) => r.abort());
    const page = await context.newPage();
    const meant = (m: ConsoleMessage) =>
      (m.type() === 'error' && /sk-start-page|Failed to fetch dynamically imported module|net::ERR_FAILED/.test(m.text() + m.location().url)) ||
      (m.type() === 'warning' && m.text().startsWith('Service Worker registration blocked by Playwright'));
    watches.set(page, await watchPage(page, meant));
    outside.push(watchOrigin(page, base));
    await page.goto('/');
    await page.getByRole('alert').getByText('Denne sida kunne ikkje lastast.', { exact: false }).waitFor();
    await expectAxeClean(page);
  });

  it('tells a visitor without a session that they are not a member', STEP, async () => {
    const page = await openPage(apiErrorStatus(401));
    await page.goto(workshopUrl);
    await page.getByText('Du er ikkje medlem av denne verkstaden (eller han er sletta).').waitFor();
    await page.getByRole('link', { name: 'Gå til startsida' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opprett ein verkstad' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expectAxeClean(page);
  });

  it('deletes the workshop after the title is typed', STEP, async () => {
    await facilitator.getByRole('button', { name: 'Slett verkstaden …' }).click();
    const dialog = dialogNamed(facilitator, 'Slette verkstaden for godt?');
    await dialogShown(dialog);
    const typed = dialog.getByLabel('Skriv tittelen på verkstaden for å stadfeste');
    await expect.poll(() => typed.evaluate((el) => el.matches(':focus'))).toBe(true);
    await typed.fill('feil tittel');
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await expect.poll(() => typed.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(facilitator);

    await typed.fill(TITLE);
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await facilitator.getByRole('status').getByText('Verkstaden og alt innhaldet i han er sletta.').waitFor();
    expect(new URL(facilitator.url()).pathname).toBe('/');

    watches.get(participant)?.allow(apiErrorStatus(401));
    await participant.reload();
    await participant.getByText('Du er ikke medlem av dette verkstedet (eller det er slettet).').waitFor();
  });
});

describe('the whole run', () => {
  it('logged no console errors, uncaught exceptions or CSP violations', () => {
    expect([...watches.values()].flatMap((w) => w.problems)).toEqual([]);
  });

  it('requested nothing outside the server (no CDN)', () => {
    expect(outside.flat()).toEqual([]);
  });
});
