/**
 * The vision live in Chromium: two members of different organisations type into the same
 * paragraph at once and end with the same text; each sees the other's cursor with their name;
 * undo takes back only one's own typing; the toolbar and shortcuts format text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, textOf, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

const PROMPT = 'Skildra kva som er annleis';

describe('the vision, live', () => {
  it('shows the template and both cursors with names', async () => {
    await openVision(anne.page, world.workshopId);
    await openVision(bo.page, world.workshopId);
    await editor(anne.page).getByRole('heading', { name: 'Kva vi skal oppnå saman' }).waitFor();
    await caretAfter(anne.page, PROMPT);
    await caretAfter(bo.page, PROMPT);
    await bo.page.keyboard.press('Home');
    await bo.page.locator('.remote-cursor-label', { hasText: 'Kari Fasilitator' }).waitFor();
    await anne.page.locator('.remote-cursor-label', { hasText: 'Bo Nav' }).waitFor();
  }, 30_000);

  it('merges two members typing into the same paragraph at once', async () => {
    // Anne at the end of the paragraph, Bo at its start, typing at the same time.
    await Promise.all([anne.page.keyboard.type(' Anne skriv her.', { delay: 15 }), bo.page.keyboard.type('Bo skriv òg. ', { delay: 15 })]);
    const para = (m: Member) => textOf(editor(m.page).locator('p', { hasText: 'kva som er annleis' }).first());
    await expect.poll(async () => (await para(anne)) === (await para(bo)), { timeout: 10_000 }).toBe(true);
    const text = await para(anne);
    expect(text).toContain('Anne skriv her.');
    expect(text).toContain('Bo skriv òg.');
  }, 30_000);

  it('undoes only my own typing', async () => {
    await anne.page.keyboard.type(' Angrast.');
    await editor(bo.page).getByText('Angrast.', { exact: false }).waitFor();
    await anne.page.keyboard.press('Control+z');
    const para = () => textOf(editor(bo.page).locator('p', { hasText: 'kva som er annleis' }).first());
    await expect.poll(para).not.toContain('Angrast.');
    expect(await para()).toContain('Bo skriv òg.');
  }, 30_000);

  it('formats with the toolbar and shortcuts', async () => {
    await caretAfter(anne.page, 'Kven er sluttbrukarane');
    await anne.page.keyboard.press('Enter');
    await anne.page.keyboard.type('- Første punkt');
    await editor(bo.page).locator('ul li', { hasText: 'Første punkt' }).waitFor();
    await anne.page.keyboard.press('Enter');
    await anne.page.keyboard.press('Control+b');
    await anne.page.keyboard.type('Feit');
    await editor(bo.page).locator('ul li strong', { hasText: 'Feit' }).waitFor();
    await expect.poll(() => anne.page.getByRole('toolbar').getByRole('button', { name: 'Feit' }).getAttribute('aria-pressed')).toBe('true');
    expectNoProblems(world);
  }, 30_000);
});
