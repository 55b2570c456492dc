/**
 * The charter tab in real Chromium against the real server: a facilitator builds an actor map
 * (dialogs, keyboard), sees table edits in the diagram and moves a node with the arrow keys; a
 * participant of another organisation sees it live; maturity, paradoxes, governance and principle
 * drafts are edited; axe finds no WCAG 2.1 AA violation in any section; no request leaves the
 * server. The steps build on each other and run in order.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeClean } from './settle.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
/** Waits for what another browser or the server does; on a loaded machine that takes longer than vitest's default second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);

const post = postFromPage;

const charter = (page: Page) => page.locator('sk-charter-page');

/** Waits until the `<sl-dialog>` inside `host` is closed and its fade-out is over (axe measures half-faded text). */
async function dialogGone(page: Page, host: string): Promise<void> {
  const d = charter(page).locator(`${host} sl-dialog`).first();
  await poll(() => d.evaluate((el) => (el as HTMLElement & { open: boolean }).open)).toBe(false);
  await d.evaluate((el) => Promise.all((el.shadowRoot?.getAnimations() ?? []).map((a) => a.finished)));
}

async function section(page: Page, workshopId: string, name: string, heading: string): Promise<void> {
  await page.goto(`/w/${workshopId}/charter/${name}`);
  await charter(page).getByRole('heading', { level: 2, name: heading }).waitFor();
}

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('the charter', () => {
  let facilitator: Page;
  let participant: Page;
  let workshopId: string;

  it('sets up a workshop of three organisations with a participant', STEP, async () => {
    facilitator = await openPage();
    const created = await post<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }, { name: 'Bergen kommune' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    workshopId = created.id;
    const nav = created.organisations.find((o) => o.name === 'Nav')!;
    const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: nav.id });
    participant = await openPage();
    await post(participant, '/api/join', { inviteToken: invite.token, displayName: 'Ola Deltakar' });
  });

  it('opens the charter tab on the actors, empty, and axe-clean', STEP, async () => {
    await facilitator.goto(`/w/${workshopId}`);
    await facilitator.getByRole('link', { name: 'Avtale' }).click();
    await facilitator.waitForURL(`**/w/${workshopId}/charter/actors`);
    await charter(facilitator).getByRole('heading', { level: 2, name: 'Aktørkart' }).waitFor();
    await charter(facilitator).getByText('Ingen aktørar enno. Legg til den første', { exact: false }).waitFor();
    await axeClean(facilitator);
  });

  it('adds two actors and a relation through the dialogs', STEP, async () => {
    const add = async (name: string, kind: string) => {
      await charter(facilitator).getByRole('button', { name: 'Legg til aktør' }).click();
      const dialog = dialogNamed(facilitator, 'Ny aktør');
      await dialogShown(dialog);
      await facilitator.keyboard.type(name);
      await dialog.getByRole('combobox', { name: 'Type' }).click();
      await facilitator.getByRole('option', { name: kind }).click();
      await dialog.getByLabel('Behov').fill(`Behov hos ${name}`);
      await dialog.getByRole('button', { name: 'Lagre' }).click();
      await dialogGone(facilitator, 'sk-actor-dialog');
      await charter(facilitator).locator('sk-actor-table').getByRole('rowheader', { name }).waitFor();
    };
    await add('Nav', 'Statleg etat');
    await add('Familien', 'Brukargruppe');
    await axeClean(facilitator);

    await charter(facilitator).getByRole('button', { name: 'Legg til relasjon' }).click();
    const dialog = dialogNamed(facilitator, 'Ny relasjon');
    await dialogShown(dialog);
    await dialog.getByRole('combobox', { name: 'Frå aktør' }).click();
    await facilitator.getByRole('option', { name: 'Nav' }).click();
    await dialog.getByRole('combobox', { name: 'Relasjon', exact: true }).click();
    await facilitator.getByRole('option', { name: 'tener' }).click();
    await dialog.getByRole('combobox', { name: 'Til aktør' }).click();
    await facilitator.getByRole('option', { name: 'Familien' }).click();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const table = charter(facilitator).locator('sk-actor-table');
    await table.getByRole('row', { name: /Nav tener Familien/ }).waitFor();
    const map = charter(facilitator).locator('sk-actor-map');
    await poll(() => map.locator('text.edge-label').textContent()).toBe('tener');
  });

  it('reflects an edit in the table in the diagram, and the participant sees it live', STEP, async () => {
    await participant.goto(`/w/${workshopId}/charter/actors`);
    const theirMap = charter(participant).locator('sk-actor-map');
    await theirMap.getByRole('button', { name: /Nav/ }).waitFor();

    const table = charter(facilitator).locator('sk-actor-table');
    await table.getByRole('button', { name: 'Endre Nav', exact: true }).click();
    const dialog = dialogNamed(facilitator, 'Endre aktør');
    await dialogShown(dialog);
    await dialog.getByLabel('Namn').fill('Arbeids- og velferdsetaten');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const map = charter(facilitator).locator('sk-actor-map');
    await map.getByRole('button', { name: /Arbeids- og velferdsetaten/ }).waitFor();
    await theirMap.getByRole('button', { name: /Arbeids- og velferdsetaten/ }).waitFor();
    await charter(participant).locator('sk-actor-table').getByRole('cell', { name: 'Behov hos Nav' }).waitFor();
    // Who last changed the actor, as the server recorded it.
    const row = charter(participant).locator('sk-actor-table tr[data-actor]', { hasText: 'Arbeids- og velferdsetaten' });
    await poll(() => row.locator('.changed').textContent()).toMatch(/^Endra av Kari Fasilitator/);
    expect(await row.locator('.changed').isVisible()).toBe(true);
  });

  it('moves a node with the arrow keys; the position is stored and shared', STEP, async () => {
    const node = charter(facilitator).locator('sk-actor-map').getByRole('button', { name: /Familien/ });
    const left = () => node.evaluate((el) => parseFloat((el as HTMLElement).style.left));
    const before = await left();
    await node.focus();
    await facilitator.keyboard.press('Shift+ArrowRight');
    await facilitator.keyboard.press('ArrowRight');
    await poll(left).toBe(before + 60);
    const theirs = charter(participant).locator('sk-actor-map').getByRole('button', { name: /Familien/ });
    await poll(() => theirs.evaluate((el) => parseFloat((el as HTMLElement).style.left))).toBe(before + 60);
    expect(await node.evaluate((el) => el.matches(':focus'))).toBe(true);

    // And with the pointer: a drag moves it, a click would have opened it.
    // Under load the diagram may still be scrolling the node into sight: aim once it sits still
    // under the pointer.
    await node.scrollIntoViewIfNeeded();
    let box = (await node.boundingBox())!;
    await poll(async () => {
        box = (await node.boundingBox())!;
        return node.evaluate((el, [x, y]) => {
          let hit = document.elementFromPoint(x!, y!);
          while (hit?.shadowRoot) {
            const inner = hit.shadowRoot.elementFromPoint(x!, y!);
            if (!inner || inner === hit) break;
            hit = inner;
          }
          return !!hit && (hit === el || el.contains(hit));
        }, [box.x + 20, box.y + 20]);
      })
      .toBe(true);
    await facilitator.mouse.move(box.x + 20, box.y + 20);
    await facilitator.mouse.down();
    await facilitator.mouse.move(box.x + 70, box.y + 60, { steps: 5 });
    await facilitator.mouse.up();
    await poll(() => theirs.evaluate((el) => parseFloat((el as HTMLElement).style.left))).toBe(before + 110);
    expect(await dialogNamed(facilitator, 'Endre aktør').count()).toBe(0);
  });

  it('deletes an actor only after confirming', STEP, async () => {
    const node = charter(facilitator).locator('sk-actor-map').getByRole('button', { name: /Familien/ });
    await node.focus();
    await facilitator.keyboard.press('Delete');
    const confirm = dialogNamed(facilitator, 'Slette aktøren Familien?');
    await dialogShown(confirm);
    await axeClean(facilitator);
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await poll(() => node.evaluate((el) => el.matches(':focus'))).toBe(true);
    await node.focus();
    await facilitator.keyboard.press('Delete');
    await dialogShown(confirm);
    await confirm.getByRole('button', { name: 'Slett' }).click();
    await node.waitFor({ state: 'detached' });
    await charter(facilitator).locator('sk-actor-table').getByText('Ingen relasjonar enno.').waitFor();
    await charter(participant).locator('sk-actor-map').getByRole('button', { name: /Familien/ }).waitFor({ state: 'detached' });
    // A facilitator's deletion is made by the server and audited.
    const audit = await facilitator.evaluate(async (id) => (await fetch(`/api/workshops/${id}/audit`)).json(), workshopId);
    expect((audit as { entries: Array<{ type: string }> }).entries.map((e) => e.type)).toContain('content.removed');
  });

  it('shows an observer the actor map without any editing control', STEP, async () => {
    const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'observer' });
    const observer = await openPage();
    await post(observer, '/api/join', { inviteToken: invite.token, displayName: 'Oda Observatør' });
    await section(observer, workshopId, 'actors', 'Aktørkart');
    await charter(observer).locator('sk-actor-table').getByRole('rowheader', { name: 'Arbeids- og velferdsetaten' }).waitFor();
    expect(await charter(observer).getByRole('button', { name: 'Legg til aktør' }).count()).toBe(0);
    expect(await charter(observer).locator('sk-actor-table').getByRole('button').count()).toBe(0);
    await axeClean(observer);
    await section(observer, workshopId, 'principles', 'Prinsipp');
    expect(await charter(observer).getByLabel('Nytt prinsipp').count()).toBe(0);
  });

  it('places organisations on the maturity staircase', STEP, async () => {
    await section(facilitator, workshopId, 'maturity', 'Modnadstrapp');
    await axeClean(facilitator);
    const view = charter(facilitator).locator('sk-maturity-view');
    await view.getByLabel('Generasjonen til Nav').selectOption('3');
    await view.getByLabel('Grunngiving for Nav').fill('Eigne tenester, lite deling');
    await view.getByLabel('Grunngiving for Nav').press('Tab');
    await view.getByLabel('Generasjonen til Bergen kommune').selectOption('2');
    const step3 = view.locator('.step-3');
    await step3.locator('.chip', { hasText: 'Nav' }).waitFor();
    await poll(() => step3.locator('.chip').textContent()).toContain('Eigne tenester, lite deling');
    await view.locator('.step-2 .chip', { hasText: 'Bergen kommune' }).waitFor();
    // Where Nav wants to be, and another step it also stands on: an outlined chip and a light one, each on its step.
    await view.getByLabel('Kvar Nav vil vere').selectOption('4');
    await view.getByRole('group', { name: 'Andre trinn Nav står på' }).getByRole('checkbox', { name: '2' }).check();
    const wants = view.locator('.step-4 .chip.target');
    await wants.waitFor();
    expect(await wants.textContent()).toContain('Nav vil vere her');
    const also = view.locator('.step-2 .chip.also', { hasText: 'Nav står òg her' });
    await also.waitFor();
    const [tread, chip] = [await view.locator('.step-4 .tread').boundingBox(), await wants.boundingBox()];
    expect(chip!.x).toBeGreaterThanOrEqual(tread!.x - 1);
    expect(chip!.x + chip!.width).toBeLessThanOrEqual(tread!.x + tread!.width + 1);
    await axeClean(facilitator);

    // A participant changes only their own organisation's entry; the others' are shown, read-only.
    await section(participant, workshopId, 'maturity', 'Modnadstrapp');
    const theirs = charter(participant).locator('sk-maturity-view');
    expect(await theirs.getByLabel('Generasjonen til Nav').isVisible()).toBe(true);
    expect(await theirs.getByLabel('Generasjonen til Bergen kommune').count()).toBe(0);
    const bergen = theirs.getByRole('row', { name: /Bergen kommune/ });
    await poll(() => bergen.textContent()).toContain('Generasjon 2');
    // Who last changed each entry, as the server recorded it.
    await poll(() => theirs.getByRole('row', { name: /^Nav/ }).locator('.changed').textContent()).toMatch(/^Endra av Kari Fasilitator, /);
    expect(await theirs.getByRole('row', { name: /^Nav/ }).locator('.changed').isVisible()).toBe(true);
    // Since the last visit (the participant's first look at the charter): the others' changes.
    const since = charter(participant).locator('sk-charter-since');
    await since.getByRole('heading', { name: /^Sidan sist du var her/ }).waitFor();
    await poll(() => since.locator('li').allTextContents()).toContainEqual(expect.stringMatching(/^Kari Fasilitator, Helsedirektoratet: modnaden til Nav \(/));
    expect((await since.boundingBox())!.height).toBeGreaterThan(40);
    await axeClean(participant);
    const shots = process.env.CHARTER_SHOTS;
    if (shots) {
      for (const [w, h] of [[1440, 900], [390, 844]] as const) {
        await participant.setViewportSize({ width: w, height: h });
        await theirs.locator('table').scrollIntoViewIfNeeded();
        await participant.screenshot({ path: `${shots}/maturity-participant-${w}.png` });
      }
      await participant.setViewportSize({ width: 1280, height: 900 });
    }
    // A smoke render in the other two languages: read-only rows, who changed them, and the since box, axe-clean.
    const language = participant.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('en');
    await poll(() => theirs.getByRole('row', { name: /^Nav/ }).locator('.changed').textContent()).toMatch(/^Changed by Kari Fasilitator/);
    await since.getByRole('heading', { name: /^Since your last visit/ }).waitFor();
    await axeClean(participant);
    await language.selectOption('nb');
    await poll(() => theirs.getByRole('row', { name: /^Nav/ }).locator('.changed').textContent()).toMatch(/^Endret av Kari Fasilitator/);
    await since.getByRole('heading', { name: /^Siden sist du var her/ }).waitFor();
    await axeClean(participant);
    await language.selectOption('nn');
    await since.getByRole('button', { name: 'Marker som sett' }).click();
    await poll(() => since.locator('section').count()).toBe(0);
  });

  it('marks positions on the four paradoxes', STEP, async () => {
    await section(facilitator, workshopId, 'paradoxes', 'Fire paradoks');
    const view = charter(facilitator).locator('sk-paradox-view');
    expect(await view.getByRole('heading', { level: 3 }).count()).toBe(4);
    const slider = view.getByRole('slider', { name: 'Plasseringa til Nav' }).first();
    await slider.focus();
    await facilitator.keyboard.press('End');
    await view.locator('.marker').first().waitFor();
    expect(await view.locator('.marker').first().evaluate((el) => (el as HTMLElement).style.left)).toBe('100%');
    // The report's sentence, and where the partnership wants to be: a star on the track, each organisation's gap in the table.
    const first = view.getByRole('region', { name: 'Lokalt eller sentralt' });
    await first.getByText('Lokale løysingar og samarbeid på kostnad av sentraliserte initiativ og løysingar.').waitFor();
    await first.getByRole('button', { name: 'Set eit mål' }).click();
    const star = first.locator('.target');
    await star.waitFor();
    const target = first.getByRole('slider', { name: 'Kvar partnarskapet vil vere' });
    await target.focus();
    await facilitator.keyboard.press('Home');
    await poll(() => star.evaluate((el) => (el as HTMLElement).style.left)).toBe('0%');
    await poll(() => first.getByRole('row', { name: /^Nav/ }).textContent()).toContain('100 mot Lokale løysingar og samarbeid');
    const [track, box] = [await first.locator('.track').boundingBox(), await star.boundingBox()];
    expect(box!.width).toBeGreaterThan(8);
    expect(Math.abs(box!.x + box!.width / 2 - track!.x)).toBeLessThan(4);
    // On a phone the poles sit above the track, which keeps the screen's width so markers spread out.
    await facilitator.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await first.locator('.track').boundingBox())!.width).toBeGreaterThan(300);
    await facilitator.setViewportSize({ width: 1280, height: 900 });
    await axeClean(facilitator);
  });

  it('builds a governance model: body, escalation reordered by keyboard, funding with a total, decision matrix', STEP, async () => {
    await section(facilitator, workshopId, 'governance', 'Styringsmodell');
    await axeClean(facilitator);
    const view = charter(facilitator).locator('sk-governance-view');
    await view.getByRole('button', { name: 'Legg til organ' }).click();
    const dialog = dialogNamed(facilitator, 'Nytt styringsorgan');
    await dialogShown(dialog);
    await facilitator.keyboard.type('Styringsgruppa');
    await dialog.getByRole('checkbox', { name: 'Nav' }).check();
    await dialog.getByRole('checkbox', { name: 'Helsedirektoratet' }).check();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await view.getByRole('heading', { level: 4, name: 'Styringsgruppa' }).waitFor();
    await view.getByText(/^(Helsedirektoratet, Nav|Nav, Helsedirektoratet)$/).waitFor();

    for (const step of ['Arbeidsgruppa', 'Styringsgruppa', 'Departementa']) {
      await view.getByLabel('Nytt steg').fill(step);
      await view.getByLabel('Nytt steg').press('Enter');
      await view.getByText(step, { exact: true }).first().waitFor();
    }
    await view.getByRole('button', { name: 'Flytt Departementa opp' }).focus();
    await facilitator.keyboard.press('Enter');
    const steps = () => view.locator('ol.steps > li strong').allTextContents();
    await poll(steps).toEqual(['Arbeidsgruppa', 'Departementa', 'Styringsgruppa']);
    await view.getByRole('status').filter({ hasText: 'Departementa er flytta til steg 2 av 3.' }).waitFor();
    // Focus stays on the moved step's button, so it can move on.
    await facilitator.keyboard.press('Enter');
    await poll(steps).toEqual(['Departementa', 'Arbeidsgruppa', 'Styringsgruppa']);
    // Edited in place, it keeps its step and gets a body.
    await view.getByRole('button', { name: 'Endre Arbeidsgruppa' }).click();
    await view.getByLabel('Steg', { exact: true }).fill('Arbeidsgruppa for barn');
    await view.getByLabel('Organ', { exact: true }).first().selectOption({ label: 'Styringsgruppa' });
    await view.getByLabel('Steg', { exact: true }).press('Enter');
    await poll(steps).toEqual(['Departementa', 'Arbeidsgruppa for barn', 'Styringsgruppa']);
    await view.locator('ol.steps > li', { hasText: 'Arbeidsgruppa for barn' }).getByText('(Styringsgruppa)').waitFor();

    // Amounts as people write them (issue #17); the second names the organisation it comes from.
    for (const [who, amount, share, organisation] of [
      ['Helse- og omsorgsdepartementet', 'kr 600 000,-', '60', ''],
      ['Nav', '0,4 mill', '40', 'Nav'],
    ]) {
      await view.getByLabel('Kven', { exact: true }).fill(who!);
      if (organisation) await view.getByLabel('Verksemd', { exact: true }).selectOption({ label: organisation });
      await view.getByLabel('Beløp', { exact: true }).fill(amount!);
      await view.getByLabel('Del (%)', { exact: true }).fill(share!);
      await view.getByRole('button', { name: 'Legg til finansieringskjelde' }).click();
    }
    const total = view.locator('sk-funding tfoot tr');
    await poll(() => total.textContent()).toMatch(/1\s000\s000\skr/);
    expect(await total.textContent()).not.toContain('ikkje 100 %');
    await poll(() => view.getByLabel('Verksemda finansieringa frå Nav kjem frå').inputValue()).not.toBe('');
    // A figure it cannot read is not saved as nothing: it stays in the field, said why.
    const navAmount = view.getByLabel('Beløp frå Nav');
    await navAmount.fill('mange pengar');
    await navAmount.press('Enter');
    await view.getByRole('alert').filter({ hasText: '«mange pengar» vart ikkje lagra: skriv beløpet i kroner' }).waitFor();
    expect(await navAmount.getAttribute('aria-invalid')).toBe('true');
    expect(await navAmount.inputValue()).toBe('mange pengar');
    expect(await total.textContent()).toMatch(/1\s000\s000\skr/);
    await navAmount.fill('1 500 000 kr');
    await navAmount.press('Enter');
    await poll(() => total.textContent()).toMatch(/2\s100\s000\skr/);
    expect(await navAmount.getAttribute('aria-invalid')).toBe('false');

    await view.getByLabel('Ny avgjerd').fill('Årleg budsjett');
    await view.getByRole('button', { name: 'Legg til avgjerd' }).click();
    await view.getByLabel('Styringsgruppa for Årleg budsjett').selectOption('decide');
    await view.getByLabel('Nav for Årleg budsjett').selectOption('consult');
    await poll(() => view.getByLabel('Styringsgruppa for Årleg budsjett').inputValue()).toBe('decide');
    await axeClean(facilitator);
  });

  it('keeps principle drafts: add, edit in place, reorder', STEP, async () => {
    await section(facilitator, workshopId, 'principles', 'Prinsipp');
    await axeClean(facilitator);
    const view = charter(facilitator).locator('sk-principles-view');
    for (const text of ['Vi byggjer på felles plattformer', 'Brukaren skal berre fortelje ting éin gong']) {
      await view.getByLabel('Nytt prinsipp').fill(text);
      await view.getByRole('button', { name: 'Legg til prinsipp' }).click();
      await view.getByText(text).waitFor();
    }
    const cards = view.locator('sk-principle-card');
    await poll(() => cards.count()).toBe(2);
    await cards.nth(1).getByRole('button', { name: 'Flytt prinsipp 2 opp' }).click();
    await poll(() => cards.first().locator('p.text').textContent()).toBe('Brukaren skal berre fortelje ting éin gong');
    await cards.first().getByRole('button', { name: 'Endre teksten i prinsipp 1' }).click();
    const area = cards.first().getByRole('textbox', { name: 'Teksten i prinsipp 1' });
    await area.press('End');
    await area.pressSequentially('!');
    await cards.first().getByRole('button', { name: 'Ferdig med å endre prinsipp 1' }).click();
    await poll(() => cards.first().locator('p.text').textContent()).toBe('Brukaren skal berre fortelje ting éin gong!');
    // One chip per organisation, none answered yet.
    expect(await cards.first().locator('.chip').count()).toBe(3);
    await axeClean(facilitator);
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
