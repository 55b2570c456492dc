/**
 * The vision between workshops, in Chromium: "since your last visit" shows exactly the other
 * members' changes (not one's own) after a reload, with a count by organisation, and "Mark as
 * seen" clears it; "who wrote what" colours passages by organisation; comments are added,
 * answered, resolved, and kept as detached when their text is deleted; axe finds no WCAG 2.1 AA
 * violation in the editor, the diff and the comments panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { call, caretAfter, selectIn, createWorld, editor, expectNoProblems, openVision, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;
let cy: Member;
const SHOTS = process.env.VISION_SHOTS;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
  cy = await world.newMember('Cy Bergen', { organisation: 'Bergen kommune' });
}, 120_000);
afterAll(async () => world?.close());

const shot = async (m: Member, name: string) => {
  if (SHOTS) await m.page.screenshot({ path: `${SHOTS}/vision-${name}.png`, fullPage: true });
};
const changes = (m: Member, tag: 'ins' | 'del') => editor(m.page).locator(`${tag}.change`).allTextContents();

describe('the vision between workshops', () => {
  it('stores the first visit silently', async () => {
    await openVision(anne.page, world.workshopId);
    await expect.poll(async () => (await call<{ snapshot: string | null }>(anne.page, 'GET', `/api/workshops/${world.workshopId}/vision/seen`)).snapshot !== null).toBe(true);
    expect(await anne.page.getByRole('heading', { name: /Sidan sist du var her/ }).count()).toBe(0);
    await expectAxeClean(anne.page);
    await shot(anne, 'edit');
    await anne.page.goto(`/w/${world.workshopId}/settings`);
  }, 30_000);

  it('shows exactly the others’ changes after a reload, not my own', async () => {
    await openVision(bo.page, world.workshopId);
    await caretAfter(bo.page, 'Skildra kva som er annleis');
    await bo.page.keyboard.type(' Nav sitt tillegg.');
    // Bo also deletes a word: "Skildra " at the start of the paragraph.
    await selectIn(bo.page, 'Skildra kva som er annleis', 'Skildra ');
    await bo.page.keyboard.press('Delete');
    await openVision(cy.page, world.workshopId);
    await caretAfter(cy.page, 'Kven er sluttbrukarane');
    await cy.page.keyboard.type(' Bergen legg til.');
    // Anne writes too, from another tab, while "away" from the first.
    const tab = await anne.context.newPage();
    await openVision(tab, world.workshopId);
    await caretAfter(tab, 'Korleis kom vi hit');
    await tab.keyboard.type(' Mitt eige.');
    await editor(cy.page).getByText('Mitt eige.', { exact: false }).waitFor();
    await editor(anne.page.context().pages()[1]!).getByText('Bergen legg til.', { exact: false }).waitFor();
    await tab.close();

    await openVision(anne.page, world.workshopId);
    const banner = anne.page.getByRole('region', { name: /Sidan sist du var her/ });
    await banner.getByText('3 endringar frå 2 verksemder').waitFor();
    await banner.getByRole('button', { name: 'Vis endringane' }).click();
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).waitFor();
    await expect.poll(() => changes(anne, 'ins')).toEqual([' Nav sitt tillegg.', ' Bergen legg til.']);
    await shot(anne, 'since');
    expect(await changes(anne, 'del')).toEqual(['Skildra ']);
    expect(await editor(anne.page).locator('ins.change', { hasText: 'Nav sitt' }).getAttribute('title')).toBe('Skrive av Bo Nav (Nav)');
    // My own words are there, not highlighted.
    await editor(anne.page).getByText('Mitt eige.', { exact: false }).waitFor();
    expect(await editor(anne.page).locator('.change', { hasText: 'Mitt eige.' }).evaluateAll((els) => els.map((e) => e.localName))).toEqual(['span']);
    expect(await editor(anne.page).getAttribute('contenteditable')).toBe('false');
    await expectAxeClean(anne.page);
    await shot(anne, 'since');

    await anne.page.getByRole('button', { name: 'Marker som sett' }).click();
    await anne.page.getByText('Markert som sett.').waitFor();
    expect(await editor(anne.page).getAttribute('contenteditable')).toBe('true');
    await anne.page.reload();
    await editor(anne.page).waitFor();
    await anne.page.locator('sk-connection-status').getByText('Lagra og oppdatert').waitFor();
    await anne.page.waitForTimeout(500);
    expect(await anne.page.getByRole('region', { name: /Sidan sist du var her/ }).count()).toBe(0);
  }, 60_000);

  it('shows who wrote what, by organisation', async () => {
    await anne.page.getByRole('button', { name: 'Kven skreiv kva' }).click();
    await editor(anne.page).locator('ins.change', { hasText: 'Bergen legg til.' }).waitFor();
    const org = (text: string) => editor(anne.page).locator('ins.change', { hasText: text }).first().getAttribute('data-organisation');
    const bergen = world.organisations.find((o) => o.name === 'Bergen kommune')!.id;
    const helse = world.organisations.find((o) => o.name === 'Helsedirektoratet')!.id;
    expect(await org('Bergen legg til.')).toBe(bergen);
    expect(await org('Mitt eige.')).toBe(helse);
    await expectAxeClean(anne.page);
    await shot(anne, 'authorship');
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).click();
    expect(await editor(anne.page).getAttribute('contenteditable')).toBe('true');
  }, 30_000);

  it('comments on a range, answers, resolves, and keeps a detached comment', async () => {
    await selectIn(anne.page, 'Kven er sluttbrukarane', 'Kven er');
    await anne.page.keyboard.press('Control+Alt+m');
    const draft = anne.page.getByLabel('Kommentaren din');
    await draft.waitFor();
    await draft.fill('Skal vi seie «innbyggjarar»?');
    await anne.page.getByRole('button', { name: 'Legg til kommentaren' }).click();
    await editor(bo.page).locator('.comment-range', { hasText: 'Kven er' }).waitFor();
    const card = bo.page.locator('sk-vision-comments article', { hasText: 'Skal vi seie' });
    await card.getByText('Kari Fasilitator').waitFor();
    await card.getByLabel('Svar').fill('Ja, gjerne.');
    await card.getByRole('button', { name: 'Send svaret' }).click();
    await anne.page.locator('sk-vision-comments article', { hasText: 'Ja, gjerne.' }).waitFor();
    await expectAxeClean(anne.page);
    await shot(anne, 'comments');

    // Bo deletes the commented words: the comment stays, marked detached.
    await selectIn(bo.page, 'sluttbrukarane', 'Kven er ');
    await bo.page.keyboard.press('Delete');
    const annes = anne.page.locator('sk-vision-comments article', { hasText: 'Skal vi seie' });
    await annes.getByText('Laus').waitFor();
    expect(await annes.getByRole('button', { name: 'Vis i teksten' }).count()).toBe(0);

    await annes.getByRole('button', { name: 'Marker som løyst' }).click();
    await expect.poll(() => bo.page.locator('sk-vision-comments article', { hasText: 'Skal vi seie' }).count()).toBe(0);
    await bo.page.getByRole('button', { name: 'Vis løyste (1)' }).click();
    await bo.page.locator('sk-vision-comments article', { hasText: 'Løyst av Kari Fasilitator' }).waitFor();
    expectNoProblems(world);
  }, 60_000);
});
