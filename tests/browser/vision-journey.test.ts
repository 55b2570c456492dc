/**
 * The journey in Chromium: a facilitator saves named milestones; a participant who joins later
 * pages through them from the first to today, each read-only with what changed since the step
 * before highlighted by organisation, and compares a milestone with now. Participants cannot
 * save milestones; an unknown milestone is a 404. A facilitator compacts the history (with a
 * confirmation); the milestones still show the same text. axe on the journey view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { caretAfter, createWorld, editor, expectNoProblems, openVision, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;
const SHOTS = process.env.VISION_SHOTS;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

const journey = (m: Member) => m.page.locator('sk-vision-journey');

/** Screenshots at 1440×900 and 390×844 (VISION_SHOTS=<dir>), then back to the test's size. */
async function shootBoth(m: Member, name: string): Promise<void> {
  const size = m.page.viewportSize();
  await m.page.waitForTimeout(500); // the dialog's animation, for the picture only
  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await m.page.setViewportSize({ width: w, height: h });
    await m.page.screenshot({ path: `${SHOTS}/${name}-${w}.png` });
  }
  if (size) await m.page.setViewportSize(size);
}

async function saveMilestone(m: Member, name: string): Promise<void> {
  await journey(m).getByLabel('Lagre draumebiletet slik det er no, som ein milepæl').fill(name);
  await journey(m).getByRole('button', { name: 'Lagre milepælen' }).click();
  await journey(m).getByText(`Milepælen «${name}» er lagra.`).waitFor();
}

describe('the journey', () => {
  it('lets a facilitator save milestones as the text grows', async () => {
    await openVision(anne.page, world.workshopId);
    await caretAfter(anne.page, 'Skildra kva som er annleis');
    await anne.page.keyboard.type(' Første økt.');
    await anne.page.getByRole('button', { name: 'Reisa' }).click();
    await saveMilestone(anne, 'Etter verkstad 1');
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).click();
    await caretAfter(anne.page, 'Kven er sluttbrukarane');
    await anne.page.keyboard.type(' Andre økt.');
    await anne.page.getByRole('button', { name: 'Reisa' }).click();
    await saveMilestone(anne, 'Etter verkstad 2');
  }, 30_000);

  it('lets a newcomer page through the milestones to today, and compare', async () => {
    await openVision(bo.page, world.workshopId);
    await caretAfter(bo.page, 'Korleis kom vi hit');
    await bo.page.keyboard.type(' Nav kjem inn.');
    await bo.page.getByRole('button', { name: 'Reisa' }).click();
    // The milestones arrive from the server: wait for them before reading the list.
    await journey(bo).getByText('Steg 3 av 3').waitFor();
    // Bo is a participant: no saving of milestones.
    expect(await journey(bo).getByRole('button', { name: 'Lagre milepælen' }).count()).toBe(0);
    const steps = journey(bo).getByRole('list', { name: 'Milepælar' }).getByRole('button');
    expect(await steps.allTextContents()).toEqual(['Etter verkstad 1', 'Etter verkstad 2', 'I dag']);
    // Today: Bo's sentence is new since milestone 2.
    await expect.poll(() => editor(bo.page).locator('ins.change').allTextContents()).toEqual([' Nav kjem inn.']);
    expect(await editor(bo.page).getAttribute('contenteditable')).toBe('false');

    await journey(bo).getByRole('button', { name: 'Førre' }).click();
    await journey(bo).getByText('Steg 2 av 3').waitFor();
    await expect.poll(() => editor(bo.page).locator('ins.change').allTextContents()).toEqual([' Andre økt.']);
    expect(await editor(bo.page).getByText('Nav kjem inn.').count()).toBe(0);
    await bo.page.getByText('Etter verkstad 2: endringane sidan Etter verkstad 1 er utheva').waitFor();
    await expectAxeClean(bo.page);
    if (SHOTS) await bo.page.screenshot({ path: `${SHOTS}/vision-journey.png`, fullPage: true });

    await journey(bo).getByRole('button', { name: 'Førre' }).click();
    await journey(bo).getByText('Steg 1 av 3').waitFor();
    await expect.poll(() => editor(bo.page).getByText('Andre økt.').count()).toBe(0);
    await editor(bo.page).getByText('Første økt.', { exact: false }).waitFor();
    expect(await journey(bo).getByRole('button', { name: 'Førre' }).isDisabled()).toBe(true);

    // Plain view of a milestone: nothing highlighted.
    await journey(bo).getByLabel('Uthev det som er endra sidan steget før').uncheck();
    await expect.poll(() => editor(bo.page).locator('ins.change, del.change').count()).toBe(0);
    await editor(bo.page).getByText('Første økt.', { exact: false }).waitFor();
    await journey(bo).getByLabel('Uthev det som er endra sidan steget før').check();

    // Compare the first milestone with now.
    await journey(bo).getByLabel('Frå').selectOption({ label: 'Etter verkstad 1' });
    await journey(bo).getByLabel('Til', { exact: true }).selectOption({ label: 'I dag' });
    await journey(bo).getByRole('button', { name: 'Samanlikn', exact: true }).click();
    await expect.poll(() => editor(bo.page).locator('ins.change').allTextContents()).toEqual([' Andre økt.', ' Nav kjem inn.']);
    const navOrg = world.organisations.find((o) => o.name === 'Nav')!.id;
    expect(await editor(bo.page).locator('ins.change', { hasText: 'Nav kjem inn.' }).getAttribute('data-organisation')).toBe(navOrg);

    await bo.page.getByRole('button', { name: 'Tilbake til skrivinga' }).click();
    expect(await editor(bo.page).getAttribute('contenteditable')).toBe('true');
    expectNoProblems(world);
  }, 60_000);

  it('lets a facilitator compact the history, after which the milestones show the same text', async () => {
    await anne.page.getByRole('button', { name: 'Tilbake til skrivinga' }).click();
    await caretAfter(anne.page, 'Første økt.');
    await anne.page.keyboard.type(' Slett meg.');
    for (let i = 0; i < ' Slett meg.'.length; i++) await anne.page.keyboard.press('Backspace');
    await anne.page.getByRole('button', { name: 'Reisa' }).click();
    const history = anne.page.locator('sk-vision-history');
    const meter = history.getByRole('meter', { name: 'Historikk' });
    await meter.waitFor();
    expect((await meter.boundingBox())!.width).toBeGreaterThan(100);
    await history.getByText(/Historikken til draumebiletet tek .* av 34 MB/).waitFor();
    // Bo is a participant: he sees the size, not the action.
    await bo.page.getByRole('button', { name: 'Reisa' }).click();
    await bo.page.locator('sk-vision-history').getByRole('meter').waitFor();
    expect(await bo.page.locator('sk-vision-history').getByRole('button', { name: 'Komprimer historikken …' }).count()).toBe(0);

    await history.getByRole('button', { name: 'Komprimer historikken …' }).click();
    const dialog = history.getByRole('dialog', { name: 'Komprimere historikken til draumebiletet?' });
    await dialog.waitFor();
    // The explanation is slotted into the dialog (light DOM of <sk-confirm-dialog>).
    await history.locator('sk-confirm-dialog').getByText('Dette kan ikkje angrast.', { exact: false }).waitFor();
    expect((await dialog.boundingBox())!.height).toBeGreaterThan(100);
    if (SHOTS) await shootBoth(anne, 'vision-compact-dialog');
    await history.locator('sk-confirm-dialog').getByRole('button', { name: 'Komprimer', exact: true }).click();
    await history.getByText(/Historikken er komprimert: .* → .*\. Milepælane viser framleis/).waitFor();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await history.getByText(/Sist komprimert/).waitFor();
    if (SHOTS) await shootBoth(anne, 'vision-compact-done');

    // The first milestone, in a fresh page of Bo's: the same text as before.
    await bo.page.reload();
    await openVision(bo.page, world.workshopId);
    await bo.page.getByRole('button', { name: 'Reisa' }).click();
    await journey(bo).getByText('Steg 3 av 3').waitFor();
    await journey(bo).getByRole('list', { name: 'Milepælar' }).getByRole('button', { name: 'Etter verkstad 1' }).click();
    await journey(bo).getByText('Steg 1 av 3').waitFor();
    await editor(bo.page).getByText('Første økt.', { exact: false }).waitFor();
    await expect.poll(() => editor(bo.page).getByText('Andre økt.').count()).toBe(0);
    await expectAxeClean(anne.page);
    expectNoProblems(world);
  }, 60_000);

  it('answers 404 for an unknown milestone', async () => {
    const status = await bo.page.evaluate(async (id) => (await fetch(`/api/workshops/${id}/milestones/AAAAAAAAAAAAAAAA`)).status, world.workshopId);
    expect(status).toBe(404);
  });
});
