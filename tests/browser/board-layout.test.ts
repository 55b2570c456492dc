/**
 * The board page as a person sees it, measured on screen (issue #16, points 5, 10 and 11).
 * At 1440×900 the page never scrolls; a template lands whole in the inserter's view and "fit"
 * shows everything below the floating toolbar; the facilitator's tools stand beside the board,
 * not over it, and the board stays in use while they are open. On a phone (390×844) the board
 * starts high on the first screen, nothing scrolls sideways, the toolbar keeps to one row, a note
 * is edited at 16 CSS px or more, a dot-vote badge never covers a note's text, and a participant
 * takes a stance on a principle. axe-clean.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { postFromPage, useBrowserWorld } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
const world = useBrowserWorld();
const { watches } = world;

const openPage = (width?: number, height?: number): Promise<Page> => world.openPage(width, height);

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** How far the page itself scrolls, each way. */
const pageScroll = (page: Page) =>
  page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }));
/** The boxes of the board's elements on screen (selected ones only, if asked). */
const elementBoxes = (page: Page, selected = false) =>
  page.locator(`sk-board-canvas .el${selected ? '.selected' : ''}`).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

/** Every box lies in the board's viewport, below the toolbar. */
async function allInView(page: Page, boxes: Box[]): Promise<void> {
  const view = await box(page.locator('sk-board-canvas .viewport'));
  const toolbar = await box(page.locator('sk-board-canvas sk-board-toolbar [part=bar]'));
  const below = toolbar.y + toolbar.height;
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(view.x - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(view.x + view.width + 1);
    expect(b.y).toBeGreaterThanOrEqual(below);
    expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height + 1);
  }
}

async function insertTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Set inn mal' }).click();
  const dialog = dialogNamed(page, 'Set inn ein mal');
  await dialogShown(dialog);
  await dialog.getByRole('menuitem', { name: title, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the board page', () => {
  let facilitator: Page;
  let phone: Page;
  let workshopId: string;

  it('fills a 1440×900 window without scrolling the page', STEP, async () => {
    facilitator = await openPage(1440, 900);
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string }> }>(facilitator, '/api/workshops', {
      title: 'Tavla på skjermen',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    workshopId = created.id;
    const invite = await postFromPage<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: created.organisations[1]!.id });
    phone = await openPage(390, 844);
    await postFromPage(phone, '/api/join', { inviteToken: invite.token, displayName: 'Siri Bergen' });
    await facilitator.goto(`/w/${workshopId}`);
    await facilitator.getByText('Tavla er tom', { exact: false }).waitFor();
    expect(await pageScroll(facilitator)).toEqual({ x: 0, y: 0 });
    // The board takes what the chrome leaves: most of the window's height.
    expect((await box(facilitator.locator('sk-board-canvas'))).height).toBeGreaterThan(550);
    // The footer's link to the source (AGPL §13) is on screen too, below the board.
    const source = facilitator.locator('sk-app footer').getByRole('link', { name: 'Kjeldekode' });
    await expect.poll(() => source.getAttribute('href')).toBe('/source');
    const link = await box(source);
    expect(link.y).toBeGreaterThan((await box(facilitator.locator('sk-board-canvas'))).y);
    expect(link.y + link.height).toBeLessThanOrEqual(900);
  });

  it('lands a template whole in the inserter’s view, below the toolbar, even when zoomed in', STEP, async () => {
    const zoomIn = facilitator.getByRole('button', { name: 'Zoom inn' });
    for (let i = 0; i < 3; i++) await zoomIn.click();
    await insertTemplate(facilitator, 'Dei fire paradoksa');
    await expect.poll(async () => (await elementBoxes(facilitator, true)).length).toBeGreaterThan(4);
    await allInView(facilitator, await elementBoxes(facilitator, true));
  });

  it('fits the whole board below the floating toolbar', STEP, async () => {
    await facilitator.locator('sk-board-canvas .viewport').focus();
    await facilitator.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await facilitator.getByRole('button', { name: 'Zoom inn' }).click();
    await facilitator.getByRole('button', { name: 'Vis heile tavla' }).click();
    await allInView(facilitator, await elementBoxes(facilitator));
  });

  it('opens the facilitator’s tools beside the board, which stays in use', STEP, async () => {
    const toggle = facilitator.locator('sk-live-bar').getByRole('button', { name: 'Fasilitatorverktøy' });
    await toggle.click();
    const tools = facilitator.getByRole('complementary', { name: 'Fasilitatorverktøy' });
    await tools.getByRole('heading', { name: 'Agenda' }).waitFor();
    const stage = await box(facilitator.locator('sk-board-canvas'));
    const aside = await box(tools);
    expect(overlap(stage, aside)).toBe(false);
    expect(aside.x).toBeGreaterThanOrEqual(stage.x + stage.width);
    expect(stage.width).toBeGreaterThan(600);
    expect(await pageScroll(facilitator)).toEqual({ x: 0, y: 0 });
    // Not modal: a double-click on the board adds a note while the tools stay open.
    const before = await facilitator.locator('sk-board-canvas .el.note').count();
    await facilitator.mouse.dblclick(stage.x + 40, stage.y + stage.height - 40);
    await expect.poll(() => facilitator.locator('sk-board-canvas .el.note').count()).toBe(before + 1);
    await facilitator.keyboard.type('Felles plattform for alle tenestene våre');
    await facilitator.keyboard.press('Escape');
    await tools.getByRole('heading', { name: 'Agenda' }).waitFor();
    await expectAxeClean(facilitator);
    // A dot vote for the phone below; then Escape inside the tools closes them, focus back on the button.
    await tools.getByLabel('Røyster per person').fill('2');
    await tools.getByRole('button', { name: 'Opne ei prikkrøysting på tavla' }).click();
    await tools.getByText('Ei prikkrøysting er open: 2 røyster per person.').waitFor();
    await tools.getByLabel('Ny fase').focus();
    await facilitator.keyboard.press('Escape');
    await tools.waitFor({ state: 'detached' });
    await expect.poll(() => toggle.evaluate((el) => el.matches(':focus-within') || el === document.activeElement?.shadowRoot?.activeElement)).toBe(true);
  });

  it('on a phone: the board high on the first screen, no sideways scroll, the toolbar on one row', STEP, async () => {
    await phone.goto(`/w/${workshopId}`);
    // A big board opens at 100 % on its topmost element, not on an empty corner.
    await phone.locator('sk-board-canvas .el.frame').first().waitFor();
    expect((await pageScroll(phone)).x).toBe(0);
    expect((await box(phone.locator('sk-board-canvas'))).y).toBeLessThan(844 * 0.45);
    const buttons = await phone.locator('sk-board-canvas sk-board-toolbar button').evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect().top),
    );
    expect(buttons.length).toBeGreaterThan(10);
    expect(Math.max(...buttons) - Math.min(...buttons)).toBeLessThan(2);
    const bar = await box(phone.locator('sk-board-canvas sk-board-toolbar [part=bar]'));
    expect(bar.x + bar.width).toBeLessThanOrEqual(390);
    await expectAxeClean(phone);
  });

  it('on a phone: a note is edited at 16 CSS px or more, even on a board shown whole', STEP, async () => {
    // Scrolled to the board, as a person on a phone does: it then fills the screen.
    await phone.locator('sk-board-canvas').evaluate((el) => el.scrollIntoView());
    await phone.getByRole('button', { name: 'Vis heile tavla' }).click();
    await phone.getByRole('button', { name: 'Lapp', exact: true }).click();
    const view = await box(phone.locator('sk-board-canvas .viewport'));
    expect(view.y + view.height).toBeLessThanOrEqual(844);
    await phone.mouse.click(view.x + view.width / 2, view.y + view.height - 60);
    const editor = phone.locator('sk-board-canvas textarea.editor');
    await editor.waitFor();
    const onScreenPx = () => editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth));
    await expect.poll(onScreenPx).toBeGreaterThanOrEqual(16);
    await phone.keyboard.type('Eitt kontaktpunkt for familiane');
    await phone.keyboard.press('Escape');
    expect((await pageScroll(phone)).x).toBe(0);
  });

  it('on a phone: my dot-vote badge sits beside the note’s text, never over it', STEP, async () => {
    await phone.locator('sk-dot-vote').getByRole('button', { name: /^Gi ei røyst til Lapp: Felles plattform/ }).click();
    const badge = phone.locator('sk-board-canvas .vote-badge');
    await badge.waitFor();
    // Shown whole: the smallest zoom, where a badge (kept readable) is largest against the note.
    await phone.getByRole('button', { name: 'Vis heile tavla' }).click();
    const note = phone.locator('sk-board-canvas .el.note', { hasText: 'Felles plattform' });
    const text = await note.locator('.content').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    });
    expect(text.length).toBeGreaterThan(0);
    const b = await box(badge);
    for (const line of text) expect(overlap(b, line), `badge ${JSON.stringify(b)} over ${JSON.stringify(line)}`).toBe(false);
    expect(b.y + b.height).toBeLessThanOrEqual((await box(note)).y + 1);
  });

  it('on a phone: a participant takes a stance on a principle', STEP, async () => {
    await facilitator.goto(`/w/${workshopId}/charter/principles`);
    await facilitator.getByLabel('Nytt prinsipp').fill('Vi byggjer på felles nasjonale plattformer');
    await facilitator.getByRole('button', { name: 'Legg til prinsipp' }).click();
    await facilitator.getByRole('button', { name: 'Legg fram til vedtak' }).click();
    await phone.goto(`/w/${workshopId}/charter/principles`);
    const endorse = phone.getByRole('button', { name: 'Slutt deg til' });
    await endorse.waitFor();
    const b = await box(endorse);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    expect(b.height).toBeGreaterThanOrEqual(24);
    await endorse.click();
    await phone.getByText('Verksemda di: Sluttar seg til').waitFor();
    expect((await pageScroll(phone)).x).toBe(0);
    await expectAxeClean(phone);
  });

  it('had no console problems', () => {
    for (const w of watches) expect(w.problems).toEqual([]);
  });
});
