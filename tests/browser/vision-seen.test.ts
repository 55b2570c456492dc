/**
 * "Since your last visit" moves along while the reader watches, in Chromium (issue #16, point
 * 13): a change watched live is not offered again after a reload, nor after going to the board
 * and back; a change made while the reader's tab was hidden stays new, is offered as soon as the
 * tab is visible again, and after a reload too, until "Mark as seen".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, caretAfter, createWorld, editor, expectNoProblems, openVision, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

const banner = (page: Page) => page.getByRole('region', { name: /Sidan sist du var her/ });
const seenAt = async (page: Page) => (await call<{ at: string | null }>(page, 'GET', `/api/workshops/${world.workshopId}/vision/seen`)).at;

/** Bo adds `text` at the end of the paragraph after `after`, and Anne's editor shows it. */
async function boWrites(after: string, text: string): Promise<void> {
  await caretAfter(bo.page, after);
  await bo.page.keyboard.type(text);
  await editor(anne.page).getByText(text.trim(), { exact: false }).waitFor();
}

/** Reloads the page and waits until the vision is in sync again. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await editor(page).waitFor();
  await page.locator('sk-vision-page sk-connection-status').getByText('Lagra og oppdatert').waitFor();
}

/** No banner once the page has checked (the check follows the first sync). */
async function noBanner(page: Page): Promise<void> {
  await page.waitForTimeout(700);
  expect(await banner(page).count()).toBe(0);
}

/** Emulates the tab being hidden or shown again, as when switching browser tabs. */
function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

describe('since your last visit, while watching', () => {
  it('does not offer a change watched live again after a reload', async () => {
    await openVision(anne.page, world.workshopId);
    await expect.poll(() => seenAt(anne.page)).not.toBeNull(); // the first visit, stored silently
    await openVision(bo.page, world.workshopId);
    await boWrites('Skildra kva som er annleis', ' Sett live.');
    await reload(anne.page);
    await noBanner(anne.page);
  }, 30_000);

  it('nor after going to the board and back', async () => {
    await boWrites('Kven er sluttbrukarane', ' Sett før tavla.');
    await anne.page.locator('sk-workshop-page nav.tabs').getByRole('link', { name: 'Tavle', exact: true }).click();
    await anne.page.locator('sk-board-page').waitFor();
    await anne.page.locator('sk-workshop-page nav.tabs').getByRole('link', { name: 'Draumebilete', exact: true }).click();
    await anne.page.locator('sk-vision-page sk-connection-status').getByText('Lagra og oppdatert').waitFor();
    await noBanner(anne.page);
  }, 30_000);

  it('keeps a change made while the tab was hidden new, and offers it when the tab is back', async () => {
    await setVisibility(anne.page, 'hidden');
    await boWrites('Korleis kom vi hit', ' Medan Anne var borte.');
    await setVisibility(anne.page, 'visible');
    await banner(anne.page).getByText('1 endring frå 1 verksemd').waitFor();

    await reload(anne.page);
    await banner(anne.page).getByText('1 endring frå 1 verksemd').waitFor();
    await banner(anne.page).getByRole('button', { name: 'Vis endringane' }).click();
    await expect.poll(() => editor(anne.page).locator('ins.change').allTextContents()).toEqual([' Medan Anne var borte.']);

    await anne.page.getByRole('button', { name: 'Marker som sett' }).click();
    await anne.page.getByText('Markert som sett.').waitFor();
    await reload(anne.page);
    await noBanner(anne.page);
    expectNoProblems(world);
  }, 30_000);
});
