/**
 * The board's outline view in real Chromium against the real server, keyboard only: a
 * facilitator opens the outline, adds a note outside the frames, inserts a template from the
 * picker, adds a note to a frame, edits, moves and deletes it (after confirming), and undoes; a
 * participant of another organisation sees every change live; an observer reads without any
 * editing control. axe runs on the outline with content and with each dialog open; text that
 * looks like markup stays text. No request leaves the server. The steps build on each other and
 * run in order.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { focused, launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { dialogNamed, dialogShown, focusedControl } from './shoelace.js';

const STEP = { timeout: 30_000 };
const XSS = '<img src=x onerror="window.__xss=1">';

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);

const post = postFromPage;

/** Presses Tab (or Shift+Tab) until `target` has focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  await target.waitFor();
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 120); i++) {
    const here = await target.evaluate((el) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a === el;
    });
    if (here) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    seen.push(await focused(page));
  }
  throw new Error(`Tab never reached the target; focus went through:\n${seen.join('\n')}`);
}

const outline = (page: Page) => page.locator('sk-board-outline');
const section = (page: Page, name: string) => outline(page).getByRole('region', { name: new RegExp(`^${name} \\(`) });
const status = (page: Page) => outline(page).getByRole('status');

async function openOutline(page: Page, workshopId: string): Promise<void> {
  await page.goto(`/w/${workshopId}`);
  const view = page.getByRole('button', { name: 'Oversikt' });
  await page.locator('body').focus();
  await tabTo(page, view);
  await page.keyboard.press('Enter');
  await outline(page).getByRole('heading', { level: 2, name: 'Oversikt over tavla' }).waitFor();
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

describe('the outline view, keyboard only', () => {
  let facilitator: Page;
  let participant: Page;
  let observer: Page;
  let workshopId: string;
  let navId: string;

  it('sets up a workshop with a participant from another organisation and an observer', STEP, async () => {
    facilitator = await openPage();
    const created = await post<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    workshopId = created.id;
    const nav = created.organisations.find((o) => o.name === 'Nav')!;
    navId = nav.id;
    const invite = (body: unknown) => post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, body);
    const forParticipant = await invite({ role: 'participant', organisationId: nav.id });
    const forObserver = await invite({ role: 'observer' });
    participant = await openPage();
    await post(participant, '/api/join', { inviteToken: forParticipant.token, displayName: 'Ola Deltakar' });
    observer = await openPage();
    await post(observer, '/api/join', { inviteToken: forObserver.token, displayName: 'Oda Observatør' });
  });

  it('opens the outline and adds a note outside the frames', STEP, async () => {
    await openOutline(facilitator, workshopId);
    await outline(facilitator).getByText('Tavla er tom.', { exact: false }).waitFor();
    await expectAxeClean(facilitator);

    await tabTo(facilitator, outline(facilitator).getByLabel('Ny lapp utanfor rammene'));
    await facilitator.keyboard.type('Felles plattform');
    await facilitator.keyboard.press('Tab');
    expect(await focused(facilitator)).toBe('button: Legg til lapp');
    await facilitator.keyboard.press('Enter');
    await status(facilitator).getByText('Lappen er lagd til utanfor rammene.').waitFor();
    const loose = section(facilitator, 'Ikkje i ei ramme');
    await loose.getByRole('listitem').filter({ hasText: 'Felles plattform' }).waitFor();
    await loose.getByText('Helsedirektoratet').waitFor();
    expect(await focused(facilitator)).toBe('textarea: ');
  });

  it('inserts the start/stop/continue template from the picker', STEP, async () => {
    const open = facilitator.getByRole('button', { name: 'Set inn mal' });
    await tabTo(facilitator, open, { back: true });
    await facilitator.keyboard.press('Enter');
    const dialog = dialogNamed(facilitator, 'Set inn ein mal');
    await dialogShown(dialog);
    const hasFocus = (l: Locator) => l.evaluate((el) => el.matches(':focus'));
    const menu = dialog.getByRole('menu', { name: 'Set inn ein mal' });
    await expect.poll(() => hasFocus(menu.getByRole('menuitem', { name: 'Aktørkart', exact: true }))).toBe(true);
    await dialog.getByText('Tre felt for kva vi bør byrje med', { exact: false }).waitFor();
    // Each template's one-line description is its accessible description, not part of its name.
    const sss = menu.getByRole('menuitem', { name: 'Start, stopp, hald fram', exact: true });
    expect(await sss.evaluate((el) => (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toMatch(/^Tre felt for kva vi bør byrje med/);
    await expectAxeClean(facilitator);
    for (let i = 0; i < 4; i++) await facilitator.keyboard.press('ArrowDown');
    expect(await hasFocus(sss)).toBe(true);
    await facilitator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedControl(facilitator)).toBe('sl-button: Set inn mal');
    for (const frame of ['Start', 'Stopp', 'Hald fram']) await section(facilitator, frame).waitFor();
    await section(facilitator, 'Hald fram').getByText('Kva fungerer og bør halde fram?', { exact: false }).waitFor();
    await facilitator.getByRole('status').getByText('Malen «Start, stopp, hald fram» er sett inn.').waitFor();
  });

  it('adds a note to a frame, edits it and moves it to another frame', STEP, async () => {
    const start = section(facilitator, 'Start');
    await tabTo(facilitator, start.getByLabel('Ny lapp i «Start»'));
    await facilitator.keyboard.type('Dele data');
    await facilitator.keyboard.press('Control+Enter');
    await status(facilitator).getByText('Lappen er lagd til i ramma «Start».').waitFor();
    await start.getByRole('listitem').filter({ hasText: 'Dele data' }).waitFor();

    await tabTo(facilitator, start.getByRole('button', { name: 'Endre lapp «Dele data»' }));
    await facilitator.keyboard.press('Enter');
    const field = start.getByLabel('Tekst i lapp «Dele data»');
    await expect.poll(() => field.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await field.inputValue()).toBe('Dele data');
    await expectAxeClean(facilitator);
    await facilitator.keyboard.press('Control+A');
    await facilitator.keyboard.type('Dele data på tvers');
    await facilitator.keyboard.press('Control+Enter');
    await field.waitFor({ state: 'detached' });
    await status(facilitator).getByText('Teksten er lagra.').waitFor();
    await expect.poll(() => focused(facilitator)).toBe('button: Endre');
    const edit = start.getByRole('button', { name: 'Endre lapp «Dele data på tvers»' });
    await edit.waitFor();

    // Escape cancels without writing.
    await facilitator.keyboard.press('Enter');
    await facilitator.keyboard.type(' (kladd)');
    await facilitator.keyboard.press('Escape');
    await expect.poll(() => focused(facilitator)).toBe('button: Endre');
    expect(await start.getByText('(kladd)').count()).toBe(0);

    const item = start.getByRole('listitem').filter({ hasText: 'Dele data på tvers' });
    await tabTo(facilitator, item.getByLabel('Flytt til'));
    await facilitator.keyboard.press('ArrowDown'); // Stopp → Hald fram
    await facilitator.keyboard.press('ArrowUp'); // back to Stopp
    expect(await item.getByLabel('Flytt til').inputValue()).not.toBe('');
    await facilitator.keyboard.press('Tab');
    expect(await focused(facilitator)).toBe('button: Flytt');
    await facilitator.keyboard.press('Enter');
    await status(facilitator).getByText('Flytta til ramma «Stopp».').waitFor();
    const moved = section(facilitator, 'Stopp').getByRole('listitem').filter({ hasText: 'Dele data på tvers' });
    await moved.waitFor();
    expect(await start.getByText('Dele data på tvers').count()).toBe(0);
    await expect.poll(() => moved.evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('shows every change live to a participant of another organisation', STEP, async () => {
    await openOutline(participant, workshopId);
    await section(participant, 'Stopp').getByText('Dele data på tvers').waitFor();
    await section(participant, 'Ikkje i ei ramme').getByText('Felles plattform').waitFor();

    const handi = section(participant, 'Hald fram');
    await tabTo(participant, handi.getByLabel('Ny lapp i «Hald fram»'));
    await participant.keyboard.type('Felles språk');
    await participant.keyboard.press('Control+Enter');
    const seen = section(facilitator, 'Hald fram').getByRole('listitem').filter({ hasText: 'Felles språk' });
    await seen.getByText('Av Ola Deltakar').waitFor();
    await seen.getByText('Nav', { exact: true }).waitFor();

    await section(facilitator, 'Start').getByLabel('Ny lapp i «Start»').focus();
    await facilitator.keyboard.type('Live frå fasilitatoren');
    await facilitator.keyboard.press('Control+Enter');
    await section(participant, 'Start').getByText('Live frå fasilitatoren').waitFor();
  });

  it('deletes a note after confirming, and undoes and redoes with the keyboard', STEP, async () => {
    const stop = section(facilitator, 'Stopp');
    const remove = stop.getByRole('button', { name: 'Slett lapp «Dele data på tvers»' });
    await tabTo(facilitator, remove, { back: true });
    await facilitator.keyboard.press('Enter');
    const dialog = dialogNamed(facilitator, 'Slette lapp «Dele data på tvers»?');
    await dialogShown(dialog);
    await expect.poll(() => focusedControl(facilitator)).toBe('sl-button: Avbryt');
    await expectAxeClean(facilitator);
    await facilitator.keyboard.press('Shift+Tab');
    expect(await focusedControl(facilitator)).toBe('sl-button: Slett');
    await facilitator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await status(facilitator).getByText('Sletta lapp «Dele data på tvers».').waitFor();
    await stop.getByText('Dele data på tvers').waitFor({ state: 'detached' });
    await section(participant, 'Stopp').getByText('Dele data på tvers').waitFor({ state: 'detached' });
    // Focus lands on the neighbour in the same frame: here the frame's guidance text.
    await expect.poll(() => focused(facilitator)).toMatch(/^li: Tekst\s*Kva bør vi slutte med\?/);

    await facilitator.keyboard.press('Control+z');
    await status(facilitator).getByText('Angra.').waitFor();
    await stop.getByText('Dele data på tvers').waitFor();
    await section(participant, 'Stopp').getByText('Dele data på tvers').waitFor();
    await facilitator.keyboard.press('Control+Shift+Z');
    await status(facilitator).getByText('Gjort om att.').waitFor();
    await stop.getByText('Dele data på tvers').waitFor({ state: 'detached' });
  });

  it('moves between elements with the arrow keys', STEP, async () => {
    const items = outline(facilitator).getByRole('listitem');
    const first = items.first();
    await first.focus();
    const names = [await focused(facilitator)];
    await facilitator.keyboard.press('ArrowDown');
    names.push(await focused(facilitator));
    await facilitator.keyboard.press('End');
    names.push(await focused(facilitator));
    await facilitator.keyboard.press('Home');
    names.push(await focused(facilitator));
    expect(names[0]).toMatch(/^li: /);
    expect(names[1]).not.toBe(names[0]);
    expect(names[2]).toContain('Felles plattform');
    expect(names[3]).toBe(names[0]);
    expect(await outline(facilitator).locator('li[tabindex="0"]').count()).toBe(1);
  });

  it('keeps text that looks like markup inert', STEP, async () => {
    const loose = section(facilitator, 'Ikkje i ei ramme');
    await loose.getByLabel('Ny lapp utanfor rammene').focus();
    await facilitator.keyboard.type(XSS);
    await facilitator.keyboard.press('Control+Enter');
    await loose.getByText(XSS).waitFor();
    await section(participant, 'Ikkje i ei ramme').getByText(XSS).waitFor();
    for (const page of [facilitator, participant]) {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await outline(page).locator('img').count()).toBe(0);
    }
  });

  it('highlights one organisation without relying on colour', STEP, async () => {
    await facilitator.getByRole('combobox', { name: /^Framhev/ }).selectOption({ label: 'Nav' });
    await outline(facilitator).getByText('Nav er framheva', { exact: false }).waitFor();
    const theirs = outline(facilitator).getByRole('listitem').filter({ hasText: 'Felles språk' });
    await theirs.getByText('Framheva', { exact: true }).waitFor();
    expect(await outline(facilitator).getByText('Framheva', { exact: true }).count()).toBe(1);
    // The mark is part of the item's accessible name, not only its look.
    expect(await outline(facilitator).getByRole('listitem', { name: /^Lapp Framheva Felles språk$/ }).count()).toBe(1);
    await facilitator.screenshot({ path: '/tmp/outline-facilitator.png', fullPage: false });
    await expectAxeClean(facilitator);
    await facilitator.getByRole('combobox', { name: /^Framhev/ }).selectOption({ label: 'Alle verksemder' });
  });

  it('lets an observer read everything and change nothing', STEP, async () => {
    await openOutline(observer, workshopId);
    const o = outline(observer);
    await section(observer, 'Hald fram').getByText('Felles språk').waitFor();
    await section(observer, 'Ikkje i ei ramme').getByText(XSS).waitFor();
    for (const name of [/^Endre/, /^Slett/, /^Flytt/, /^Legg til lapp/, /^Angre/, /^Gjer om/, /^Endre namn/]) expect(await o.getByRole('button', { name }).count()).toBe(0);
    expect(await o.locator('textarea, select').count()).toBe(0);
    expect(await observer.getByRole('button', { name: 'Set inn mal' }).count()).toBe(0);
    expect(await o.getByRole('button', { name: /^Vis på tavla/ }).count()).toBeGreaterThan(0);
    await observer.screenshot({ path: '/tmp/outline-observer.png' });
    await expectAxeClean(observer);
  });

  it('asks with the browser\'s own confirmation when the dialog\'s code cannot load (offline before it arrived)', STEP, async () => {
    const { token } = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: navId });
    // No service worker (it would answer from its cache), and Shoelace's dialog never arrives.
    const context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.route(/\/assets\/dialog-[^/]*\.js$/, (route) => route.abort());
      await page.goto('/');
      await post(page, '/api/join', { inviteToken: token, displayName: 'Per Utan Dialog' });
      await openOutline(page, workshopId);
      await outline(page).getByLabel('Ny lapp utanfor rammene').fill('Utan dialog');
      await outline(page).getByLabel('Ny lapp utanfor rammene').press('Control+Enter');
      const loose = section(page, 'Ikkje i ei ramme');
      await loose.getByRole('listitem').filter({ hasText: 'Utan dialog' }).waitFor();
      const asked = new Promise<string>((resolve) =>
        page.once('dialog', (d) => {
          resolve(`${d.type()}: ${d.message()}`);
          void d.accept();
        }),
      );
      await loose.getByRole('button', { name: 'Slett lapp «Utan dialog»' }).click();
      expect(await asked).toMatch(/^confirm: Slette lapp «Utan dialog»\?/);
      await loose.getByRole('listitem').filter({ hasText: 'Utan dialog' }).waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('shows an element on the canvas from the outline', STEP, async () => {
    const show = section(facilitator, 'Ikkje i ei ramme').getByRole('button', { name: 'Vis på tavla: lapp «Felles plattform»' });
    await show.focus();
    await facilitator.keyboard.press('Enter');
    await outline(facilitator).waitFor({ state: 'detached' });
    await facilitator.getByRole('button', { name: 'Oversikt' }).waitFor();
    // The canvas shows it: the note lies inside the visible board, centred, and has the focus.
    const note = facilitator.locator('sk-board-canvas .el.note').filter({ hasText: 'Felles plattform' });
    const view = (await facilitator.locator('sk-board-canvas .viewport').boundingBox())!;
    await expect.poll(async () => {
      const box = await note.boundingBox();
      return !!box && Math.abs(box.x + box.width / 2 - (view.x + view.width / 2)) < 4 && Math.abs(box.y + box.height / 2 - (view.y + view.height / 2)) < 4;
    }).toBe(true);
    expect(await note.evaluate((el) => el.matches(':focus-within') || el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
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
