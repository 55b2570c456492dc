/**
 * Comments on board elements in real Chromium (issue #16), in Nynorsk: Ola (Nav) writes a note and
 * comments on it by keyboard (Ctrl+Alt+M); an empty comment is refused with a word, nothing
 * written; Siri (Bergen kommune) sees the badge, opens the comments, finds no way to edit or delete
 * Ola's comment, replies and resolves the thread by keyboard; Ola sees the thread go behind the
 * toggle and the badge go, reopens it, edits her own comment, and deletes another of hers after
 * being asked; Siri comments from the outline. Axe-clean with the panel and the dialog open; the panel renders in Bokmål and English.
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

const panel = (p: Page) => p.locator('sk-board-comments');
const note = (p: Page) => p.locator('sk-board-canvas .el.note', { hasText: 'Felles inngang' });
const badge = (p: Page) => p.locator('sk-board-canvas .comment-badge');
const comments = (p: Page) => panel(p).locator('.comment .text');
/** The id of the element that has focus, through shadow roots. */
const focusedId = (p: Page) =>
  p.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id ?? '';
  });

describe('comments on board elements', () => {
  let ola: Page;
  let siri: Page;

  it('sets up two participants of two organisations on the board', STEP, async () => {
    const fac = await openPage();
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string }> }>(fac, '/api/workshops', {
      title: 'Kommentarar',
      organisations: [{ name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
    });
    const join = async (org: number, name: string) => {
      const invite = await postFromPage<{ token: string }>(fac, `/api/workshops/${created.id}/invites`, { role: 'participant', organisationId: created.organisations[org]!.id });
      const p = await openPage();
      await postFromPage(p, '/api/join', { inviteToken: invite.token, displayName: name });
      await p.goto(`/w/${created.id}`);
      await p.getByText('Tavla er tom', { exact: false }).waitFor();
      return p;
    };
    ola = await join(0, 'Ola');
    siri = await join(1, 'Siri');
  });

  it('comments on a note by keyboard; an empty comment is refused with a word', STEP, async () => {
    await ola.locator('sk-board-canvas .viewport').focus();
    await ola.keyboard.press('n');
    await ola.keyboard.type('Felles inngang');
    await ola.keyboard.press('Escape');
    await note(siri).waitFor();
    await ola.keyboard.press('Control+Alt+m');
    await panel(ola).getByRole('heading', { name: 'Kommentarar: lapp «Felles inngang»' }).waitFor();
    await expect.poll(() => focusedId(ola)).toBe('new-comment');
    await ola.keyboard.press('Control+Enter');
    await panel(ola).getByRole('status').filter({ hasText: 'Skriv ein kommentar først.' }).waitFor();
    expect(await comments(ola).count()).toBe(0);
    await ola.keyboard.type('Kven eig inngangen?');
    await ola.keyboard.press('Control+Enter');
    await expect.poll(() => comments(ola).allTextContents()).toEqual(['Kven eig inngangen?']);
    await expect.poll(() => badge(siri).textContent()).toBe('1');
    expect(await panel(ola).locator('.who').first().textContent()).toMatch(/Ola, Nav · /);
    await expectAxeClean(ola);
  });

  it('lets the other participant reply and resolve, never edit or delete the first one’s comment', STEP, async () => {
    await note(siri).click();
    await expect.poll(() => comments(siri).allTextContents()).toEqual(['Kven eig inngangen?']);
    expect(await panel(siri).getByRole('button', { name: /Rediger|Slett/ }).count()).toBe(0);
    await panel(siri).getByLabel('Svar').focus();
    await siri.keyboard.type('Vi tek det.');
    await siri.keyboard.press('Control+Enter');
    await expect.poll(() => comments(ola).allTextContents()).toEqual(['Kven eig inngangen?', 'Vi tek det.']);
    await expect.poll(() => badge(ola).textContent()).toBe('2');
    // Siri's own reply is hers to edit and delete.
    await panel(siri).getByRole('button', { name: 'Rediger kommentaren frå Siri' }).waitFor();
    await panel(siri).getByRole('button', { name: 'Løys' }).focus();
    await siri.keyboard.press('Enter');
    await panel(ola).getByText('Ingen opne kommentarar.').waitFor();
    await expect.poll(() => badge(ola).count()).toBe(0);
    await expectAxeClean(siri);
  });

  it('shows the resolved thread behind the toggle; the author reopens and edits her own', STEP, async () => {
    const toggle = panel(ola).getByRole('button', { name: 'Vis løyste (1)' });
    await toggle.focus();
    await ola.keyboard.press('Enter');
    await panel(ola).getByText('Løyst av Siri', { exact: false }).waitFor();
    await panel(ola).getByRole('button', { name: 'Opne att' }).focus();
    await ola.keyboard.press('Enter');
    await expect.poll(() => badge(siri).textContent()).toBe('2');
    await panel(ola).getByRole('button', { name: 'Rediger kommentaren frå Ola' }).focus();
    await ola.keyboard.press('Enter');
    await expect.poll(() => focusedId(ola)).toMatch(/^edit-/);
    await ola.keyboard.press('Control+A');
    await ola.keyboard.type('Kven eig den felles inngangen?');
    await ola.keyboard.press('Control+Enter');
    await expect.poll(() => comments(siri).first().textContent()).toBe('Kven eig den felles inngangen?');
    await panel(siri).getByText('endra').waitFor();
    expect(await panel(ola).getByRole('button', { name: 'Slett kommentaren frå Ola' }).count()).toBe(0); // Siri's reply goes with it
  });

  it('deletes her own comment after asking', STEP, async () => {
    await panel(ola).getByLabel('Ny kommentar').focus();
    await ola.keyboard.type('Skal bort');
    await ola.keyboard.press('Control+Enter');
    await expect.poll(() => comments(siri).allTextContents()).toContain('Skal bort');
    await panel(ola).getByRole('button', { name: 'Slett kommentaren frå Ola' }).focus();
    await ola.keyboard.press('Enter');
    const dialog = dialogNamed(ola, 'Slette kommentaren?');
    await dialogShown(dialog);
    await expectAxeClean(ola);
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => comments(siri).allTextContents()).toEqual(['Kven eig den felles inngangen?', 'Vi tek det.']);
  });

  it('opens an element’s comments from the context menu and from the outline, its field at the ready', STEP, async () => {
    await note(siri).focus();
    await siri.keyboard.press('Shift+F10');
    // The menu's own keys are board-canvas.test.ts's; here, that the item is there and works.
    await siri.locator('sk-board-menu').getByRole('menuitem', { name: /Kommenter …/ }).click();
    await expect.poll(() => focusedId(siri)).toBe('new-comment');
    await siri.getByRole('button', { name: 'Oversikt', exact: true }).click();
    await siri.locator('sk-board-outline').getByRole('button', { name: 'Kommentarar (2) lapp «Felles inngang»' }).click();
    await expect.poll(() => focusedId(siri)).toBe('new-comment');
    await siri.keyboard.type('Frå oversikta');
    await siri.keyboard.press('Control+Enter');
    await expect.poll(() => badge(ola).textContent()).toBe('3');
    await expectAxeClean(siri);
  });

  it('renders in Bokmål and English too, axe-clean', STEP, async () => {
    for (const [lang, heading, add] of [
      ['nb', 'Kommentarer: lapp «Felles inngang»', 'Legg til kommentar'],
      ['en', 'Comments: sticky note «Felles inngang»', 'Add comment'],
    ] as const) {
      await ola.locator('sk-app #language').selectOption(lang);
      await panel(ola).getByRole('heading', { name: heading }).waitFor();
      await panel(ola).getByRole('button', { name: add }).waitFor();
      await expectAxeClean(ola);
    }
    await ola.locator('sk-app #language').selectOption('nn');
  });

  it('had no console problems', () => {
    for (const w of watches) expect(w.problems).toEqual([]);
  });
});
