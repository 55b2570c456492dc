/**
 * Board shortcuts anywhere on the board page (issue #16, point 2): N right after the page opens
 * adds a note, as the empty board says, without first clicking the canvas; never while typing in
 * a field; and a person who turns single-key shortcuts off in the shortcut help (WCAG 2.1.4) has
 * them only while the canvas has focus, remembered in this browser. In Chromium, axe-clean.
 * Then what a person sees of free text and a template's guidance (point 1), measured on screen:
 * the element's box and its text's box, not only the DOM.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
let client: BuiltClient;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  watch = await watchPage(page);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  client?.remove();
});

const notes = () => page.locator('sk-board-canvas .el.note');
/** What has focus, through shadow roots: its tag name. */
const focusedTag = () =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.localName ?? 'none';
  });

describe('board shortcuts on the whole board page', () => {
  it('adds a note with N right after the page opens, with the focus on the page, not the canvas', STEP, async () => {
    await page.goto('/');
    const id = await page.evaluate(async () => {
      const r = await fetch('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Snøggtastar', organisations: [{ name: 'Nav' }], displayName: 'Frida' }) });
      return ((await r.json()) as { id: string }).id;
    });
    await page.goto(`/w/${id}`);
    await page.getByText('Tavla er tom', { exact: false }).waitFor();
    expect(await focusedTag()).not.toBe('sk-board-canvas');
    await page.keyboard.press('n');
    await expect.poll(() => notes().count()).toBe(1);
    // The new note is being edited: Escape ends that; N again from a button outside the canvas adds another.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Oversikt' }).focus();
    await page.getByRole('button', { name: 'Tavle', exact: true }).focus();
    await page.keyboard.press('n');
    await expect.poll(() => notes().count()).toBe(2);
    await page.keyboard.press('Escape');
  });

  it('leaves letters alone while someone types in a field outside the canvas', STEP, async () => {
    await page.getByRole('button', { name: 'Set inn mal' }).focus();
    const select = page.getByLabel('Framhev');
    await select.focus();
    await page.keyboard.press('n');
    expect(await notes().count()).toBe(2);
  });

  it('limits single keys to the canvas when the person turns them off in the shortcut help, and remembers it', STEP, async () => {
    await page.getByRole('button', { name: 'Snøggtastar' }).click();
    const dialog = dialogNamed(page, 'Snøggtastar');
    await dialogShown(dialog);
    const everywhere = dialog.getByRole('checkbox', { name: 'Snøggtastar med éin tast verkar overalt på tavlesida' });
    expect(await everywhere.isChecked()).toBe(true);
    await expectAxeClean(page);
    await everywhere.uncheck();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.reload();
    await expect.poll(() => notes().count()).toBe(2);
    await page.getByRole('button', { name: 'Set inn mal' }).focus();
    await page.keyboard.press('n');
    await page.waitForTimeout(300);
    expect(await notes().count()).toBe(2);
    // On the canvas itself, N still adds a note.
    await page.locator('sk-board-canvas .viewport').focus();
    await page.keyboard.press('n');
    await expect.poll(() => notes().count()).toBe(3);
    expect(watch.problems).toEqual([]);
  });
});

/** The rendered boxes of each text element and of the text inside it. */
const textBoxes = () =>
  page.locator('sk-board-canvas .el.text').evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const inner = el.querySelector('.content')?.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim(), h: box.height, w: box.width, innerH: inner?.height ?? 0, inside: !!inner && inner.top >= box.top - 1 && inner.bottom <= box.bottom + 1 };
    }),
  );

describe('what a person sees of text on the board', () => {
  it('shows free text after editing, at its full size', STEP, async () => {
    await page.locator('sk-board-canvas .viewport').focus();
    await page.keyboard.press('t');
    const view = (await page.locator('sk-board-canvas .viewport').boundingBox())!;
    await page.mouse.click(view.x + 200, view.y + view.height - 140);
    await page.keyboard.type('Synleg tekst');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await textBoxes()).find((b) => b.text === 'Synleg tekst')).toMatchObject({ h: 60, w: 240, inside: true });
    expect((await textBoxes()).find((b) => b.text === 'Synleg tekst')!.innerH).toBeGreaterThan(20);
  });

  it('shows every guidance text of a template, not empty bars', STEP, async () => {
    await page.getByRole('button', { name: 'Set inn mal' }).click();
    const dialog = dialogNamed(page, 'Set inn ein mal');
    await dialogShown(dialog);
    await dialog.getByRole('menuitem', { name: 'Start, stopp, hald fram', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Kva fungerer og bør halde fram?', { exact: false }).first().waitFor();
    const guidance = (await textBoxes()).filter((b) => b.text !== 'Synleg tekst');
    expect(guidance.length).toBeGreaterThan(0);
    for (const b of guidance) {
      expect(b.h, b.text).toBeGreaterThanOrEqual(40);
      expect(b.innerH, b.text).toBeGreaterThan(16);
      expect(b.inside, b.text).toBe(true);
    }
    expect(watch.problems).toEqual([]);
  });
});
