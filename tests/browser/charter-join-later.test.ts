/**
 * Joining a decision after the fact, in real Chromium (Nynorsk) against the real server: three
 * organisations agree on a principle and the facilitator closes it (over socket.io, to keep the
 * browser part short); a fourth organisation is added and its member opens the principles. The
 * card stays "Vedteke", says who adopted it and that this organisation has not joined yet, and
 * offers join-after-the-fact actions, which a bound member does not get. The newcomer endorses:
 * the card says so, lists it apart as joined after the fact, everywhere, and the decision is
 * unchanged. axe runs on the card; no request leaves the server.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, type TestSocket } from '../helpers/socket.js';
import { axeClean } from './settle.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage as post } from './pages.js';

const STEP = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const ORGS = ['Helsedirektoratet', 'Nav', 'Bergen kommune'];
const TEXT = 'Vi byggjer på felles nasjonale plattformer før vi byggjer eigne';

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];
const sockets: TestSocket[] = [];

const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);
const view = (page: Page) => page.locator('sk-principles-view');
const card = (page: Page) => view(page).locator('sk-principle-card').first();
const status = (c: Locator) => c.locator('.status');
const decision = (c: Locator) => c.locator('.decision');
const chips = (c: Locator, list: string) => c.locator(`.chips${list} .chip`).evaluateAll((els) => els.map((el) => `${el.querySelector('.org')?.textContent}=${el.getAttribute('data-stance')}`));

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
  for (const s of sockets) s.close();
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('an organisation that joins later joins an agreed principle after the fact', () => {
  let facilitator: Page;
  let bound: Page;
  let newcomer: Page;
  let workshopId: string;

  it('three organisations agree on a principle, and it is closed', STEP, async () => {
    facilitator = await openPage();
    const created = await post<{ id: string; token: string; organisations: Array<{ id: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: ORGS.map((name) => ({ name })),
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    const fac = await connected(server.base, created.token);
    sockets.push(fac);
    const { id } = await post<{ id: string }>(facilitator, `/api/workshops/${workshopId}/principles`, { text: TEXT });
    const members: string[] = [];
    for (const [i, org] of created.organisations.entries()) {
      const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: org.id });
      const page = i === 0 ? (bound = await openPage()) : await openPage();
      members.push((await post<{ token: string }>(page, '/api/join', { inviteToken: invite.token, displayName: `Deltakar ${i + 1}` })).token);
      if (i > 0) await page.close();
    }
    await fac.ok('principle.propose', { principleId: id });
    for (const token of members) {
      const s = await connected(server.base, token);
      sockets.push(s);
      await s.ok('principle.endorse', { principleId: id, stance: 'endorse' });
    }
    expect(await fac.ok('principle.close', { principleId: id })).toMatchObject({ status: 'agreed', closed: true });
  });

  it('a fourth organisation joins: the card stays agreed and invites it to join after the fact', STEP, async () => {
    const org = (await post<{ organisations: Array<{ id: string; name: string }> }>(facilitator, `/api/workshops/${workshopId}/organisations`, { name: 'Statens vegvesen' })).organisations.find((o) => o.name === 'Statens vegvesen')!;
    const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: org.id });
    newcomer = await openPage();
    await post(newcomer, '/api/join', { inviteToken: invite.token, displayName: 'Dagny' });
    await openPrinciples(newcomer, workshopId);
    const c = card(newcomer);
    await poll(() => status(c).textContent()).toBe('Vedteke');
    expect(await decision(c).textContent()).toMatch(/^Vedteke av Helsedirektoratet, Nav og Bergen kommune den .+; verksemda di har ikkje slutta seg til enno\.$/);
    expect(await chips(c, ':not(.later)')).toEqual(ORGS.map((o) => `${o}=endorse`));
    const group = c.getByRole('group', { name: 'Slutt deg til i etterkant: standpunktet til verksemda di' });
    for (const name of ['Slutt deg til', 'Kom med innvending …', 'Stå over …']) await group.getByRole('button', { name }).waitFor();
    await axeClean(newcomer);
    // A bound organisation's stance was recorded when it closed: no buttons for it.
    await openPrinciples(bound, workshopId);
    expect(await decision(card(bound)).textContent()).toMatch(/^Vedteke av Helsedirektoratet, Nav og Bergen kommune den .+\.$/);
    expect(await card(bound).getByRole('button', { name: 'Slutt deg til' }).count()).toBe(0);
  });

  it('it endorses after the fact: shown apart, everywhere; the decision is unchanged', STEP, async () => {
    const c = card(newcomer);
    await c.getByRole('button', { name: 'Slutt deg til' }).click();
    // The new chip appears where the button was, under the pointer: move on, as a person would,
    // so its tooltip does not open (axe would measure it fading in).
    await newcomer.mouse.move(0, 0);
    await poll(() => chips(c, '.later')).toEqual(['Statens vegvesen=endorse']);
    expect(await decision(c).textContent()).not.toContain('ikkje slutta seg til');
    await c.getByText('Slutta seg til i etterkant').waitFor();
    await c.getByText('Verksemda di: Sluttar seg til').waitFor();
    expect(await status(c).textContent()).toBe('Vedteke');
    await openPrinciples(facilitator, workshopId);
    await poll(() => chips(card(facilitator), '.later')).toEqual(['Statens vegvesen=endorse']);
    expect(await chips(card(facilitator), ':not(.later)')).toEqual(ORGS.map((o) => `${o}=endorse`));
    expect(await status(card(facilitator)).textContent()).toBe('Vedteke');
    await axeClean(newcomer);
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
