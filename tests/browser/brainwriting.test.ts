/**
 * Brainwriting and a free-text question in real Chromium against the real server (issue #16),
 * with a facilitator and participants of two organisations, in Nynorsk and by keyboard: the
 * facilitator opens an anonymous round with a prompt; each participant writes notes that only
 * they see (taking one back), with a count of everyone's; the reveal puts them on the board with
 * no name. Then a free-text question: an answer with a character counter, revealed as a list,
 * never offered for the charter. axe runs on the forms and the tools; a smoke render of the
 * brainwriting form in Bokmål and English is axe-clean too. No console problem, no request
 * leaves the server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { axeClean } from './settle.js';

const STEP = { timeout: 30_000 };

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

const bar = (page: Page) => page.locator('sk-live-bar');
const rounds = (page: Page) => page.locator('sk-rounds-panel');
const writing = (page: Page) => page.locator('sk-brainwriting-form');
const answers = (page: Page) => page.locator('sk-answer-form');

/** Focuses a control and activates it with the keyboard. */
async function press(page: Page, control: ReturnType<Page['getByRole']>, key = 'Enter'): Promise<void> {
  await control.focus();
  await page.keyboard.press(key);
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

describe('brainwriting and a free-text question', () => {
  let facilitator: Page;
  let nav: Page;
  let bergen: Page;

  it('sets up a facilitator and participants of two organisations on the board', STEP, async () => {
    facilitator = await openWatchedPage(browser, server.base, watches, outside);
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    const join = async (org: string, name: string) => {
      const invite = await postFromPage<{ token: string }>(facilitator, `/api/workshops/${created.id}/invites`, { role: 'participant', organisationId: created.organisations.find((o) => o.name === org)!.id });
      const page = await openWatchedPage(browser, server.base, watches, outside);
      await postFromPage(page, '/api/join', { inviteToken: invite.token, displayName: name });
      return page;
    };
    [nav, bergen] = await Promise.all([join('Nav', 'Ola Nav'), join('Bergen kommune', 'Siri Bergen')]);
    await Promise.all([facilitator, nav, bergen].map(async (p) => {
      await p.goto(`/w/${created.id}`);
      await bar(p).getByText('ikkje sett').waitFor();
    }));
    await press(facilitator, bar(facilitator).getByRole('button', { name: 'Fasilitatorverktøy' }));
    await rounds(facilitator).getByRole('heading', { name: 'Idémyldring' }).waitFor();
  });

  it('keeps each note to its author until the reveal, then puts them on the board without names', STEP, async () => {
    const panel = rounds(facilitator);
    await panel.getByLabel('Spørsmål eller tema (valfritt)').fill('Kva manglar familien?');
    await press(facilitator, panel.getByRole('checkbox', { name: 'Anonym' }), 'Space');
    await press(facilitator, panel.getByRole('button', { name: 'Start idémyldring' }));

    const write = async (p: Page, text: string) => {
      const form = writing(p);
      await form.getByLabel('Lappen din').fill(text);
      await p.keyboard.press('Tab');
      await p.keyboard.press('Enter');
      await form.getByRole('listitem').filter({ hasText: text }).waitFor();
    };
    await writing(nav).getByRole('heading', { name: 'Idémyldring: Kva manglar familien?' }).waitFor();
    await writing(nav).getByText('utan namnet ditt', { exact: false }).waitFor();
    await write(nav, 'Éin kontaktperson');
    await write(nav, 'Feil lapp');
    await press(nav, writing(nav).getByRole('button', { name: 'Ta tilbake: Feil lapp' }));
    await writing(nav).getByText('Feil lapp').waitFor({ state: 'detached' });
    await write(bergen, 'Færre skjema');
    await writing(nav).getByText('2 lappar frå 2 personar så langt.').waitFor();
    // Nobody sees another's note, the facilitator neither: only counts travel.
    expect(await writing(nav).textContent()).not.toContain('Færre skjema');
    expect(await writing(bergen).textContent()).not.toContain('Éin kontaktperson');
    await panel.getByText('2 lappar frå 2 personar så langt').waitFor();
    expect(await facilitator.locator('body').evaluate(() => document.body.innerText)).not.toContain('Færre skjema');
    await axeClean(nav);
    await axeClean(facilitator);

    await press(facilitator, panel.getByRole('button', { name: 'Vis på tavla: Idémyldring: Kva manglar familien?' }));
    await panel.getByText('vist, 2 lappar').waitFor();
    const notice = writing(nav).locator('.revealed', { hasText: 'Lappane er viste på tavla: Idémyldring: Kva manglar familien?' });
    await notice.waitFor();
    await press(nav, notice.getByRole('button', { name: 'Lukk' }));
    await notice.waitFor({ state: 'detached' });
    // On the board: both notes, in a frame titled with the prompt, by nobody.
    await bergen.getByRole('button', { name: 'Oversikt' }).click();
    const outline = bergen.locator('sk-board-outline');
    for (const text of ['Éin kontaktperson', 'Færre skjema']) await outline.locator('li', { hasText: text }).getByText('Av anonym').first().waitFor();
    await outline.getByText('Kva manglar familien?').first().waitFor();
  });

  it('asks a free-text question: a counter while writing, the answers listed once revealed, nothing to apply', STEP, async () => {
    const panel = rounds(facilitator);
    await panel.getByLabel('Spørsmål', { exact: true }).selectOption('text');
    await panel.getByLabel('Kva du vil spørje om').fill('Kva er viktigast for familien?');
    await press(facilitator, panel.getByRole('button', { name: 'Opne spørsmålet' }));
    const title = 'Spørsmål: Kva er viktigast for familien?';
    await answers(nav).getByRole('heading', { name: title }).waitFor();
    await answers(nav).getByLabel('Svaret ditt').fill('Å bli trudd');
    await answers(nav).getByText('1989 av 2000 teikn att').waitFor();
    await axeClean(nav);
    await press(nav, answers(nav).getByRole('button', { name: 'Send svaret mitt' }));
    await answers(nav).getByText('Svaret ditt: Å bli trudd').waitFor();
    await answers(bergen).getByLabel('Svaret ditt').fill('Éin stad å spørje');
    await press(bergen, answers(bergen).getByRole('button', { name: 'Send svaret mitt' }));
    await answers(nav).getByText('2 har svart så langt', { exact: false }).waitFor();
    expect(await answers(nav).textContent()).not.toContain('Éin stad å spørje');

    await press(facilitator, panel.getByRole('button', { name: `Vis svara: ${title}` }));
    const list = answers(nav).getByRole('list', { name: 'Svar: Kva er viktigast for familien?' });
    await list.getByText('Siri Bergen (Bergen kommune):').waitFor();
    expect(await list.textContent()).toContain('Éin stad å spørje');
    expect(await panel.getByRole('button', { name: `Samanlikn og bruk i avtalen: ${title}` }).count()).toBe(0);
    await panel.getByText('Vis dei 2 svara').click();
    await panel.getByText('Ola Nav (Nav):').waitFor();
    await axeClean(nav);
    await axeClean(facilitator);
  });

  it('renders the brainwriting form in Bokmål and English, axe-clean', STEP, async () => {
    await press(facilitator, rounds(facilitator).getByRole('button', { name: 'Start idémyldring' }));
    const language = nav.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('nb');
    await writing(nav).getByRole('button', { name: 'Legg til lapp' }).waitFor();
    await writing(nav).getByText('med navnet ditt', { exact: false }).waitFor();
    await axeClean(nav);
    await language.selectOption('en');
    await writing(nav).getByRole('heading', { name: 'Brainwriting' }).waitFor();
    await writing(nav).getByLabel('Your note').waitFor();
    await axeClean(nav);
    await language.selectOption('nn');
    await writing(nav).getByRole('button', { name: 'Legg til lapp' }).waitFor();
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
