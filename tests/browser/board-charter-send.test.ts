/**
 * "Send to the charter" in real Chromium (issue #17), in Nynorsk: the facilitator inserts the
 * actor-map template, a participant writes a note in the municipalities zone; the facilitator
 * sends it from the context menu: the dialog has already chosen "an actor" of kind "Kommune"
 * from the zone; the board says so and the note carries a visible "I avtalen" badge under it, in
 * the participant's browser too; the charter lists the actor. A second send of the same note is
 * refused in words. In the charter the actor, not yet at the table, becomes an invite.
 * Axe-clean with the dialog open; the dialog renders in Bokmål and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeClean as expectAxeClean } from './settle.js';
import { postFromPage, useBrowserWorld } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 40_000 };
const world = useBrowserWorld();

describe('send a board note to the charter', () => {
  let fac: Page;
  let ola: Page;
  let workshopId = '';
  const note = (p: Page) => p.locator('sk-board-canvas .el.note', { hasText: 'Bergen kommune' });

  it('puts a participant’s note in the municipalities zone of the actor-map template', STEP, async () => {
    fac = await world.openPage(1440, 900);
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string }> }>(fac, '/api/workshops', {
      title: 'Til avtalen',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    const invite = await postFromPage<{ token: string }>(fac, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: created.organisations[1]!.id });
    ola = await world.openPage(1440, 900);
    await postFromPage(ola, '/api/join', { inviteToken: invite.token, displayName: 'Ola' });
    await fac.goto(`/w/${workshopId}`);
    await fac.getByRole('button', { name: 'Set inn mal' }).click();
    const picker = dialogNamed(fac, 'Set inn ein mal');
    await dialogShown(picker);
    await picker.getByRole('menuitem', { name: 'Aktørkart', exact: true }).click();
    await picker.waitFor({ state: 'hidden' });
    await ola.goto(`/w/${workshopId}`);
    const zone = ola.locator('sk-board-canvas .el.frame', { hasText: 'Kommunar og fylkeskommunar' });
    await zone.waitFor();
    // The whole template in view (Shift+1), then a double-click in the zone's empty lower part makes a note there.
    await ola.locator('sk-board-canvas .viewport').focus();
    await ola.keyboard.press('Shift+1');
    await expect.poll(async () => (await zone.boundingBox())!.y + (await zone.boundingBox())!.height).toBeLessThan(850);
    const z = (await zone.boundingBox())!;
    await ola.mouse.dblclick(z.x + z.width * 0.3, z.y + z.height * 0.6);
    await ola.locator('sk-board-canvas textarea.editor').waitFor();
    await ola.keyboard.type('Bergen kommune');
    await ola.keyboard.press('Escape');
    await note(ola).waitFor();
    await fac.locator('sk-board-canvas .viewport').focus();
    await fac.keyboard.press('Shift+1');
    await note(fac).waitFor();
  });

  it('sends it as the actor its zone says, with a visible badge in both browsers and the actor in the charter', STEP, async () => {
    await note(fac).click();
    await fac.keyboard.press('Shift+F10');
    await fac.locator('sk-board-menu').getByRole('menuitem', { name: /Send til avtalen …/ }).click();
    const dialog = dialogNamed(fac, 'Send til avtalen');
    await dialogShown(dialog);
    expect(await dialog.getByRole('radio', { name: 'Ein aktør i aktørkartet' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Type aktør').inputValue()).toBe('municipality');
    await expectAxeClean(fac);
    const shots = process.env.SEND_SHOTS;
    if (shots) await fac.screenshot({ path: `${shots}/send-dialog-1440.png` });
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await fac.getByRole('status').filter({ hasText: '«Bergen kommune» er no ein aktør i avtalen.' }).waitFor();
    for (const p of [fac, ola]) {
      const badge = p.locator('sk-board-canvas .charter-badge');
      await badge.waitFor();
      expect(await badge.textContent()).toContain('I avtalen');
      const [n, b] = [(await note(p).boundingBox())!, (await badge.boundingBox())!];
      // Under the note's bottom-left corner, readable, not covering the note.
      expect(b.y).toBeGreaterThanOrEqual(n.y + n.height - 1);
      expect(Math.abs(b.x - n.x)).toBeLessThan(2);
      expect(b.height).toBeGreaterThan(14);
    }
    await expectAxeClean(fac);
    if (shots) {
      await fac.screenshot({ path: `${shots}/sent-1440.png` });
      await ola.setViewportSize({ width: 390, height: 844 });
      await ola.screenshot({ path: `${shots}/sent-390.png` });
      await ola.setViewportSize({ width: 1440, height: 900 });
    }
    // A second send is refused in words; nothing more reaches the charter.
    await note(fac).click();
    await fac.keyboard.press('Shift+F10');
    await fac.locator('sk-board-menu').getByRole('menuitem', { name: /Send til avtalen …/ }).click();
    await dialogShown(dialog);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    expect((await dialog.getByRole('alert').textContent())!.length).toBeGreaterThan(5);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await fac.getByRole('link', { name: 'Opne avtalen' }).click();
    const row = fac.locator('sk-actor-table').getByRole('rowheader', { name: /Bergen kommune/ });
    await row.waitFor();
    // An actor not yet at the table becomes an invite: here the workshop already has an organisation of that name.
    await row.getByRole('button', { name: 'Inviter Bergen kommune' }).click();
    const made = fac.locator('sk-actors-view .invited');
    await made.waitFor();
    expect(await made.locator('code').textContent()).toMatch(/^https?:\/\/.+/);
    await row.getByText('Ved bordet som Bergen kommune').waitFor();
    expect(await row.getByRole('button', { name: 'Inviter Bergen kommune' }).count()).toBe(0);
    await expectAxeClean(fac);
  });

  it('renders the dialog in Bokmål and English', STEP, async () => {
    await ola.goto(`/w/${workshopId}`);
    const language = ola.getByLabel(/^(Språk|Language)$/);
    for (const [lang, item, heading, choice] of [
      ['nb', /Send til avtalen …/, 'Send til avtalen', 'En aktør i aktørkartet'],
      ['en', /Send to the charter…/, 'Send to the charter', 'An actor in the actor map'],
    ] as const) {
      await language.selectOption(lang);
      await note(ola).click();
      await ola.keyboard.press('Shift+F10');
      await ola.locator('sk-board-menu').getByRole('menuitem', { name: item }).click();
      const dialog = dialogNamed(ola, heading);
      await dialogShown(dialog);
      await dialog.getByRole('radio', { name: choice }).waitFor();
      await expectAxeClean(ola);
      await ola.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  });
});
