/**
 * The report's methods as charter sections, in real Chromium against the real server (issue
 * #17): a facilitator adds a benefits line with "1 500 000 kr" and sees it with separators and
 * currency and in the total, and an amount the app cannot read refused with a message; moves a
 * roadmap item between horizons and within one by keyboard, focus following it; adds services of
 * which two overlap, and sees those rows highlighted (computed style and boxes) and named in the
 * overlap list; fills in the life event, which is there after a reload. On a phone the benefits
 * map's lines are cards with the amount in sight. A benefit imported from a
 * board links back to its note. axe finds no WCAG 2.1 AA violation in any of the four; Bokmål
 * and English render them. With METHODS_SHOTS=<dir>, screenshots of each section at 1440×900 and
 * 390×844 are written there.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import { newElementId } from '../../shared/ids.js';
import { provider, synced, until } from '../helpers/sync.js';
import { axeClean, settle } from './settle.js';
import { postFromPage, useBrowserWorld } from './pages.js';

const STEP = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const shots = process.env.METHODS_SHOTS;
const world = useBrowserWorld();
const spaced = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

const charter = (page: Page) => page.locator('sk-charter-page');
/** A roadmap item by its text, in the horizon it is in now. */
const item = (page: Page, horizon: string, text: string) => charter(page).locator(`section[data-horizon="${horizon}"] li`, { hasText: text });
const isFocused = (l: Locator) => l.evaluate((el) => el.matches(':focus'));

async function section(page: Page, workshopId: string, name: string, heading: string): Promise<void> {
  await page.goto(`/w/${workshopId}/charter/${name}`);
  await charter(page).getByRole('heading', { level: 2, name: heading }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await settle(page);
    await page.screenshot({ path: path.join(shots, `${name}-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the report's methods in the charter", () => {
  let fac: Page;
  let workshopId: string;

  it('sets up a workshop of two organisations; a benefit imported from a board is there already', STEP, async () => {
    fac = await world.openPage();
    const created = await postFromPage<{ id: string; token: string }>(fac, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    // As charter.import will write it: the line names the board note it came from.
    const p = provider(world.base.replace(/^http/, 'ws') + '/sync', `${workshopId}/charter`, created.token, new Y.Doc());
    await synced(p);
    const boards = await fac.evaluate(async (id) => ((await (await fetch(`/api/workshops/${id}`)).json()) as { boards: Array<{ id: string }> }).boards, workshopId);
    const source = { boardId: boards[0]!.id, elementId: 'note0001', authorId: 'x' };
    new CharterDoc(p.doc, newElementId).addBenefit({ what: 'Tryggare foreldre', payer: 'Nav', gainer: 'Familiane' }, 'test', source);
    const check = provider(world.base.replace(/^http/, 'ws') + '/sync', `${workshopId}/charter`, created.token, new Y.Doc());
    await synced(check);
    await until(() => new CharterDoc(check.doc, () => '').benefits().length === 1, 5000, 'the imported line stored');
    p.destroy();
    check.destroy();
  });

  it('benefits map: "1 500 000 kr" is read and shown with separators and currency; an unreadable amount is refused', STEP, async () => {
    await section(fac, workshopId, 'benefits', 'Gevinstkart');
    const c = charter(fac);
    const imported = c.locator('tr[data-line]', { hasText: 'Tryggare foreldre' });
    expect(await imported.getByRole('link', { name: 'frå tavla: Tryggare foreldre' }).getAttribute('href')).toMatch(new RegExp(`^/w/${workshopId}/b/[^/]+#note0001$`));

    await c.getByLabel('Gevinst', { exact: true }).fill('Færre skjema å fylle ut');
    await c.getByLabel('Kven betaler', { exact: true }).fill('Bergen kommune');
    await c.getByLabel('Kven vinn', { exact: true }).fill('Familiane');
    await c.getByLabel('Når', { exact: true }).fill('2027');
    const amount = c.getByLabel('Beløp', { exact: true });
    await amount.fill('mykje');
    await c.getByRole('button', { name: 'Legg til linje' }).click();
    await c.getByRole('alert').filter({ hasText: 'Skriv beløpet i kroner' }).waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(amount)).toBe(true);
    expect(await c.locator('tr[data-line]').count()).toBe(1);

    await amount.fill('1 500 000 kr');
    await amount.press('Enter');
    const row = c.locator('tr[data-line]', { hasText: 'Færre skjema å fylle ut' });
    await row.waitFor();
    expect(spaced(await row.locator('.amount').textContent())).toBe('1 500 000 kr');
    expect(spaced(await c.locator('tfoot .total').textContent())).toBe('1 500 000 kr');
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Bergen kommune', 'Familiane', '2027']));
    await c.getByText('1 av 2 linjer kan ikkje teljast i kroner', { exact: false }).waitFor();
    await axeClean(fac);
    // On a phone each line is a card: the amount is in sight without scrolling sideways, named.
    await fac.setViewportSize({ width: 390, height: 844 });
    const amountBox = (await row.locator('.amount').boundingBox())!;
    expect(amountBox.x + amountBox.width).toBeLessThanOrEqual(390);
    expect(await row.locator('.amount').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Beløp: "');
    await axeClean(fac);
    await fac.setViewportSize({ width: 1280, height: 900 });
    await shoot(fac, 'benefits');
  });

  it('roadmap: an item moves between horizons and within one by keyboard, focus following it', STEP, async () => {
    await section(fac, workshopId, 'roadmap', 'Vegkart');
    const c = charter(fac);
    for (const [text, owner] of [
      ['Felles innsyn i saka', 'Nav'],
      ['Felles kontaktpunkt', 'Bergen kommune'],
    ]) {
      await c.getByLabel('Tiltak', { exact: true }).fill(text!);
      await c.getByLabel('Eigar', { exact: true }).fill(owner!);
      await c.getByLabel('Tiltak', { exact: true }).press('Enter');
      await item(fac, 'now', text!).waitFor();
    }
    await c.getByLabel('Tiltak', { exact: true }).fill('Éin søknad for alle ytingar');
    await c.getByLabel('Tidshorisont').selectOption('later');
    await c.getByRole('button', { name: 'Legg til i vegkartet' }).click();
    await item(fac, 'later', 'Éin søknad').waitFor();

    // Now → next → later, then back to next, by keyboard alone.
    await c.getByRole('button', { name: 'Flytt Felles innsyn i saka til Neste' }).focus();
    await fac.keyboard.press('Enter');
    await item(fac, 'next', 'Felles innsyn').waitFor();
    await poll(() => isFocused(item(fac, 'next', 'Felles innsyn').locator('button.later'))).toBe(true);
    await fac.keyboard.press('Enter');
    await item(fac, 'later', 'Felles innsyn').waitFor();
    // The last horizon has no later one: focus goes to the button back.
    await poll(() => isFocused(item(fac, 'later', 'Felles innsyn').locator('button.earlier'))).toBe(true);
    expect(await c.locator('section[data-horizon="later"] li .item-text').allTextContents()).toEqual(['Éin søknad for alle ytingar', 'Felles innsyn i saka']);
    await fac.keyboard.press('Shift+Tab'); // back past the disabled "Down" to "Up"
    await poll(() => isFocused(item(fac, 'later', 'Felles innsyn').locator('button.up'))).toBe(true);
    await fac.keyboard.press('Enter');
    await poll(() => c.locator('section[data-horizon="later"] li .item-text').allTextContents()).toEqual(['Felles innsyn i saka', 'Éin søknad for alle ytingar']);
    // At the top "Up" is disabled: focus moved to "Down".
    await poll(() => isFocused(item(fac, 'later', 'Felles innsyn').locator('button.down'))).toBe(true);
    await poll(() => c.getByRole('status').filter({ hasText: 'Felles innsyn i saka er flytt til Seinare, plass 1 av 2.' }).count()).toBe(1);
    expect(await item(fac, 'now', 'Felles kontaktpunkt').locator('.item-owner').textContent()).toContain('Eigar: Bergen kommune');
    await axeClean(fac);
    await shoot(fac, 'roadmap');
  });

  it('service overlap: two services of different organisations for one target group and theme are highlighted and listed', STEP, async () => {
    await section(fac, workshopId, 'services', 'Overlappande tenester');
    const c = charter(fac);
    for (const [name, group, theme, org] of [
      ['Ungdomslos', 'Unge 16–24', 'Arbeid', 'Nav'],
      ['Jobbsjansen', 'unge 16–24', 'arbeid', 'Bergen kommune'],
      ['Bustøtte', 'Unge 16–24', 'Bustad', 'Ingen av oss'],
    ] as const) {
      await c.getByLabel('Teneste', { exact: true }).fill(name);
      await c.getByLabel('Målgruppe', { exact: true }).fill(group);
      await c.getByLabel('Tema', { exact: true }).fill(theme);
      await c.locator('#service-org').selectOption({ label: org });
      await c.getByRole('button', { name: 'Legg til teneste' }).click();
      await c.locator('tr[data-service]').nth(['Ungdomslos', 'Jobbsjansen', 'Bustøtte'].indexOf(name)).waitFor();
    }
    const rows = c.locator('tr[data-service]');
    await poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('overlap')))).toEqual([true, true, false]);
    // Visibly so: a tinted row with a dark edge and a word, not only a class.
    const look = (i: number) =>
      rows.nth(i).locator('th').evaluate((th) => {
        const cs = getComputedStyle(th);
        return { bg: cs.backgroundColor, edge: cs.boxShadow };
      });
    expect(await look(0)).toEqual({ bg: 'rgb(255, 243, 209)', edge: expect.stringContaining('inset') });
    expect((await look(2)).bg).not.toBe('rgb(255, 243, 209)');
    for (const i of [0, 1]) {
      const mark = rows.nth(i).locator('.overlap-mark');
      expect(await mark.textContent()).toBe('Overlapp 1');
      const [box, rowBox] = [await mark.boundingBox(), await rows.nth(i).boundingBox()];
      expect(box!.width).toBeGreaterThan(30);
      expect(box!.height).toBeGreaterThan(10);
      expect(box!.y).toBeGreaterThanOrEqual(rowBox!.y);
      expect(box!.y + box!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);
    }
    expect(await rows.nth(2).locator('.overlap-mark').count()).toBe(0);
    // The same for a screen reader: a list under its own heading.
    const list = c.getByRole('region', { name: 'Overlappar' });
    expect(spaced(await list.getByRole('listitem').textContent()).replace(/\s+/g, ' ')).toBe('Unge 16–24, Arbeid: Ungdomslos (Nav); Jobbsjansen (Bergen kommune)');
    await axeClean(fac);
    await shoot(fac, 'services');
  });

  it('life event: the fields are saved when left and are there after a reload', STEP, async () => {
    await section(fac, workshopId, 'life-event', 'Livshending');
    const c = charter(fac);
    const values = { Namn: 'Å få eit alvorleg sjukt barn', Eigar: 'Helsedirektoratet', Omfang: 'Frå diagnose til det første året heime', Mandat: 'Samordne tenestene rundt familien' };
    for (const [label, value] of Object.entries(values)) {
      await c.getByLabel(label, { exact: true }).fill(value);
      await fac.keyboard.press('Tab');
    }
    await poll(() => c.getByRole('status').filter({ hasText: 'Mandat er lagra.' }).count()).toBe(1);
    // "Saved" is said when the field is left; the connection's status says when the server has it.
    await fac.locator('sk-charter-page sk-connection-status').getByText('Lagra og oppdatert').waitFor();
    await fac.reload();
    await charter(fac).getByRole('heading', { level: 2, name: 'Livshending' }).waitFor();
    for (const [label, value] of Object.entries(values)) await poll(() => charter(fac).getByLabel(label, { exact: true }).inputValue()).toBe(value);
    await axeClean(fac);
    await shoot(fac, 'life-event');
  });

  it('renders in Bokmål and English', STEP, async () => {
    const language = fac.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('nb');
    await section(fac, workshopId, 'benefits', 'Gevinstkart');
    expect(spaced(await charter(fac).locator('tfoot .total').textContent())).toBe('1 500 000 kr');
    await charter(fac).getByRole('columnheader', { name: 'Hvem betaler' }).waitFor();
    await section(fac, workshopId, 'roadmap', 'Veikart');
    await charter(fac).getByRole('heading', { level: 3, name: /^Senere/ }).waitFor();
    await language.selectOption('en');
    await section(fac, workshopId, 'services', 'Service overlap');
    await charter(fac).getByRole('heading', { level: 3, name: 'Overlaps' }).waitFor();
    await section(fac, workshopId, 'benefits', 'Benefits map');
    expect(spaced(await charter(fac).locator('tfoot .total').textContent())).toBe('NOK 1,500,000');
    await section(fac, workshopId, 'life-event', 'Life event');
    await charter(fac).getByRole('link', { name: 'Life event' }).waitFor();
    await axeClean(fac);
    await language.selectOption('nn');
    for (const w of world.watches) expect(w.problems).toEqual([]);
  });
});
