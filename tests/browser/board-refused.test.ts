/**
 * A refused update on the board, in Chromium: the real server refuses Bo's offline edits with
 * 4422 `update refused: ownership` (the rule itself is stood in for by the test, until the
 * server's validation of board updates lands). Bo sees the
 * notice with the rule's sentence and his note's text listed; the board opens afresh without
 * the note, and a note he adds then reaches Anne.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused } from './chromium.js';
import { refuseUpdatesWith } from './refuse.js';
import { call, createWorld, expectNoProblems, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

async function addNote(page: Page, text: string): Promise<void> {
  await page.locator('sk-board-canvas .viewport').focus();
  await page.keyboard.press('n');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

const note = (m: Member, text: string) => m.page.locator('sk-board-canvas [data-id]').filter({ hasText: text });
const status = (m: Member) => m.page.locator('sk-board-page sk-connection-status').getByRole('status');

describe('a refused update on the board', () => {
  it('tells the person, lists the refused note, and the board works again', async () => {
    const w = await call<{ me: { id: string }; boards: Array<{ room: string }> }>(bo.page, 'GET', `/api/workshops/${world.workshopId}`);
    for (const m of [anne, bo]) {
      await m.page.goto(`/w/${world.workshopId}`);
      await status(m).filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    }
    bo.watch.allow((m) => m.text().includes('net::ERR_FAILED') && m.location().url.includes('/assets/'));
    await bo.context.setOffline(true);
    await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
    await addNote(bo.page, 'Lapp som blir avvist');
    await note(bo, 'Lapp som blir avvist').waitFor();

    // Every update from Bo is refused until the board has opened again: the fresh copy must sync
    // without writing anything of its own (no migration of a copy that only looks empty).
    const stop = refuseUpdatesWith(world.server, w.boards[0]!.room, w.me.id, 'ownership', '');
    await bo.context.setOffline(false);
    const notice = bo.page.locator('sk-refused-notice section');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.isVisible()).toBe(true);
    expect((await notice.boundingBox())!.height).toBeGreaterThan(50);
    expect(await notice.getByRole('heading').textContent()).toBe('Endringa di vart avvist (Tavle)');
    expect(await notice.getByRole('alert').textContent()).toContain('Endringa di vart ikkje lagra: ho endra noko som berre verksemda det høyrer til (eller ein fasilitator) kan endre.');
    await notice.getByRole('listitem').first().waitFor();
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Lapp som blir avvist']);
    await notice.getByText('Andre endringar du gjorde her (til dømes flytting, fargar eller formatering), vart heller ikkje lagra.').waitFor();
    await expect.poll(() => focused(bo.page)).toBe('h2: Endringa di vart avvist (Tavle)');

    // The board opened afresh: the note is gone, and the board is in sync and writable.
    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor({ timeout: 15_000 });
    stop();
    await expect.poll(() => note(bo, 'Lapp som blir avvist').count()).toBe(0);
    await addNote(bo.page, 'Ny lapp etterpå');
    await note(anne, 'Ny lapp etterpå').waitFor({ timeout: 15_000 });
    expect(await note(anne, 'Lapp som blir avvist').count()).toBe(0);
    expect(await note(bo, 'Ny lapp etterpå').isVisible()).toBe(true);
    expectNoProblems(world);
  }, 90_000);

  it('stops reopening a room refused three times within a minute, and still lists what was lost', async () => {
    const w = await call<{ me: { id: string }; boards: Array<{ room: string }> }>(bo.page, 'GET', `/api/workshops/${world.workshopId}`);
    const notice = bo.page.locator('sk-refused-notice section');
    await notice.getByRole('button', { name: 'Lukk denne meldinga' }).click();
    refuseUpdatesWith(world.server, w.boards[0]!.room, w.me.id, 'ownership', 'forsøk');
    // The first refusal was the test above: two more reopen the board, the third does not.
    const writeOffline = async (text: string) => {
      await bo.context.setOffline(true);
      await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
      await addNote(bo.page, text);
      await note(bo, text).waitFor();
      await bo.context.setOffline(false);
      await notice.getByRole('listitem').filter({ hasText: text }).waitFor({ timeout: 15_000 });
    };
    for (const text of ['Andre forsøk', 'Tredje forsøk']) {
      await writeOffline(text);
      await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor({ timeout: 15_000 });
    }
    await writeOffline('Fjerde forsøk');
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Andre forsøk', 'Tredje forsøk', 'Fjerde forsøk']);
    await status(bo).filter({ hasText: 'Tenaren avviste ei endring. Opnar ikkje denne delen seg att, last sida på nytt.' }).waitFor();
    expect(await status(bo).isVisible()).toBe(true);
    // The board stays as Bo left it (readable), while the server never got it.
    expect(await note(bo, 'Fjerde forsøk').isVisible()).toBe(true);
    for (const text of ['Andre forsøk', 'Tredje forsøk', 'Fjerde forsøk']) expect(await note(anne, text).count()).toBe(0);
    expectNoProblems(world);
  }, 60_000);
});
