/**
 * The vision live in Chromium: two members of different organisations type into the same
 * paragraph at once and end with the same text; each sees the other's cursor with their name;
 * undo takes back only one's own typing; the toolbar and shortcuts format text; links and the
 * shortcut help work from the keyboard, and the toolbar is one tab stop with arrow keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { focused } from './chromium.js';
import { dialogNamed, dialogShown } from './shoelace.js';
import { caretAfter, selectIn, createWorld, editor, expectNoProblems, openVision, textOf, type Member, type VisionWorld } from './vision-harness.js';

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
    await anne.page.keyboard.press('Control+b');
  }, 30_000);

  it('adds a link with Ctrl+K, refusing javascript:', async () => {
    await anne.page.keyboard.type(' Les meir');
    await editor(bo.page).getByText('Les meir', { exact: false }).waitFor();
    await selectIn(anne.page, 'Les meir', 'Les meir');
    await anne.page.keyboard.press('Control+k');
    const dialog = dialogNamed(anne.page, 'Legg til lenkje');
    await dialogShown(dialog);
    await expectAxeClean(anne.page);
    await expect.poll(() => focused(anne.page)).toMatch(/^input/); // focus starts in the address field
    await dialog.getByRole('textbox').fill('javascript:alert(1)');
    await anne.page.keyboard.press('Enter');
    await dialog.getByText('Skriv ei nettadresse (http eller https) eller ei e-postadresse.').waitFor();
    await dialog.getByRole('textbox').fill('www.nav.no');
    await expect.poll(() => focused(anne.page)).toMatch(/^input/);
    await anne.page.keyboard.press('Enter');
    await editor(bo.page).locator('a[href="https://www.nav.no"]', { hasText: 'Les meir' }).waitFor();
    expect(await focused(anne.page)).toMatch(/^div: /); // back in the text
  }, 30_000);

  it('lists the shortcuts (Ctrl+/) and moves through the toolbar with arrow keys', async () => {
    await anne.page.keyboard.press('Control+/');
    const help = dialogNamed(anne.page, 'Snøggtastar');
    await dialogShown(help);
    await help.getByRole('cell', { name: 'Ctrl+Alt+M' }).waitFor();
    await expectAxeClean(anne.page);
    await anne.page.keyboard.press('Escape');
    await expect.poll(() => anne.page.locator('sk-vision-shortcuts sl-dialog').evaluate((d) => (d as HTMLElement & { open: boolean }).open)).toBe(false);
    // …and its fade-out has ended: a show() during Shoelace's hide is undone when the hide finishes.
    await help.waitFor({ state: 'hidden' });

    const toolbar = anne.page.getByRole('toolbar', { name: 'Formatering av teksten' });
    await toolbar.getByRole('button', { name: 'Angre' }).focus();
    await anne.page.keyboard.press('ArrowRight');
    expect(await focused(anne.page)).toBe('button: ');
    expect(await anne.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label');
    })).toBe('Gjer om att');
    await anne.page.keyboard.press('End');
    // Enter only once End has moved the focus to the last button (a busy machine may take a moment).
    await expect.poll(() => anne.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label');
    })).toBe('Snøggtastar');
    await anne.page.keyboard.press('Enter');
    await dialogShown(help);
    await anne.page.keyboard.press('Escape');
    expectNoProblems(world);
  }, 30_000);

  it('opens the shortcuts again when asked while they are still fading out', async () => {
    await editor(anne.page).click();
    await anne.page.keyboard.press('Control+/');
    const help = dialogNamed(anne.page, 'Snøggtastar');
    await dialogShown(help);
    // Closed and asked for again at once, within Shoelace's 250 ms fade-out (which used to undo the show).
    await anne.page.keyboard.press('Escape');
    await anne.page.keyboard.press('Control+/');
    await dialogShown(help);
    await anne.page.waitForTimeout(600);
    const box = await help.getByRole('cell', { name: 'Ctrl+Alt+M' }).boundingBox();
    expect(box?.height).toBeGreaterThan(0);
    await anne.page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expectNoProblems(world);
  }, 30_000);
});
