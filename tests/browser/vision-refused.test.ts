/**
 * A refused update, in Chromium, against the real server with a low VISION_MAX_CHARS: Bo writes
 * offline while Anne writes online; each fits under the cap alone, together they do not, so the
 * server refuses Bo's offline edits (4414, final). Bo sees a translated notice naming the reason
 * with his refused text listed (and copyable), the vision opens afresh with the server's text,
 * the editor works again, and a reload brings nothing refused back (IndexedDB was dropped).
 * Screenshots of the notice at 1440×900 and 390×844 go to /tmp/shots-clientrefuse/.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { visionTemplateUpdate } from '../../shared/vision/template.js';
import { VISION_DOC_OPTIONS, visionTextLength } from '../../shared/vision/schema.js';
import { focused } from './chromium.js';
import { axeClean, settle } from './settle.js';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, promptsAsText, textOf, type Member, type VisionWorld } from './vision-harness.js';

const SHOTS = '/tmp/shots-clientrefuse';
const ANNE = ' Anne skreiv dette medan Bo var borte.';
const BO = ' Bo skreiv dette utan nett, og det vart for mykje.';
/** Room for either sentence alone, not for both. */
const MARGIN = 60;

function templateLength(): number {
  const doc = new Y.Doc(VISION_DOC_OPTIONS);
  Y.applyUpdate(doc, visionTemplateUpdate('nn'));
  promptsAsText(doc);
  return visionTextLength(doc);
}
const CAP = templateLength() + MARGIN;

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  expect(ANNE.length < MARGIN && BO.length < MARGIN && ANNE.length + BO.length > MARGIN).toBe(true);
  world = await createWorld({ VISION_MAX_CHARS: String(CAP) });
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
  await bo.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.server.base });
}, 120_000);
afterAll(async () => world?.close());

const notice = (m: Member) => m.page.locator('sk-refused-notice section');
const status = (m: Member) => m.page.locator('sk-vision-page sk-connection-status').getByRole('status');
const whole = (m: Member) => textOf(editor(m.page));

/** Shown to a sighted person: laid out with a size, inside the viewport's width. */
async function expectSeen(page: Page, el: Locator): Promise<void> {
  expect(await el.isVisible()).toBe(true);
  const box = await el.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box).not.toBeNull();
  expect(box!.width).toBeGreaterThan(100);
  expect(box!.height).toBeGreaterThan(20);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 1);
}

describe('a refused update in the vision', () => {
  it('tells the person in their language, lists the refused text, and resyncs', async () => {
    await openVision(anne.page, world.workshopId);
    await openVision(bo.page, world.workshopId);
    expect((await whole(bo)).length).toBe(CAP - MARGIN);

    // Offline, the idle prefetch of the other tabs' code fails: expected, not a problem.
    bo.watch.allow((m) => m.text().includes('net::ERR_INTERNET_DISCONNECTED') || (m.text().includes('net::ERR_FAILED') && m.location().url.includes('/assets/')));
    await bo.context.setOffline(true);
    await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
    await caretAfter(bo.page, 'Skildra kva som er annleis');
    await bo.page.keyboard.type(BO);
    await caretAfter(anne.page, 'Kven er sluttbrukarane');
    await anne.page.keyboard.type(ANNE);
    await expect.poll(() => whole(anne)).toContain(ANNE.trim());

    await bo.context.setOffline(false);
    await notice(bo).waitFor({ timeout: 15_000 });
    await expectSeen(bo.page, notice(bo));
    const alert = notice(bo).getByRole('alert');
    await expectSeen(bo.page, alert);
    expect(await alert.textContent()).toContain(`Endringa di vart ikkje lagra: draumebiletet ville ha vorte lengre enn dei ${CAP} teikna det kan ha.`);
    expect(await notice(bo).getByRole('heading').textContent()).toBe('Endringa di vart avvist (Draumebilete)');
    await expect.poll(() => focused(bo.page)).toBe('h2: Endringa di vart avvist (Draumebilete)');

    // The refused text is listed, and in a field to copy from.
    const item = notice(bo).getByRole('listitem');
    await item.first().waitFor();
    expect(await item.allTextContents()).toEqual([BO.trim()]);
    await expectSeen(bo.page, item.first());
    const field = notice(bo).getByRole('textbox', { name: 'Tekstane som ikkje vart lagra, til å kopiere' });
    expect(await field.inputValue()).toBe(BO.trim());
    await expectSeen(bo.page, field);

    // The room opened afresh: the server's text (Anne's, not Bo's) and in sync again.
    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => whole(bo), { timeout: 15_000 }).toContain(ANNE.trim());
    expect(await whole(bo)).not.toContain(BO.trim());
    expect(await whole(anne)).not.toContain(BO.trim());

    await axeClean(bo.page);
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await bo.page.setViewportSize({ width: w, height: h });
      await notice(bo).scrollIntoViewIfNeeded();
      await settle(bo.page);
      await expectSeen(bo.page, notice(bo));
      await bo.page.screenshot({ path: `${SHOTS}/notice-${w}x${h}.png` });
    }
    await bo.page.setViewportSize({ width: 1280, height: 900 });

    // Copy, then the notice in Bokmål and English, then closed: focus goes back to the page's heading.
    await notice(bo).getByRole('button', { name: 'Kopier tekstane' }).click();
    await notice(bo).getByRole('status').filter({ hasText: 'Kopiert.' }).waitFor();
    expect(await bo.page.evaluate(() => navigator.clipboard.readText())).toBe(BO.trim());
    await bo.page.getByLabel(/^(Språk|Language)$/).selectOption('nb');
    await alert.filter({ hasText: 'Endringen din ble ikke lagret: drømmebildet ville ha blitt lengre enn' }).waitFor();
    await bo.page.getByLabel(/^(Språk|Language)$/).selectOption('en');
    await alert.filter({ hasText: `Your change was not saved: the vision would have become longer than the ${CAP} characters it may hold.` }).waitFor();
    await notice(bo).getByRole('heading', { name: 'Your change was refused (Vision)' }).waitFor();
    await bo.page.getByLabel(/^(Språk|Language)$/).selectOption('nn');
    await notice(bo).getByRole('button', { name: 'Lukk denne meldinga' }).click();
    expect(await notice(bo).count()).toBe(0);
    expect(await focused(bo.page)).toMatch(/^h1: /);

    // The editor works again, and what Bo writes now reaches Anne.
    await caretAfter(bo.page, 'Skildra kva som er annleis');
    await bo.page.keyboard.type(' Ok.');
    await expect.poll(() => whole(anne), { timeout: 15_000 }).toContain('annleis når vi har lukkast, for innbyggjarane og for kvar av verksemdene. Ok.');

    // Nothing refused comes back from IndexedDB after a reload, and nothing is refused again.
    await bo.page.reload();
    await openVision(bo.page, world.workshopId);
    await expect.poll(() => whole(bo)).toContain('verksemdene. Ok.');
    expect(await whole(bo)).not.toContain(BO.trim());
    expect(await notice(bo).count()).toBe(0);
    expectNoProblems(world);
  }, 120_000);
});
