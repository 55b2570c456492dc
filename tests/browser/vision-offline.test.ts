/**
 * The vision offline, in Chromium: a member loses the network mid-sentence, keeps writing (the
 * connection banner says how many changes wait), another member edits the same paragraph
 * meanwhile; back online, both edits are in both browsers, and the live connection is back.
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

const status = (m: Member) => m.page.locator('sk-vision-page sk-connection-status').getByRole('status');
const para = (m: Member) => textOf(editor(m.page).locator('p', { hasText: 'kva som er annleis' }).first());

describe('the vision offline', () => {
  it('keeps offline writing and merges it with concurrent edits on reconnect', async () => {
    await openVision(anne.page, world.workshopId);
    await openVision(bo.page, world.workshopId);
    // Bo had the page open a while: every part it may need offline has arrived.
    await bo.page.locator('html[data-offline-ready]').waitFor({ state: 'attached', timeout: 20_000 });

    await bo.context.setOffline(true);
    await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
    await bo.page.locator('sk-live-bar .link').waitFor();
    await caretAfter(bo.page, 'Skildra kva som er annleis');
    await bo.page.keyboard.type(' Skrive utan nett.');
    await status(bo).filter({ hasText: /endringar blir sende når du er tilbake/ }).waitFor();
    expect(await status(bo).textContent()).toMatch(/Fråkopla: \d+ endringar/);

    await caretAfter(anne.page, 'Skildra kva som er annleis');
    await anne.page.keyboard.press('Home');
    await anne.page.keyboard.type('Medan Bo var borte: ');
    expect(await para(bo)).not.toContain('Medan Bo var borte');

    await bo.context.setOffline(false);
    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor({ timeout: 15_000 });
    for (const m of [anne, bo]) {
      await expect.poll(() => para(m), { timeout: 15_000 }).toContain('Skrive utan nett.');
      await expect.poll(() => para(m), { timeout: 15_000 }).toContain('Medan Bo var borte: ');
    }
    expect(await para(anne)).toBe(await para(bo));
    // The live connection (socket.io) paused while offline and is back: a raised hand arrives.
    await bo.page.locator('sk-live-bar').getByRole('button', { name: 'Rekk opp handa' }).click();
    await anne.page.locator('sk-live-bar span.hands', { hasText: 'Bo Nav' }).waitFor();
    expectNoProblems(world);
  }, 60_000);
});
