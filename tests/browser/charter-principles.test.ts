/**
 * Agreeing on principles in real Chromium against the real server: a facilitator (of no
 * organisation) proposes a draft, three participants of three organisations endorse it in three
 * browser contexts, and every card shows three endorse chips and "agreed"; one organisation
 * objects to a second principle with a reason (required), which blocks it; editing an agreed
 * text marks its stances stale until it is proposed again. axe runs on the cards and the
 * objection dialog; no request leaves the server. The steps build on each other and run in order.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeClean } from './settle.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
/** Waits for what another browser or the server does; on a loaded machine that takes longer than vitest's default second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const ORGS = ['Helsedirektoratet', 'Nav', 'Bergen kommune'];

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);

const post = postFromPage;

const view = (page: Page) => page.locator('sk-principles-view');
const card = (page: Page, n: number) => view(page).locator('sk-principle-card').nth(n - 1);
const status = (c: Locator) => c.locator('.status');
const stances = (c: Locator) => c.locator('.chip').evaluateAll((els) => els.map((el) => `${el.querySelector('.org')?.textContent}=${el.getAttribute('data-stance')}`));

async function openPrinciples(page: Page, workshopId: string): Promise<void> {
  await page.goto(`/w/${workshopId}/charter/principles`);
  await view(page).getByRole('heading', { level: 2, name: 'Prinsipp' }).waitFor();
}

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('three organisations agree on a principle', () => {
  let facilitator: Page;
  const participants: Page[] = [];
  let workshopId: string;

  it('sets up a facilitator and one participant from each of three organisations', STEP, async () => {
    facilitator = await openPage();
    const created = await post<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: ORGS.map((name) => ({ name })),
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    for (const [i, org] of created.organisations.entries()) {
      const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: org.id });
      const page = await openPage();
      await post(page, '/api/join', { inviteToken: invite.token, displayName: `Deltakar ${i + 1}` });
      participants.push(page);
    }
  });

  it('drafts two principles and proposes the first; every organisation gets a chip', STEP, async () => {
    await openPrinciples(facilitator, workshopId);
    for (const text of ['Vi byggjer på felles nasjonale plattformer før vi byggjer eigne', 'Data blir delte mellom etatane utan samtykke']) {
      await view(facilitator).getByLabel('Nytt prinsipp').fill(text);
      await view(facilitator).getByRole('button', { name: 'Legg til prinsipp' }).click();
      await view(facilitator).getByText(text).waitFor();
    }
    const first = card(facilitator, 1);
    expect(await status(first).textContent()).toBe('Utkast');
    await first.getByRole('button', { name: 'Legg fram til vedtak' }).click();
    await poll(() => status(first).textContent()).toBe('Ventar på svar');
    expect(await stances(first)).toEqual(ORGS.map((o) => `${o}=none`));
    // The facilitator speaks for no organisation: no stance buttons.
    expect(await first.getByRole('button', { name: 'Slutt deg til' }).count()).toBe(0);
    await axeClean(facilitator);
  });

  it('each participant endorses for their own organisation; the card turns agreed everywhere', STEP, async () => {
    for (const p of participants) await openPrinciples(p, workshopId);
    for (const [i, p] of participants.entries()) {
      const c = card(p, 1);
      await c.getByRole('button', { name: 'Slutt deg til' }).click();
      await c.getByText('Verksemda di: Sluttar seg til').waitFor();
      await poll(() => stances(card(facilitator, 1))).toContain(`${ORGS[i]}=endorse`);
    }
    for (const p of [facilitator, ...participants]) {
      await poll(() => status(card(p, 1)).textContent()).toBe('Vedteke');
      expect(await stances(card(p, 1))).toEqual(ORGS.map((o) => `${o}=endorse`));
    }
    // Who and when, for screen readers and on hover.
    expect(await card(facilitator, 1).locator('.chip').first().textContent()).toContain('Deltakar 1');
    await axeClean(participants[0]!);
  });

  it('an objection needs a reason, and blocks the second principle', STEP, async () => {
    await card(facilitator, 2).getByRole('button', { name: 'Legg fram til vedtak' }).click();
    const nav = participants[1]!;
    const c = card(nav, 2);
    await c.getByRole('button', { name: 'Kom med innvending …' }).click();
    const dialog = dialogNamed(nav, 'Innvending mot dette prinsippet');
    await dialogShown(dialog);
    await axeClean(nav);
    await dialog.getByRole('button', { name: 'Send innvending' }).click();
    await dialog.getByText('Ei innvending treng ei grunngiving').waitFor();
    await dialog.getByLabel('Grunngiving (må fyllast ut)').fill('Det strir mot personvernet');
    await dialog.getByRole('button', { name: 'Send innvending' }).click();
    await poll(() => status(card(facilitator, 2)).textContent()).toBe('Blokkert');
    expect(await stances(card(facilitator, 2))).toEqual(['Helsedirektoratet=none', 'Nav=object', 'Bergen kommune=none']);
    expect(await card(facilitator, 2).locator('.chip[data-stance="object"]').textContent()).toContain('Det strir mot personvernet');
    await poll(() => status(card(participants[2]!, 2)).textContent()).toBe('Blokkert');
  });

  it('editing an agreed text shows its stances as stale until it is proposed again', STEP, async () => {
    const first = card(facilitator, 1);
    await first.getByRole('button', { name: 'Endre teksten i prinsipp 1' }).click();
    const area = first.getByRole('textbox', { name: 'Teksten i prinsipp 1' });
    await area.press('End');
    await area.pressSequentially(', når dei finst');
    await first.getByRole('button', { name: 'Ferdig med å endre prinsipp 1' }).click();
    const theirs = card(participants[0]!, 1);
    for (const c of [first, theirs]) {
      await poll(() => status(c).textContent()).toBe('Teksten er endra etter framlegget');
      await c.getByText('Standpunkta under gjeld den tidlegare teksten', { exact: false }).waitFor();
    }
    expect(await theirs.getByRole('button', { name: 'Slutt deg til' }).count()).toBe(0);
    await axeClean(participants[0]!);

    await first.getByRole('button', { name: 'Legg fram på nytt' }).click();
    await poll(() => status(theirs).textContent()).toBe('Ventar på svar');
    expect(await stances(theirs)).toEqual(ORGS.map((o) => `${o}=none`));
  });

  it('lets the facilitator choose the decision rule for new proposals; everyone sees it', STEP, async () => {
    const rule = view(facilitator).getByLabel('Avgjerdsregel for nye framlegg');
    expect(await rule.inputValue()).toBe('consensus');
    await rule.selectOption('majority');
    await view(participants[2]!).getByText('Avgjerdsregel: Fleirtal').waitFor();
    await axeClean(facilitator);
  });

  it("lets the facilitator add the council's three starter principles once, as drafts everyone sees (issue #17)", STEP, async () => {
    expect(await view(participants[0]!).getByRole('button', { name: 'Legg til dei tre startprinsippa frå rådet' }).count()).toBe(0);
    const add = view(facilitator).getByRole('button', { name: 'Legg til dei tre startprinsippa frå rådet' });
    await add.click();
    await view(facilitator).getByRole('status').filter({ hasText: '3 startprinsipp lagde til som utkast.' }).waitFor();
    await view(participants[2]!).getByText('Vi samarbeider om grunnleggande infrastruktur i staden for at kvar verksemd byggjer sin eigen.').waitFor();
    await add.click();
    await view(facilitator).getByRole('status').filter({ hasText: 'Startprinsippa står alt i avtalen.' }).waitFor();
    await axeClean(facilitator);
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
