/**
 * Connecting two elements without a pointer (issue #16, point 3), in Chromium against the real
 * server: `c` on a focused note starts a connection; Tab and the arrow keys move a highlighted,
 * announced target (the source and a pen stroke skipped); Enter draws the arrow between the two
 * boxes, Escape cancels; the context menu and the outline offer "Connect to…"; the shortcut help
 * lists `c`; the single-key setting and an observer's read-only view are respected; axe runs in
 * connect mode and on the outline's dialog. The steps build on each other and run in order.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { focused, launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage as post } from './pages.js';
import { dialogNamed, dialogShown, focusedControl } from './shoelace.js';

const STEP = { timeout: 30_000 };

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  client?.remove();
});

const canvas = (page: Page) => page.locator('sk-board-canvas');
const viewport = (page: Page) => canvas(page).locator('.viewport');
const note = (page: Page, text: string) => canvas(page).locator('.el.note').filter({ hasText: text });
const connectors = (page: Page) => canvas(page).locator('g.conn:not(.pen)');
const target = (page: Page) => canvas(page).locator('.connect-target');
const said = (page: Page) => canvas(page).getByRole('status');
type Box = { left: number; right: number; top: number; bottom: number };
const rect = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);

/** The text the live region ends up saying (it is cleared first, so a repeat is heard again). */
const heard = (page: Page, text: string) => expect.poll(() => said(page).textContent().then((t) => t?.trim())).toBe(text);

/** The connector's line (not its head) in screen pixels, for the one whose spoken name names both ends. */
async function lineBetween(page: Page, from: string, to: string) {
  const g = connectors(page).filter({ has: page.locator(`xpath=self::*[contains(@aria-label, "frå ${from} til ${to}")]`) });
  await expect.poll(() => g.count()).toBe(1);
  return rect(g.locator('.line'));
}

/** Whether the point lies on the box's outline (within 3 px of an edge, not beyond it). */
const onOutline = (x: number, y: number, b: Box) =>
  x > b.left - 3 && x < b.right + 3 && y > b.top - 3 && y < b.bottom + 3 && Math.min(Math.abs(x - b.left), Math.abs(x - b.right), Math.abs(y - b.top), Math.abs(y - b.bottom)) < 3;

async function tabTo(page: Page, el: Locator): Promise<void> {
  await el.waitFor();
  for (let i = 0; i < 120; i++) {
    if (await el.evaluate((e) => e.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

describe('connecting elements by keyboard', () => {
  let a: Page;
  let workshopId: string;

  it('sets up a board with three notes and a pen stroke', STEP, async () => {
    a = await openWatchedPage(browser, server.base, watches, outside);
    const created = await post<{ id: string }>(a, '/api/workshops', { title: 'Koplingar', organisations: [{ name: 'Nav' }], displayName: 'Kari Nordmann', organisationIndex: 0 });
    workshopId = created.id;
    await a.goto(`/w/${workshopId}`);
    await viewport(a).waitFor();
    // Placed through the session: Søknad, Vedtak to its right, Utbetaling below it, and a pen
    // stroke above them all (first in reading order, and no possible target).
    await a.evaluate(() => {
      const find = (root: Document | ShadowRoot): Element | null => {
        for (const el of root.querySelectorAll('*')) {
          if (el.tagName === 'SK-BOARD-CANVAS') return el;
          const inner = el.shadowRoot ? find(el.shadowRoot) : null;
          if (inner) return inner;
        }
        return null;
      };
      type Canvas = { session: { board: { create(e: object, a: object, o: unknown): string }; me: object; origin: unknown } };
      const s = (find(document) as unknown as Canvas).session;
      s.board.create({ kind: 'pen', x: -300, y: -260, w: 120, h: 30, points: [0, 0, 40, 30, 80, 0, 120, 30], color: 'grey' }, s.me, s.origin);
      s.board.create({ kind: 'note', x: 0, y: 0, text: 'Søknad' }, s.me, s.origin);
      s.board.create({ kind: 'note', x: 320, y: 0, text: 'Vedtak' }, s.me, s.origin);
      s.board.create({ kind: 'note', x: 0, y: 240, text: 'Utbetaling' }, s.me, s.origin);
    });
    await note(a, 'Utbetaling').waitFor();
    await viewport(a).focus();
    await a.keyboard.press('Shift+1');
    await canvas(a).locator('g.pen').waitFor();
    const [s, v, u] = await Promise.all(['Søknad', 'Vedtak', 'Utbetaling'].map((t) => rect(note(a, t))));
    expect(v!.left).toBeGreaterThan(s!.right);
    expect(u!.top).toBeGreaterThan(s!.bottom);
  });

  it('c starts connect mode; Tab and the arrows move an announced, highlighted target; Enter connects', STEP, async () => {
    await note(a, 'Søknad').focus();
    await a.keyboard.press('c');
    await heard(a, 'Koplar frå lapp «Søknad». Vel målet med Tab eller piltastane, Enter koplar, Escape avbryt.');
    expect(await target(a).count()).toBe(0);

    await a.keyboard.press('Tab');
    await heard(a, 'Mål: lapp «Vedtak»');
    await expect.poll(() => target(a).textContent()).toContain('Vedtak');
    const outline = await target(a).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await canvas(a).locator('.link-preview').waitFor({ state: 'attached' });
    // Focus stays on the source the whole time.
    expect((await focused(a)).replace(/\s+/g, ' ')).toBe('div: Søknad');
    await expectAxeClean(a);

    await a.keyboard.press('Tab');
    await heard(a, 'Mål: lapp «Utbetaling»');
    // Round again: the pen stroke and the source are skipped.
    await a.keyboard.press('Tab');
    await heard(a, 'Mål: lapp «Vedtak»');
    await a.keyboard.press('Shift+Tab');
    await heard(a, 'Mål: lapp «Utbetaling»');
    await a.keyboard.press('ArrowRight');
    await heard(a, 'Mål: lapp «Vedtak»');
    await a.keyboard.press('ArrowLeft');
    await heard(a, 'Mål: lapp «Utbetaling»');
    await a.keyboard.press('ArrowDown');
    await heard(a, 'Mål: lapp «Vedtak»');
    expect(await connectors(a).count()).toBe(0);

    await a.keyboard.press('Enter');
    await heard(a, 'Kopla lapp «Søknad» til lapp «Vedtak».');
    expect(await target(a).count()).toBe(0);
    expect((await focused(a)).replace(/\s+/g, ' ')).toBe('div: Søknad');
    // The arrow runs from Søknad's right edge to Vedtak's left edge.
    const [s, v] = await Promise.all([rect(note(a, 'Søknad')), rect(note(a, 'Vedtak'))]);
    const line = await lineBetween(a, 'Søknad', 'Vedtak');
    expect(Math.abs(line.left - s.right)).toBeLessThan(3);
    expect(Math.abs(line.right - v.left)).toBeLessThan(3);
    expect(line.top).toBeGreaterThan(s.top);
    expect(line.bottom).toBeLessThan(s.bottom);
    // Out of connect mode, Tab moves focus again.
    await a.keyboard.press('Tab');
    await expect.poll(async () => (await focused(a)).replace(/\s+/g, ' ')).not.toBe('div: Søknad');
  });

  it('Escape cancels: nothing is drawn and focus stays on the source', STEP, async () => {
    await note(a, 'Utbetaling').focus();
    await a.keyboard.press('c');
    await heard(a, 'Koplar frå lapp «Utbetaling». Vel målet med Tab eller piltastane, Enter koplar, Escape avbryt.');
    await a.keyboard.press('Tab');
    await target(a).waitFor();
    await a.keyboard.press('Escape');
    await heard(a, 'Koplinga er avbroten.');
    expect(await target(a).count()).toBe(0);
    expect(await canvas(a).locator('.link-preview').count()).toBe(0);
    expect(await connectors(a).count()).toBe(1);
    expect((await focused(a)).replace(/\s+/g, ' ')).toBe('div: Utbetaling');
  });

  it('the context menu offers “Connect to…”, and the shortcut help lists c', STEP, async () => {
    await note(a, 'Søknad').focus();
    await a.keyboard.press('Shift+F10');
    await a.getByRole('menu', { name: 'Handlingar' }).waitFor();
    await expect.poll(() => focusedControl(a)).toMatch(/^sl-menu-item: /);
    for (let i = 0; i < 20 && !(await focusedControl(a)).startsWith('sl-menu-item: Kople til …'); i++) await a.keyboard.press('ArrowDown');
    expect(await focusedControl(a)).toBe('sl-menu-item: Kople til …C');
    await a.keyboard.press('Enter');
    await heard(a, 'Koplar frå lapp «Søknad». Vel målet med Tab eller piltastane, Enter koplar, Escape avbryt.');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Tab');
    await heard(a, 'Mål: lapp «Utbetaling»');
    await a.keyboard.press('Enter');
    await heard(a, 'Kopla lapp «Søknad» til lapp «Utbetaling».');
    const [s, u] = await Promise.all([rect(note(a, 'Søknad')), rect(note(a, 'Utbetaling'))]);
    const line = await lineBetween(a, 'Søknad', 'Utbetaling');
    expect(Math.abs(line.top - s.bottom)).toBeLessThan(3);
    expect(Math.abs(line.bottom - u.top)).toBeLessThan(3);

    await a.keyboard.press('?');
    const help = dialogNamed(a, 'Snøggtastar');
    await dialogShown(help);
    const row = help.getByRole('row').filter({ hasText: 'Kople det valde elementet til eit anna' });
    expect(await row.getByRole('cell').first().textContent()).toBe('C');
    await a.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('c works from elsewhere on the page only while single-key shortcuts are allowed there', STEP, async () => {
    // Vedtak selected with the mouse, then focus on the page's own controls, outside the board.
    await note(a, 'Vedtak').click();
    const outlineButton = a.getByRole('button', { name: 'Oversikt' });
    await outlineButton.focus();
    await a.keyboard.press('c');
    await heard(a, 'Koplar frå lapp «Vedtak». Vel målet med Tab eller piltastane, Enter koplar, Escape avbryt.');
    expect((await focused(a)).replace(/\s+/g, ' ')).toBe('div: Vedtak');
    await a.keyboard.press('Escape');
    await heard(a, 'Koplinga er avbroten.');

    // The person limits single keys to the board itself (in the shortcut help).
    await a.keyboard.press('?');
    const help = dialogNamed(a, 'Snøggtastar');
    await dialogShown(help);
    await help.getByRole('checkbox', { name: /Snøggtastar med éin tast/ }).uncheck();
    await a.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await outlineButton.focus();
    await a.keyboard.press('c');
    await a.waitForTimeout(300);
    expect(await said(a).textContent()).toBe('Koplinga er avbroten.');
    expect(await focused(a)).toBe('button: Oversikt');
    // On the board itself, c still connects.
    await note(a, 'Vedtak').focus();
    await a.keyboard.press('c');
    await heard(a, 'Koplar frå lapp «Vedtak». Vel målet med Tab eller piltastane, Enter koplar, Escape avbryt.');
    await a.keyboard.press('Escape');
    await heard(a, 'Koplinga er avbroten.');
    await a.evaluate(() => localStorage.removeItem('samskap.single-key-shortcuts'));
  });

  it('an observer cannot start a connection', STEP, async () => {
    const invite = await post<{ token: string }>(a, `/api/workshops/${workshopId}/invites`, { role: 'observer' });
    const o = await openWatchedPage(browser, server.base, watches, outside);
    await post(o, '/api/join', { inviteToken: invite.token, displayName: 'Olav Observatør' });
    await o.goto(`/w/${workshopId}`);
    await note(o, 'Søknad').focus();
    await o.keyboard.press('c');
    await o.keyboard.press('Tab');
    await o.waitForTimeout(300);
    expect(await target(o).count()).toBe(0);
    expect((await said(o).textContent())?.trim()).toBe('');
    await o.keyboard.press('Shift+F10');
    await o.getByRole('menu', { name: 'Handlingar' }).waitFor();
    expect(await o.getByRole('menuitem', { name: /Kople til/ }).count()).toBe(0);
  });

  it('the outline offers “Connect to…” in a dialog: choose with the keyboard, connect, or cancel', STEP, async () => {
    // Leaving the board while connecting ends it: nothing is left half done.
    await a.bringToFront();
    await note(a, 'Søknad').focus();
    await a.keyboard.press('c');
    await a.keyboard.press('Tab');
    await target(a).waitFor();
    const ol = a.locator('sk-board-outline');
    await a.getByRole('button', { name: 'Oversikt' }).click();
    await ol.getByRole('heading', { level: 2, name: 'Oversikt over tavla' }).waitFor();
    const open = ol.getByRole('button', { name: 'Kople til … (frå lapp «Vedtak»)' });
    await tabTo(a, open);
    await a.keyboard.press('Enter');
    const dialog = dialogNamed(a, 'Kople lapp «Vedtak» til');
    await dialogShown(dialog);
    // The other notes, not the source, the pen stroke or the connectors.
    const choices = dialog.getByRole('radio');
    expect(await choices.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent?.trim()))).toEqual(['lapp «Søknad»', 'lapp «Utbetaling»']);
    await expect.poll(() => focused(a)).toBe('input: ');
    await expectAxeClean(a);
    await a.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'lapp «Utbetaling»' }).isChecked()).toBe(true);
    await a.keyboard.press('Tab');
    expect(await focusedControl(a)).toBe('sl-button: Kople');
    await a.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await ol.getByRole('status').getByText('Kopla lapp «Vedtak» til lapp «Utbetaling».').waitFor();
    await ol.getByText('Kopling frå «Vedtak» til «Utbetaling»').waitFor();
    await expect.poll(() => open.evaluate((el) => el.matches(':focus'))).toBe(true);

    await a.keyboard.press('Enter');
    await dialogShown(dialog);
    await a.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await ol.getByRole('status').getByText('Koplinga er avbroten.').waitFor();
    await expect.poll(() => open.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await ol.getByText(/^Kopling frå/).count()).toBe(3);

    await a.getByRole('button', { name: 'Tavle', exact: true }).click();
    await note(a, 'Vedtak').waitFor();
    expect(await target(a).count()).toBe(0);
    expect(await connectors(a).count()).toBe(3);
    const [v, u] = await Promise.all([rect(note(a, 'Vedtak')), rect(note(a, 'Utbetaling'))]);
    const line = await lineBetween(a, 'Vedtak', 'Utbetaling');
    // From up right to down left: it starts on Vedtak's outline and ends on Utbetaling's.
    expect(onOutline(line.right, line.top, v)).toBe(true);
    expect(onOutline(line.left, line.bottom, u)).toBe(true);
  });

  it('logged no console errors and made no request off the server', () => {
    expect([...watches.values()].flatMap((w) => w.problems)).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
