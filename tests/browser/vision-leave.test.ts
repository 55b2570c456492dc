/**
 * Leaving the vision, in Chromium (issue #16, point 14): by every way the app offers (the tabs to
 * the board, the charter and the members, the brand link, the browser's back button), with the
 * editor focused, a comment being written, the others' cursors shown, a remote edit arriving
 * while the page goes, and from the read-only views. No page error, no console error, each time.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretAfter, createWorld, editor, openVision, selectIn, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;
const PROMPT = 'Skildra kva som er annleis';

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
  await openVision(bo.page, world.workshopId);
  await caretAfter(bo.page, PROMPT);
}, 120_000);
afterAll(async () => world?.close());

const tab = (page: Page, name: string) => page.locator('sk-workshop-page nav.tabs').getByRole('link', { name, exact: true });

/** Anne on the vision, the caret in the text, Bo's cursor shown to her. */
async function writing(): Promise<void> {
  await openVision(anne.page, world.workshopId);
  await caretAfter(anne.page, PROMPT);
  await bo.page.keyboard.type('.');
  await anne.page.locator('.remote-cursor-label', { hasText: 'Bo Nav' }).waitFor();
}

/** Whatever the page does after leaving (timers, a late awareness update) has had its turn. */
async function left(page: Page, url: RegExp): Promise<void> {
  await expect.poll(() => page.url()).toMatch(url);
  await page.waitForTimeout(400);
  await bo.page.keyboard.type('!'); // a remote edit and cursor move after the editor is gone
  await page.waitForTimeout(300);
  expect(world.problems()).toEqual([]);
}

describe('leaving the vision', () => {
  it('by the board tab, with the editor focused and Bo’s cursor shown', async () => {
    await writing();
    await tab(anne.page, 'Tavle').click();
    await left(anne.page, /\/w\/[^/]+$/);
  }, 30_000);

  it('by the charter tab, while Bo types', async () => {
    await writing();
    const typing = bo.page.keyboard.type(' Bo skriv medan Anne går.', { delay: 10 });
    await anne.page.waitForTimeout(60);
    await tab(anne.page, 'Avtale').click();
    await typing;
    await left(anne.page, /\/charter\//);
  }, 30_000);

  it('by the browser’s back button, while typing', async () => {
    await anne.page.goto(`/w/${world.workshopId}`);
    await tab(anne.page, 'Draumebilete').click();
    await editor(anne.page).waitFor();
    await anne.page.locator('sk-vision-page sk-connection-status').getByText('Lagra og oppdatert').waitFor();
    await caretAfter(anne.page, PROMPT);
    await anne.page.keyboard.type(' Anne', { delay: 10 });
    await anne.page.goBack();
    await left(anne.page, /\/w\/[^/]+$/);
  }, 30_000);

  it('with a comment being written', async () => {
    await writing();
    await selectIn(anne.page, PROMPT, 'Skildra');
    await anne.page.keyboard.press('Control+Alt+m');
    await anne.page.getByLabel('Kommentaren din').fill('Halvskriven kommentar');
    await tab(anne.page, 'Medlemmer og invitasjonar').click();
    await left(anne.page, /\/settings$/);
  }, 30_000);

  it('from “who wrote what” and the journey', async () => {
    await writing();
    await anne.page.getByRole('button', { name: 'Kven skreiv kva' }).click();
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).waitFor();
    await tab(anne.page, 'Tavle').click();
    await left(anne.page, /\/w\/[^/]+$/);
    await writing();
    await anne.page.getByRole('button', { name: 'Reisa' }).click();
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).waitFor();
    await tab(anne.page, 'Avtale').click();
    await left(anne.page, /\/charter\//);
  }, 30_000);

  it('by the brand link to the start page', async () => {
    await writing();
    await anne.page.locator('sk-app header a.brand').click();
    await left(anne.page, /\/$/);
  }, 30_000);
});
