/**
 * Bad input in the vision editor, in Chromium: pasted hostile HTML (script, style, event
 * attributes, javascript: links) is reduced to the schema and nothing of it runs; safe links
 * survive. A change that would take the text past the cap (VISION_MAX_CHARS, small here) is
 * refused whole with a clear message, and the text stays as it was. Reset to the template is
 * offered to facilitators only, and only while the vision has no text. An observer reads only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAxeClean } from './axe.js';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, textOf, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;
const MAX = 700;

beforeAll(async () => {
  world = await createWorld({ VISION_MAX_CHARS: String(MAX) });
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

/** Pastes like the browser does: a paste event carrying text/html (and text/plain). */
function paste(page: Page, data: { html?: string; text: string }): Promise<void> {
  return editor(page).evaluate((el, d) => {
    const dt = new DataTransfer();
    if (d.html) dt.setData('text/html', d.html);
    dt.setData('text/plain', d.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

const HOSTILE = [
  '<style>body{display:none}</style>',
  '<p onclick="window.__xss=1" style="color:red">Trygg tekst<img src=x onerror="window.__xss=2"></p>',
  '<script>window.__xss=3</script>',
  '<p><a href="javascript:window.__xss=4">farleg lenkje</a> og <a href="https://www.regjeringen.no/" onmouseover="window.__xss=5">trygg lenkje</a></p>',
  '<iframe src="javascript:window.__xss=6"></iframe><svg onload="window.__xss=7"></svg>',
].join('');

describe('bad input', () => {
  it('neutralises pasted hostile HTML and keeps safe links', async () => {
    await openVision(anne.page, world.workshopId);
    await openVision(bo.page, world.workshopId);
    // Parsing the pasted HTML (in an inert document) meets its event-handler attributes; the
    // page's CSP refuses them and reports it. That report is expected here; nothing may run.
    anne.watch.allow((m) => /inline event handler|script-src-attr/.test(m.text()));
    await caretAfter(anne.page, 'Skildra kva som er annleis');
    await paste(anne.page, { html: HOSTILE, text: 'Trygg tekst' });
    await editor(bo.page).getByText('Trygg tekst').waitFor();
    for (const m of [anne, bo]) {
      const html = await editor(m.page).evaluate((el) => el.innerHTML);
      expect(html.match(/<script|<style|<iframe|<svg|<img(?! class="ProseMirror-separator")|onerror|onclick|onmouseover|onload|javascript:|style="color/gi) ?? [], html).toEqual([]);
      expect(await editor(m.page).locator('a[href="https://www.regjeringen.no/"]', { hasText: 'trygg lenkje' }).count()).toBe(1);
      expect(await editor(m.page).getByText('farleg lenkje').count()).toBe(1); // the text stays, the link goes
      expect(await editor(m.page).locator('a', { hasText: 'farleg lenkje' }).count()).toBe(0);
      await editor(m.page).locator('a').first().hover();
      expect(await m.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
  }, 30_000);

  it('refuses a change that would pass the length cap, with a message, and keeps the text', async () => {
    const before = await textOf(editor(anne.page));
    await caretAfter(anne.page, 'Korleis kom vi hit');
    await paste(anne.page, { text: 'x'.repeat(MAX) });
    const alert = anne.page.locator('sk-vision-page').getByRole('alert');
    await alert.getByText(`draumebiletet kan ha høgst ${MAX} teikn`, { exact: false }).waitFor();
    expect(await textOf(editor(anne.page))).toBe(before);
    await expectAxeClean(anne.page);
    // A short addition still goes through, and the message goes away.
    await anne.page.keyboard.type(' Kort.');
    await editor(bo.page).getByText('Kort.', { exact: false }).waitFor();
    await expect.poll(() => alert.textContent()).toBe('');
    expectNoProblems(world);
  }, 30_000);

  it('resets an empty vision to the template (facilitators only)', async () => {
    const reset = anne.page.getByRole('button', { name: 'Tilbakestill til malen' });
    expect(await reset.isDisabled()).toBe(true);
    expect(await bo.page.getByRole('button', { name: 'Tilbakestill til malen' }).count()).toBe(0);
    await editor(anne.page).click();
    await anne.page.keyboard.press('Control+a');
    await anne.page.keyboard.press('Delete');
    await expect.poll(() => reset.isDisabled()).toBe(false);
    await reset.click();
    await anne.page.getByText('Malen er tilbake.').waitFor();
    await editor(bo.page).getByRole('heading', { name: 'Kva vi skal oppnå saman' }).waitFor();
    await expect.poll(() => reset.isDisabled()).toBe(true);
  }, 30_000);

  it('lets an observer read, without any editing control', async () => {
    const oda = await world.newMember('Oda Observatør', { role: 'observer' });
    await oda.page.goto(`/w/${world.workshopId}/vision`);
    await editor(oda.page).getByRole('heading', { name: 'Kva vi skal oppnå saman' }).waitFor();
    expect(await editor(oda.page).getAttribute('contenteditable')).toBe('false');
    expect(await oda.page.getByRole('toolbar').count()).toBe(0);
    await oda.page.getByText('Observatør: du kan lese, ikkje endre').waitFor();
    await expectAxeClean(oda.page);
    expectNoProblems(world);
  }, 30_000);
});
