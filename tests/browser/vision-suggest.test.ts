/**
 * Suggestion mode in Chromium (issue #17), two browsers at once: the facilitator (Anne,
 * Helsedirektoratet) requires suggestions of participants; Bo (Nav) then types into a paragraph
 * while Anne types into the same one, and deletes a passage. In Anne's browser Bo's insertion and
 * deletion show as suggestions in Nav's colour, named on hover and listed beside the text; Anne
 * accepts one from the keyboard and rejects the others at once, and both browsers end with the
 * same text; Bo withdraws a suggestion he made offline. Backspace deletes his own typing for good
 * and strikes agreed text through; Enter suggests a new paragraph, shown as a pilcrow in Nav's
 * colour; Ctrl+B suggests bold, shown bold and dotted underneath. A heading is not a suggestion:
 * Bo is told, nothing changes, and his connection is never refused. Anne's own mode is off by default,
 * Ctrl+Alt+S turns it on, and it is remembered after a reload. axe finds nothing; the panel renders in Bokmål and English too. Screenshots at
 * 1440×900 and 390×844 go to /tmp/shots-suggest/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeClean, settle } from './settle.js';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, selectIn, textOf, type Member, type VisionWorld } from './vision-harness.js';

const SHOTS = '/tmp/shots-suggest';
const PROMPT = 'Skildra kva som er annleis';
const STRUCK = 'for innbyggjarane og ';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

const panel = (m: Member) => m.page.locator('sk-vision-suggestions');
const paragraph = (m: Member) => textOf(editor(m.page).locator('p', { hasText: 'kva som er annleis' }).first());

describe('suggestion mode, live', () => {
  it('turns a participant’s concurrent edits into suggestions the facilitator accepts and rejects', async () => {
    await openVision(anne.page, world.workshopId);
    await openVision(bo.page, world.workshopId);
    await panel(anne).getByRole('switch', { name: 'Deltakarane føreslår endringar (dei kan ikkje endre teksten direkte)' }).check();
    await bo.page.locator('sk-vision-editor .suggesting').filter({ hasText: 'Du føreslår, slik fasilitatoren ber om' }).waitFor();
    const toggle = bo.page.getByRole('toolbar').getByRole('button', { name: 'Føreslå endringar' });
    expect([await toggle.getAttribute('aria-pressed'), await toggle.getAttribute('aria-disabled')]).toEqual(['true', 'true']);

    // Bo at the end of the paragraph, Anne at its start, typing at the same time.
    await caretAfter(bo.page, PROMPT);
    await caretAfter(anne.page, PROMPT);
    await anne.page.keyboard.press('Home');
    await Promise.all([bo.page.keyboard.type(' Bo føreslår dette.', { delay: 15 }), anne.page.keyboard.type('Anne skriv. ', { delay: 15 })]);
    // Backspace takes back his own typing for good…
    await bo.page.keyboard.type('xy');
    await bo.page.keyboard.press('Backspace');
    await bo.page.keyboard.press('Backspace');
    await selectIn(bo.page, PROMPT, STRUCK);
    await bo.page.keyboard.press('Backspace');
    // …and strikes agreed text through, key by key, as one suggestion.
    await caretAfter(bo.page, 'Korleis kom vi hit');
    await bo.page.keyboard.press('Backspace');
    await bo.page.keyboard.press('Backspace');
    await editor(bo.page).locator('del.suggestion', { hasText: 'e.' }).waitFor();

    const ins = editor(anne.page).locator('ins.suggestion', { hasText: 'Bo føreslår dette.' });
    const del = editor(anne.page).locator('del.suggestion', { hasText: STRUCK.trim() });
    await ins.waitFor();
    await del.waitFor();
    expect(await del.getAttribute('title')).toBe('Framlegg frå Bo Nav (Nav): slett');
    expect(await ins.getAttribute('title')).toBe('Framlegg frå Bo Nav (Nav): legg til');
    // Both in Nav's colour.
    const colour = await ins.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--change-strong'));
    expect(colour).toMatch(/^(#|rgb)/);
    expect(await del.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--change-strong'))).toBe(colour);
    expect(await paragraph(anne)).toBe(await paragraph(bo));
    expect(await paragraph(anne)).toMatch(/^Anne skriv\. Skildra/);

    // Enter before the struck "e." suggests a new paragraph: a pilcrow in Nav's colour at Anne's.
    await bo.page.keyboard.press('Enter');
    const pilcrow = editor(anne.page).locator('p.suggested-break.insertion', { hasText: 'e.' });
    await pilcrow.waitFor();
    expect(await pilcrow.getAttribute('title')).toBe('Framlegg frå Bo Nav (Nav): nytt avsnitt');
    expect(await pilcrow.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('¶');
    // Bold is suggested too: shown bold, dotted underneath in Nav's colour, at Anne's.
    const before = await paragraph(bo);
    await selectIn(bo.page, PROMPT, 'Skildra');
    await bo.page.keyboard.press('Control+b');
    const bold = editor(anne.page).locator('span.suggestion.formatting', { hasText: 'Skildra' });
    await bold.waitFor();
    expect(await bold.getAttribute('title')).toBe('Framlegg frå Bo Nav (Nav): feit');
    expect(await bold.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    // A heading is not a suggestion: Bo is told, nothing changes.
    await bo.page.keyboard.press('Control+Alt+2');
    await bo.page.locator('sk-vision-page .notice').filter({ hasText: 'Ikkje endra: når du føreslår' }).waitFor();
    expect(await paragraph(bo)).toBe(before);
    expect(await editor(bo.page).locator('h3', { hasText: 'Skildra' }).count()).toBe(0);

    // Offline, a suggestion waits, and arrives when Bo is back (the idle prefetch of other tabs' code fails meanwhile).
    bo.watch.allow((m) => m.text().includes('net::ERR_INTERNET_DISCONNECTED') || (m.text().includes('net::ERR_FAILED') && m.location().url.includes('/assets/')));
    await bo.context.setOffline(true);
    await bo.page.locator('sk-vision-page sk-connection-status').getByRole('status').filter({ hasText: /Fråkopla/ }).waitFor();
    await caretAfter(bo.page, 'Kven er sluttbrukarane');
    await bo.page.keyboard.type(' Utan nett.');
    await bo.context.setOffline(false);
    await editor(anne.page).locator('ins.suggestion', { hasText: 'Utan nett.' }).waitFor({ timeout: 15_000 });

    const items = panel(anne).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(6);
    await panel(anne).getByRole('heading', { name: 'Framlegg (6)' }).waitFor();
    await panel(anne).getByText('Bo Nav (Nav) føreslår formatering (feit):').waitFor();
    await panel(anne).getByText('Bo Nav (Nav) føreslår eit nytt avsnitt:').waitFor();
    await axeClean(anne.page);
    await axeClean(bo.page);
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await anne.page.setViewportSize({ width: w, height: h });
      await editor(anne.page).locator('p', { hasText: 'kva som er annleis' }).first().scrollIntoViewIfNeeded();
      await settle(anne.page);
      await anne.page.screenshot({ path: `${SHOTS}/editor-${w}x${h}.png` });
      await panel(anne).scrollIntoViewIfNeeded();
      await anne.page.screenshot({ path: `${SHOTS}/list-${w}x${h}.png` });
      await pilcrow.scrollIntoViewIfNeeded();
      await settle(anne.page);
      await anne.page.screenshot({ path: `${SHOTS}/break-${w}x${h}.png` });
    }
    await anne.page.setViewportSize({ width: 1280, height: 900 });
    await settle(bo.page);
    await bo.page.screenshot({ path: `${SHOTS}/participant-1280x900.png` });

    // The panel in Bokmål and English.
    const lang = anne.page.getByLabel(/^(Språk|Language)$/);
    await lang.selectOption('nb');
    await panel(anne).getByRole('heading', { name: 'Forslag (6)' }).waitFor();
    await panel(anne).getByText('Bo Nav (Nav) foreslår å slette:').first().waitFor();
    await lang.selectOption('en');
    await panel(anne).getByRole('heading', { name: 'Suggestions (6)' }).waitFor();
    await panel(anne).getByText('Bo Nav (Nav) suggests a new paragraph:').waitFor();
    await panel(anne).getByText('Bo Nav (Nav) suggests adding:').first().waitFor();
    await lang.selectOption('nn');

    // Accept the insertion from the keyboard, reject the deletion.
    await items.filter({ hasText: 'Bo føreslår dette.' }).getByRole('button', { name: 'Godta' }).focus();
    await anne.page.keyboard.press('Enter');
    // Bo withdraws his own; he may not accept or reject.
    const his = panel(bo).getByRole('listitem').filter({ hasText: 'Utan nett.' });
    expect(await his.getByRole('button', { name: 'Godta' }).count()).toBe(0);
    await his.getByRole('button', { name: 'Trekk tilbake' }).click();
    await expect.poll(() => items.count()).toBe(4);
    // The two deletions, the bold and the new paragraph left, rejected at once.
    await panel(anne).getByRole('button', { name: 'Avvis alle' }).click();
    await expect.poll(() => items.count()).toBe(0);
    for (const m of [anne, bo]) {
      await expect.poll(() => editor(m.page).locator('ins.suggestion, del.suggestion, .suggestion.formatting, .suggested-break').count(), { timeout: 10_000 }).toBe(0);
    }
    await expect.poll(async () => (await paragraph(anne)) === (await paragraph(bo)), { timeout: 10_000 }).toBe(true);
    expect(await paragraph(bo)).toBe(`Anne skriv. ${PROMPT} når vi har lukkast, ${STRUCK}for kvar av verksemdene. Bo føreslår dette.`);
    expect(await textOf(editor(anne.page).locator('p', { hasText: 'Kven er sluttbrukarane' }))).not.toContain('Utan nett.');
    expect(await textOf(editor(bo.page).locator('p', { hasText: 'Korleis kom vi hit' }))).toMatch(/aktørane\.$/);
    expect(await bo.page.locator('sk-refused-notice section').count()).toBe(0);

    // Anne's own mode: off by default, Ctrl+Alt+S turns it on, and her page remembers it.
    const hers = anne.page.getByRole('toolbar').getByRole('button', { name: 'Føreslå endringar' });
    expect(await hers.getAttribute('aria-pressed')).toBe('false');
    await caretAfter(anne.page, 'Kven er sluttbrukarane');
    await anne.page.keyboard.press('Control+Alt+s');
    await expect.poll(() => hers.getAttribute('aria-pressed')).toBe('true');
    await anne.page.reload();
    await openVision(anne.page, world.workshopId);
    await expect.poll(() => hers.getAttribute('aria-pressed')).toBe('true');
    // Leaving "who wrote what" while suggesting brings the live text back.
    await anne.page.getByRole('button', { name: 'Kven skreiv kva' }).click();
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).click();
    await anne.page.getByRole('toolbar').waitFor();
    expect(await paragraph(anne)).toBe(await paragraph(bo));
    expectNoProblems(world);
  }, 90_000);
});
