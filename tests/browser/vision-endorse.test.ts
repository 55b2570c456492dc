/**
 * The vision as a text the organisations sign (issue #17), in Chromium. The template's prompts
 * are placeholders: shown muted in their empty paragraphs (to screen readers as a description),
 * gone for everyone once someone writes there, back with an undo, and in no export. On a
 * milestone of the journey a representative endorses or objects (a reason needed) for their
 * organisation, the others see the chips change live, and a member who does not represent their
 * organisation sees who does instead of the buttons; the charter's cover names the milestone.
 * Full flows in Nynorsk; Bokmål and English render the same view, axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused } from './chromium.js';
import { axeClean } from './settle.js';
import { call, createWorld, editor, expectNoProblems, openVision, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
/** Facilitator, Helsedirektoratet's representative (its first member). */
let anne: Member;
/** Nav's representative (its first member). */
let bo: Member;
/** Nav, not its representative. */
let cy: Member;
let nav: string;
let helsedir: string;

beforeAll(async () => {
  world = await createWorld({}, { placeholders: true });
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
  cy = await world.newMember('Cy Nav', { organisation: 'Nav' });
  nav = world.organisations.find((o) => o.name === 'Nav')!.id;
  helsedir = world.organisations.find((o) => o.name === 'Helsedirektoratet')!.id;
}, 120_000);
afterAll(async () => world?.close());

const journey = (m: Member) => m.page.locator('sk-vision-journey');
const placeholders = (m: Member) => editor(m.page).locator('p.placeholder');
const chip = (m: Member, org: string) => journey(m).locator(`sk-milestone-stances .chip[data-org="${org}"]`).first();
const exported = (m: Member, query: string) =>
  m.page.evaluate(async (url) => (await fetch(url)).text(), `/api/workshops/${world.workshopId}/export/charter?${query}`);

/** What another member's editor shows may take a moment to arrive on a busy machine. */
const SYNCED = { timeout: 10_000 };

describe('placeholders', () => {
  it('shows each prompt muted in its empty paragraph, drops it for everyone once someone writes, and exports none', async () => {
    await Promise.all([openVision(anne.page, world.workshopId), openVision(bo.page, world.workshopId)]);
    expect(await placeholders(anne).count()).toBe(3);
    const first = placeholders(anne).first();
    const look = await first.evaluate((p) => {
      const before = getComputedStyle(p, '::before');
      return { text: p.textContent, content: before.content, color: before.color, display: before.display, description: p.getAttribute('aria-description'), height: p.getBoundingClientRect().height };
    });
    expect(look.text).toBe(''); // not text
    expect(look.content).toContain('Skildra kva som er annleis');
    expect(look.description).toMatch(/^Skildra kva som er annleis/);
    expect([look.color, look.display]).toEqual(['rgb(75, 88, 102)', 'block']); // #4b5866: 7:1 on white
    expect(look.height).toBeGreaterThan(40); // the prompt's line(s) and the line to write on

    await first.click();
    // At a person's pace (a key every 60 ms: slower than the comment highlights' refresh).
    await anne.page.keyboard.type('Alle barn får hjelp der dei bur.', { delay: 60 });
    await expect.poll(() => placeholders(anne).count(), SYNCED).toBe(2);
    await expect.poll(() => placeholders(bo).count(), SYNCED).toBe(2);
    await editor(bo.page).getByText('Alle barn får hjelp der dei bur.').waitFor();
    // Undoing the writing brings the prompt back, and typing again drops it again. The sentence was
    // one burst of typing, so it is one undo step (a busy machine may split it once or twice); it
    // took one step per letter while the highlights' refresh closed the step after every key.
    let undos = 0;
    for (; undos < 40 && (await placeholders(anne).count()) < 3; undos++) {
      await anne.page.keyboard.press('Control+z');
      await anne.page.waitForTimeout(50);
    }
    expect(undos).toBeLessThanOrEqual(3);
    expect(await editor(anne.page).getByText('Alle barn').count()).toBe(0);
    await expect.poll(() => placeholders(bo).count(), SYNCED).toBe(3);
    await placeholders(anne).first().click();
    await anne.page.keyboard.type('Alle barn får hjelp der dei bur.');
    await expect.poll(() => placeholders(bo).count(), SYNCED).toBe(2);

    const md = await exported(anne, 'format=md&lang=nn');
    expect(md).toContain('Alle barn får hjelp der dei bur.');
    for (const prompt of ['Skildra kva som er annleis', 'Kven er sluttbrukarane', 'Korleis kom vi hit']) expect(md).not.toContain(prompt);
    expectNoProblems(world);
  }, 40_000);
});

describe('endorsing the vision by a milestone', () => {
  it('lets representatives take their organisation’s stance, live for the others; a non-representative sees who does', async () => {
    await call(anne.page, 'POST', `/api/workshops/${world.workshopId}/milestones`, { name: 'Etter samling 1' });
    await anne.page.getByRole('button', { name: 'Reisa' }).click();
    await bo.page.getByRole('button', { name: 'Reisa' }).click();
    await journey(bo).getByRole('button', { name: 'Etter samling 1' }).click();
    const form = journey(bo).getByRole('group', { name: 'Standpunktet til Nav om «Etter samling 1»' });

    // An objection needs a reason: said, and the focus goes to it.
    await form.getByRole('button', { name: 'Kom med innvending' }).click();
    await journey(bo).getByText('Skriv kvifor verksemda di har innvending.').waitFor();
    const reason = form.getByLabel('Grunngiving (må fyllast ut ved innvending)');
    expect([await reason.getAttribute('aria-invalid'), await focused(bo.page)]).toEqual(['true', 'textarea: ']);
    await reason.fill('Sluttbrukarane manglar.');
    await form.getByRole('button', { name: 'Kom med innvending' }).click();
    await journey(bo).getByText('Registrert: Har innvending.').waitFor();
    expect(await chip(bo, nav).getAttribute('data-stance')).toBe('object');
    // Anne sees it without reloading: the chip, its text for screen readers, the reason.
    await expect.poll(() => chip(anne, nav).getAttribute('data-stance'), SYNCED).toBe('object');
    expect(await chip(anne, nav).textContent()).toMatch(/Nav: Har innvending \(Bo Nav, .+\)\. Grunngiving: Sluttbrukarane manglar\./);
    await journey(anne).getByText('Nav: Sluttbrukarane manglar.').waitFor();

    await journey(anne).getByRole('button', { name: 'Etter samling 1' }).click();
    await journey(anne).getByRole('group', { name: 'Standpunktet til Helsedirektoratet om «Etter samling 1»' }).getByRole('button', { name: 'Slutt deg til' }).click();
    await expect.poll(() => chip(bo, helsedir).getAttribute('data-stance'), SYNCED).toBe('endorse');
    await axeClean(bo.page);

    await openVision(cy.page, world.workshopId);
    await cy.page.getByRole('button', { name: 'Reisa' }).click();
    await journey(cy).getByRole('button', { name: 'Etter samling 1' }).click();
    await journey(cy).getByText('Berre ein representant for Nav tek standpunkt til draumebiletet: Bo Nav.').waitFor();
    expect(await journey(cy).getByRole('button', { name: 'Slutt deg til' }).count()).toBe(0);

    const cover = (await exported(cy, 'format=md&lang=nn')).split('## ')[0]!;
    expect(cover).toContain('milepælen «Etter samling 1»');
    expect(cover).toContain('uendra sidan denne milepælen');
    expectNoProblems(world);
  }, 40_000);

  it.each([
    ['nb', 'Reisen', 'Bare en representant for Nav tar standpunkt til drømmebildet: Bo Nav.'],
    ['en', 'The journey', 'Only a representative of Nav takes its stance on the vision: Bo Nav.'],
  ])('renders the stances in %s, accessibly', async (locale, journeyButton, hint) => {
    await cy.page.evaluate((l) => localStorage.setItem('samskap.locale', l), locale);
    await cy.page.goto(`/w/${world.workshopId}/vision`);
    await editor(cy.page).waitFor();
    await cy.page.getByRole('button', { name: journeyButton, exact: true }).click();
    await journey(cy).getByRole('button', { name: 'Etter samling 1' }).click();
    await journey(cy).getByText(hint).waitFor();
    expect(await chip(cy, nav).getAttribute('data-stance')).toBe('object');
    await axeClean(cy.page);
  }, 30_000);
});
