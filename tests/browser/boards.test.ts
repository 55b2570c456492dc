/**
 * Several boards in real Chromium (issue #16): a facilitator adds a board from the board page and
 * lands on it (`/w/<id>/b/<boardId>`); a participant's page lists it at once (`boards.changed`);
 * each board keeps its own notes; renaming, duplicating and moving show everywhere; deleting asks
 * first, and a participant looking at the deleted board is told, with a way to the first board;
 * `/w/<id>` still opens the first board. Keyboard only for the facilitator's changes; axe-clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { postFromPage, useBrowserWorld } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
const world = useBrowserWorld();
const { watches } = world;

const openPage = (): Promise<Page> => world.openPage();

const tabs = (p: Page) => p.locator('sk-board-tabs').getByRole('navigation', { name: 'Tavler' });
const tabNames = (p: Page) => tabs(p).getByRole('link').allTextContents();
const current = (p: Page) => tabs(p).locator('a[aria-current=page]').textContent();
const notes = (p: Page) => p.locator('sk-board-canvas .el.note');
/** The facilitator's "this board" menu, opened (it stays open after a move, for the next one). */
async function manage(p: Page) {
  const menu = p.locator('sk-board-tabs details');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  return menu;
}

describe('several boards', () => {
  let fac: Page;
  let ola: Page;
  let workshopId: string;

  it('sets up a facilitator and a participant on the first board', STEP, async () => {
    fac = await openPage();
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string }> }>(fac, '/api/workshops', {
      title: 'Fleire tavler',
      organisations: [{ name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    const invite = await postFromPage<{ token: string }>(fac, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: created.organisations[0]!.id });
    ola = await openPage();
    await postFromPage(ola, '/api/join', { inviteToken: invite.token, displayName: 'Ola' });
    for (const p of [fac, ola]) {
      await p.goto(`/w/${workshopId}`);
      await p.getByText('Tavla er tom', { exact: false }).waitFor();
      expect(await tabNames(p)).toEqual(['Tavle 1']);
    }
    // Participants have no board management.
    expect(await ola.getByRole('button', { name: '+ Ny tavle' }).count()).toBe(0);
    await ola.locator('sk-board-canvas .viewport').focus();
    await ola.keyboard.press('n');
    await ola.keyboard.type('På den første tavla');
    await ola.keyboard.press('Escape');
    await notes(fac).filter({ hasText: 'På den første tavla' }).waitFor();
  });

  it('adds a board by keyboard; the facilitator lands on it, the participant sees it at once', STEP, async () => {
    await fac.getByRole('button', { name: '+ Ny tavle' }).focus();
    await fac.keyboard.press('Enter');
    const dialog = dialogNamed(fac, 'Ny tavle');
    await dialogShown(dialog);
    await expectAxeClean(fac);
    await fac.keyboard.type('Aktørkart');
    await fac.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => new URL(fac.url()).pathname).toMatch(new RegExp(`^/w/${workshopId}/b/[A-Za-z0-9_-]{16}$`));
    await expect.poll(() => current(fac)).toBe('Aktørkart');
    await fac.getByText('Tavla er tom', { exact: false }).waitFor();
    await expect.poll(() => tabNames(ola)).toEqual(['Tavle 1', 'Aktørkart']);
    expect(await current(ola)).toBe('Tavle 1');
  });

  it('keeps each board’s own notes; the participant follows the link to the new board', STEP, async () => {
    await fac.locator('sk-board-canvas .viewport').focus();
    await fac.keyboard.press('n');
    await fac.keyboard.type('Nav og kommunen');
    await fac.keyboard.press('Escape');
    await tabs(ola).getByRole('link', { name: 'Aktørkart' }).click();
    await notes(ola).filter({ hasText: 'Nav og kommunen' }).waitFor();
    expect(await notes(ola).filter({ hasText: 'På den første tavla' }).count()).toBe(0);
    await tabs(ola).getByRole('link', { name: 'Tavle 1', exact: true }).click();
    await notes(ola).filter({ hasText: 'På den første tavla' }).waitFor();
    expect(await notes(ola).filter({ hasText: 'Nav og kommunen' }).count()).toBe(0);
  });

  it('renames, duplicates and moves the board shown; every page follows', STEP, async () => {
    await (await manage(fac)).getByRole('button', { name: 'Endre namn …' }).click();
    const rename = dialogNamed(fac, 'Endre namnet på tavla «Aktørkart»');
    await dialogShown(rename);
    await fac.keyboard.press('Control+A');
    await fac.keyboard.type('Aktørkartet vårt');
    await fac.keyboard.press('Enter');
    await rename.waitFor({ state: 'hidden' });
    await expect.poll(() => tabNames(ola)).toEqual(['Tavle 1', 'Aktørkartet vårt']);
    await (await manage(fac)).getByRole('button', { name: 'Dupliser' }).click();
    await expect.poll(() => current(fac)).toBe('Aktørkartet vårt (kopi)');
    await notes(fac).filter({ hasText: 'Nav og kommunen' }).waitFor();
    await (await manage(fac)).getByRole('button', { name: 'Flytt framover' }).click();
    await expect.poll(() => tabNames(ola)).toEqual(['Tavle 1', 'Aktørkartet vårt (kopi)', 'Aktørkartet vårt']);
  });

  it('locks the board shown alone from the facilitator’s tools', STEP, async () => {
    await fac.locator('sk-live-bar').getByRole('button', { name: 'Fasilitatorverktøy' }).click();
    const lockOne = fac.locator('sk-facilitator-panel').getByRole('switch', { name: 'Lås berre «Aktørkartet vårt (kopi)»' });
    await lockOne.focus();
    await fac.keyboard.press('Space');
    await tabs(ola).getByRole('link', { name: 'Aktørkartet vårt (kopi)' }).click();
    await ola.getByText('Fasilitatoren har låst tavla: du kan lese, ikkje endre').waitFor();
    await tabs(ola).getByRole('link', { name: 'Tavle 1', exact: true }).click();
    await ola.locator('sk-template-picker').waitFor();
    await lockOne.focus();
    await fac.keyboard.press('Space');
    await expect.poll(() => lockOne.isChecked()).toBe(false);
    await fac.getByRole('button', { name: 'Lukk fasilitatorverktøya' }).click();
  });

  it('deletes a board after asking; a participant on it is told, with a way to the first board', STEP, async () => {
    await tabs(ola).getByRole('link', { name: 'Aktørkartet vårt (kopi)' }).click();
    await notes(ola).filter({ hasText: 'Nav og kommunen' }).waitFor();
    await (await manage(fac)).getByRole('button', { name: 'Slett …' }).click();
    const confirm = dialogNamed(fac, 'Slette tavla «Aktørkartet vårt (kopi)»?');
    await dialogShown(confirm);
    await expectAxeClean(fac);
    await confirm.getByRole('button', { name: 'Slett tavla' }).click();
    await expect.poll(() => tabNames(fac)).toEqual(['Tavle 1', 'Aktørkartet vårt']);
    await expect.poll(() => current(fac)).toBe('Tavle 1');
    const gone = ola.getByRole('alert').filter({ hasText: 'Denne tavla finst ikkje (lenger)' });
    await gone.waitFor();
    await gone.getByRole('link', { name: 'Opne den første tavla' }).click();
    await notes(ola).filter({ hasText: 'På den første tavla' }).waitFor();
    expect(await tabNames(ola)).toEqual(['Tavle 1', 'Aktørkartet vårt']);
    await expectAxeClean(ola);
  });

  it('renders in Bokmål and English too, axe-clean', STEP, async () => {
    for (const [lang, nav, add, manageLabel] of [
      ['nb', 'Tavler', '+ Ny tavle', 'Denne tavla'],
      ['en', 'Boards', '+ New board', 'This board'],
    ] as const) {
      await fac.locator('sk-app #language').selectOption(lang);
      await fac.locator('sk-board-tabs').getByRole('navigation', { name: nav }).waitFor();
      await fac.getByRole('button', { name: add }).waitFor();
      await fac.locator('sk-board-tabs summary', { hasText: manageLabel }).waitFor();
      await expectAxeClean(fac);
    }
    await fac.locator('sk-app #language').selectOption('nn');
  });

  it('had no console problems', () => {
    for (const w of watches) expect(w.problems).toEqual([]);
  });
});
