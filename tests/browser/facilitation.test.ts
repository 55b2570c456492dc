/**
 * The facilitator's kit in real Chromium against the real server, with a facilitator and two
 * participants of two organisations: agenda and phase, a server-time timer, raised hands, a
 * private maturity question revealed, then compared with the charter and applied, a dot vote on
 * the board (budget, only my own dots while it runs, results once closed), summoning everyone to
 * the facilitator's view and locking the board. axe runs on the tools beside the board, the answer form,
 * the apply dialog and the vote panel; no request leaves the server. The steps build on each other and run in order.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeClean } from './settle.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
/** Waits for what another browser or the server does; on a loaded machine that takes longer than vitest's default second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);

const post = postFromPage;

const bar = (page: Page) => page.locator('sk-live-bar');
const panel = (page: Page) => page.locator('sk-facilitator-panel');
/** The tools stand beside the board (a complementary region, not a dialog). */
const tools = (page: Page) => page.getByRole('complementary', { name: 'Fasilitatorverktøy' });

async function openTools(page: Page): Promise<void> {
  await bar(page).getByRole('button', { name: 'Fasilitatorverktøy' }).click();
  await panel(page).getByRole('heading', { name: 'Agenda' }).waitFor();
}

async function closeTools(page: Page): Promise<void> {
  await tools(page).getByRole('button', { name: 'Lukk fasilitatorverktøya' }).click();
  await tools(page).waitFor({ state: 'detached' });
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

describe('a facilitated session', () => {
  let facilitator: Page;
  let nav: Page;
  let bergen: Page;
  let workshopId: string;

  it('sets up a facilitator and participants of two organisations, all on the board', STEP, async () => {
    facilitator = await openPage();
    const created = await post<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    workshopId = created.id;
    const join = async (org: string, name: string) => {
      const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: created.organisations.find((o) => o.name === org)!.id });
      const page = await openPage();
      await post(page, '/api/join', { inviteToken: invite.token, displayName: name });
      return page;
    };
    nav = await join('Nav', 'Ola Nav');
    bergen = await join('Bergen kommune', 'Siri Bergen');
    for (const p of [facilitator, nav, bergen]) {
      await p.goto(`/w/${workshopId}`);
      await bar(p).getByText('ikkje sett').waitFor();
    }
    // Participants have no facilitator tools.
    expect(await bar(nav).getByRole('button', { name: 'Fasilitatorverktøy' }).count()).toBe(0);
  });

  it('sets the agenda and the phase; everyone sees the phase', STEP, async () => {
    await openTools(facilitator);
    await axeClean(facilitator);
    for (const phase of ['Aktørkart', 'Dot-røysting']) {
      await panel(facilitator).getByLabel('Ny fase').fill(phase);
      await panel(facilitator).getByLabel('Ny fase').press('Enter');
      await panel(facilitator).locator('.agenda li', { hasText: phase }).waitFor();
    }
    await panel(facilitator).getByRole('button', { name: 'Start fasen Dot-røysting' }).click();
    for (const p of [facilitator, nav, bergen]) await bar(p).locator('.phase strong', { hasText: 'Dot-røysting' }).waitFor();
    await bar(nav).getByRole('status').filter({ hasText: 'Fase: Dot-røysting' }).waitFor();
  });

  it('runs a timer from server time; a late page shows the same time left', STEP, async () => {
    await panel(facilitator).getByLabel('Minutt').fill('3');
    await panel(facilitator).getByRole('button', { name: 'Start tidtakaren' }).click();
    const clock = (p: Page) => bar(p).getByRole('timer').textContent();
    await poll(() => clock(nav)).toMatch(/^(3:00|2:5\d)$/);
    await panel(facilitator).getByRole('button', { name: 'Pause' }).click();
    await bar(nav).locator('.paused-tag').waitFor();
    const paused = await clock(nav);
    await bergen.reload();
    await poll(() => clock(bergen)).toBe(paused);
    await panel(facilitator).getByRole('button', { name: 'Hald fram' }).click();
    await poll(() => bar(bergen).locator('.paused-tag').count()).toBe(0);
  });

  it('shows raised hands to the facilitator, who lowers them', STEP, async () => {
    await bar(nav).getByRole('button', { name: 'Rekk opp handa' }).click();
    await panel(facilitator).locator('.hands li', { hasText: 'Ola Nav' }).waitFor();
    await bar(bergen).getByText('Handa oppe: Ola Nav').waitFor();
    await panel(facilitator).getByRole('button', { name: 'Ta ned handa til Ola Nav' }).click();
    await panel(facilitator).getByText('Ingen hender oppe.').waitFor();
    await bar(nav).getByRole('button', { name: 'Rekk opp handa' }).waitFor();
  });

  it('asks a private maturity question, reveals the answers, compares them with the charter and applies them', STEP, async () => {
    const rounds = facilitator.locator('sk-rounds-panel');
    await rounds.getByLabel('Spørsmål', { exact: true }).selectOption('maturity');
    await rounds.getByRole('button', { name: 'Opne spørsmålet' }).click();
    const form = (p: Page) => p.locator('sk-answer-form');
    await form(nav).getByRole('heading', { name: 'Modnad: kva generasjon er de?' }).waitFor();
    await axeClean(nav);
    await form(nav).getByRole('radio', { name: /Generasjon 3/ }).check();
    await form(nav).getByLabel('Grunngiving').fill('Eigne digitale tenester');
    await form(nav).getByRole('button', { name: 'Send svaret mitt' }).click();
    await form(nav).getByText('Svaret ditt: generasjon 3. Eigne digitale tenester').waitFor();
    await form(bergen).getByRole('radio', { name: /Generasjon 2/ }).check();
    await form(bergen).getByRole('button', { name: 'Send svaret mitt' }).click();
    await form(bergen).getByText('Svaret ditt: generasjon 2.', { exact: false }).waitFor();
    // Nobody sees another's answer before the reveal: only counts travel.
    await form(nav).getByText('2 har svart så langt', { exact: false }).waitFor();
    expect(await form(nav).textContent()).not.toContain('generasjon 2');
    await rounds.locator('li', { hasText: 'open, 2 har svart' }).waitFor();
    await rounds.getByRole('button', { name: 'Vis svara: Modnad: kva generasjon er de?' }).click();
    await form(nav).locator('section').waitFor({ state: 'detached' });
    const revealed = form(nav).locator('.revealed', { hasText: 'Svara er viste: Modnad: kva generasjon er de?' });
    await revealed.getByRole('link', { name: 'Sjå modnadstrappa' }).waitFor();
    await revealed.getByRole('button', { name: 'Lukk' }).click();
    await revealed.waitFor({ state: 'detached' });
    // Reveal, then apply: old and new side by side before anything is written.
    await rounds.getByRole('button', { name: 'Samanlikn og bruk i avtalen: Modnad: kva generasjon er de?' }).click();
    const apply = dialogNamed(facilitator, 'Bruk i avtalen: Modnad: kva generasjon er de?');
    await dialogShown(apply);
    const navRow = apply.getByRole('row', { name: /Nav/ });
    await navRow.getByText('(ingenting enno)').waitFor();
    await navRow.getByText('Generasjon 3: Eigne digitale tenester').waitFor();
    expect(await apply.getByRole('checkbox').count()).toBe(2);
    await axeClean(facilitator);
    await apply.getByRole('button', { name: 'Bruk 2 i avtalen' }).click();
    await rounds.getByText('Svara er brukte i avtalen.').waitFor({ state: 'attached' });
    await closeTools(facilitator);
    await facilitator.goto(`/w/${workshopId}/charter/maturity`);
    const stairs = facilitator.locator('sk-maturity-view');
    await stairs.locator('.step-3 .chip', { hasText: 'Nav' }).waitFor();
    await stairs.locator('.step-2 .chip', { hasText: 'Bergen kommune' }).waitFor();
    await facilitator.goto(`/w/${workshopId}`);
  });

  it('asks where each organisation stands on a paradox; applying the revealed answers places the markers', STEP, async () => {
    await openTools(facilitator);
    const rounds = facilitator.locator('sk-rounds-panel');
    await rounds.getByLabel('Spørsmål', { exact: true }).selectOption('domain_vs_it');
    await rounds.getByRole('button', { name: 'Opne spørsmålet' }).click();
    const form = nav.locator('sk-answer-form');
    await form.getByRole('heading', { name: 'Paradoks: Domeneekspertise eller IT-ekspertise' }).waitFor();
    const slider = form.getByRole('slider', { name: 'Plasseringa til verksemda di' });
    await slider.focus();
    for (let i = 0; i < 4; i++) await nav.keyboard.press('ArrowRight');
    await form.getByLabel('Merknad').fill('Mykje IT i huset');
    await form.getByRole('button', { name: 'Send svaret mitt' }).click();
    await form.getByText('Svaret ditt: 70 av 100. Mykje IT i huset').waitFor();
    await rounds.getByRole('button', { name: 'Vis svara: Paradoks: Domeneekspertise eller IT-ekspertise' }).click();
    await rounds.getByRole('button', { name: 'Samanlikn og bruk i avtalen: Paradoks: Domeneekspertise eller IT-ekspertise' }).click();
    const apply = dialogNamed(facilitator, 'Bruk i avtalen: Paradoks: Domeneekspertise eller IT-ekspertise');
    await dialogShown(apply);
    await apply.getByRole('row', { name: /Nav/ }).getByText('Posisjon 70 av 100: Mykje IT i huset').waitFor();
    await apply.getByRole('button', { name: 'Bruk 1 i avtalen' }).click();
    await rounds.getByText('Svara er brukte i avtalen.').waitFor({ state: 'attached' });
    await closeTools(facilitator);
    await facilitator.goto(`/w/${workshopId}/charter/paradoxes`);
    const axis = facilitator.locator('sk-paradox-view').getByRole('region', { name: 'Domeneekspertise eller IT-ekspertise' });
    const marker = axis.locator('.marker', { hasText: 'Nav' });
    await poll(() => marker.evaluate((el) => (el as HTMLElement).style.left)).toBe('70%');
    expect(await marker.textContent()).toContain('Mykje IT i huset');
    await facilitator.goto(`/w/${workshopId}`);
  });

  it('runs a dot vote on the board: a budget, only my own dots, then the results', STEP, async () => {
    // Two notes from the outline.
    await facilitator.getByRole('button', { name: 'Oversikt' }).click();
    for (const text of ['Felles plattform', 'Eitt kontaktpunkt']) {
      await facilitator.locator('sk-board-outline').getByLabel('Ny lapp utanfor rammene').fill(text);
      await facilitator.locator('sk-board-outline').getByRole('button', { name: 'Legg til lapp' }).click();
      await facilitator.locator('sk-board-outline').getByText(text).first().waitFor();
    }
    await openTools(facilitator);
    const rounds = facilitator.locator('sk-rounds-panel');
    await rounds.getByLabel('Røyster per person').fill('2');
    await rounds.getByRole('button', { name: 'Opne ei prikkrøysting på tavla' }).click();
    await rounds.getByText('Ei prikkrøysting er open: 2 røyster per person.').waitFor();
    await closeTools(facilitator);

    const vote = (p: Page) => p.locator('sk-dot-vote');
    await vote(nav).getByText('Du har 2 av 2 røyster att.').waitFor();
    await axeClean(nav);
    const add = (p: Page, text: string) => vote(p).getByRole('button', { name: new RegExp(`^Gi ei røyst til Lapp: ${text}`) });
    await add(nav, 'Felles plattform').click();
    await vote(nav).getByText('Du har 1 av 2 røyster att.').waitFor();
    await add(nav, 'Felles plattform').click();
    await vote(nav).getByText('Du har 0 av 2 røyster att.').waitFor();
    expect(await add(nav, 'Eitt kontaktpunkt').isDisabled()).toBe(true);
    // My own dots show on the canvas; nobody else's.
    await poll(() => nav.locator('sk-board-canvas .vote-badge').allTextContents()).toEqual(['2']);
    await add(bergen, 'Eitt kontaktpunkt').click();
    await vote(bergen).getByText('Du har 1 av 2 røyster att.').waitFor();
    expect(await bergen.locator('sk-board-canvas .vote-badge').allTextContents()).toEqual(['1']);
    await vote(bergen).getByRole('button', { name: /^Ta tilbake ei røyst frå Lapp: Eitt kontaktpunkt/ }).click();
    await vote(bergen).getByText('Du har 2 av 2 røyster att.').waitFor();
    await add(bergen, 'Eitt kontaktpunkt').click();
    await vote(bergen).getByText('Du har 1 av 2 røyster att.').waitFor();

    await openTools(facilitator);
    await rounds.getByRole('button', { name: 'Avslutt røystinga og vis resultatet' }).click();
    for (const p of [facilitator, nav, bergen]) {
      await vote(p).getByRole('heading', { name: 'Resultat av prikkrøystinga' }).waitFor();
      await vote(p).getByText('Talet på røystande: 2').waitFor();
      const rows = await vote(p).locator('ol.results li').allTextContents();
      expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
        'Lapp: Felles plattform Røyster: 2 Send «Felles plattform» til avtalen …',
        'Lapp: Eitt kontaktpunkt Røyster: 1 Send «Eitt kontaktpunkt» til avtalen …',
      ]);
    }
    await closeTools(facilitator);
    await axeClean(bergen);
    // The winner goes to the charter as a principle draft (issue #17): the dialog has chosen that already.
    await vote(bergen).getByRole('button', { name: 'Send «Felles plattform» til avtalen …' }).click();
    const send = dialogNamed(bergen, 'Send til avtalen');
    await dialogShown(send);
    expect(await send.getByRole('radio', { name: 'Eit prinsipputkast' }).isChecked()).toBe(true);
    await send.getByRole('button', { name: 'Send', exact: true }).click();
    await bergen.getByRole('status').filter({ hasText: '«Felles plattform» er no eit prinsipputkast i avtalen.' }).waitFor();
  });

  it('limits a dot vote to one frame (no frame or guidance text among the candidates); each person may hide the results', STEP, async () => {
    // A template's frames with their guidance, and a note in the frame "Start", from the outline.
    await facilitator.getByRole('button', { name: 'Set inn mal' }).click();
    const picker = dialogNamed(facilitator, 'Set inn ein mal');
    await dialogShown(picker);
    await picker.getByRole('menuitem', { name: 'Start, stopp, hald fram', exact: true }).click();
    await picker.waitFor({ state: 'hidden' });
    await facilitator.getByRole('button', { name: 'Oversikt' }).click();
    const outline = facilitator.locator('sk-board-outline');
    await outline.getByLabel('Ny lapp i «Start»').fill('Felles innlogging');
    await outline.getByLabel('Ny lapp i «Start»').press('Control+Enter');
    await outline.getByText('Felles innlogging').waitFor();

    await openTools(facilitator);
    const rounds = facilitator.locator('sk-rounds-panel');
    const scope = rounds.getByLabel('Røyst over');
    await scope.focus();
    await scope.selectOption({ label: 'Ramme: Start (1)' });
    await rounds.getByLabel('Røyster per person').fill('1');
    await rounds.getByRole('button', { name: 'Opne ei prikkrøysting på tavla' }).click();
    const vote = (p: Page) => p.locator('sk-dot-vote');
    await vote(nav).getByText('Du har 1 av 1 røyster att.').waitFor();
    const candidates = await vote(nav).locator('.candidates li .what').allTextContents();
    expect(candidates).toEqual(['Lapp: Felles innlogging']);
    await vote(nav).getByRole('button', { name: /^Gi ei røyst til Lapp: Felles innlogging/ }).click();
    await vote(nav).getByText('Du har 0 av 1 røyster att.').waitFor();
    await rounds.getByRole('button', { name: 'Avslutt røystinga og vis resultatet' }).click();
    await closeTools(facilitator);

    // Results as badges on the board, until this person hides them; someone else still sees theirs.
    await vote(nav).getByText('Talet på røystande: 1').waitFor();
    await poll(() => nav.locator('sk-board-canvas .vote-badge').allTextContents()).toEqual(['1']);
    await vote(nav).getByRole('button', { name: 'Skjul resultatet på tavla' }).click();
    await poll(() => nav.locator('sk-board-canvas .vote-badge').count()).toBe(0);
    await nav.reload();
    await vote(nav).getByRole('button', { name: 'Vis resultatet på tavla' }).waitFor();
    expect(await nav.locator('sk-board-canvas .vote-badge').count()).toBe(0);
    await poll(() => bergen.locator('sk-board-canvas .vote-badge').allTextContents()).toEqual(['1']);
    await axeClean(nav);
  });

  it('summons everyone to the facilitator’s view of the board; a participant may go back', STEP, async () => {
    await facilitator.getByRole('button', { name: 'Tavle', exact: true }).click();
    await facilitator.locator('sk-board-canvas .viewport').waitFor();
    // Someone elsewhere in the workshop is told, with a way to the board.
    await bergen.goto(`/w/${workshopId}/charter/actors`);
    await bar(bergen).locator('.phase strong', { hasText: 'Dot-røysting' }).waitFor();
    await openTools(facilitator);
    await panel(facilitator).getByRole('button', { name: 'Hent alle til det eg ser' }).click();
    await panel(facilitator).getByRole('status').filter({ hasText: 'Alle vart henta' }).waitFor();
    const notice = nav.locator('sk-board-page .summoned');
    await notice.getByText('Fasilitatoren henta alle hit').waitFor();
    await notice.getByRole('button', { name: 'Tilbake dit eg var' }).click();
    await notice.waitFor({ state: 'detached' });
    const elsewhere = bar(bergen).locator('.summon');
    await elsewhere.getByText('Fasilitatoren ber alle sjå på tavla.').waitFor();
    await elsewhere.getByRole('link', { name: 'Gå til tavla' }).click();
    await bergen.locator('sk-board-canvas').waitFor();
    await elsewhere.waitFor({ state: 'detached' });
  });

  it('locks the board for participants and unlocks it', STEP, async () => {
    const lock = panel(facilitator).getByRole('switch', { name: /Lås tavlene/ });
    await lock.focus();
    await facilitator.keyboard.press('Space');
    await nav.getByText('Fasilitatoren har låst tavla: du kan lese, ikkje endre').waitFor();
    expect(await nav.locator('sk-template-picker').count()).toBe(0);
    await poll(() => lock.isChecked()).toBe(true);
    await facilitator.keyboard.press('Space');
    await nav.locator('sk-template-picker').waitFor();
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
