/**
 * Agreements that hold, in real Chromium (issue #13). An adopted principle has no Delete and no
 * Edit: a participant proposes an amendment, which appears under it, beside the adopted text,
 * with a word-level diff whose marked words are visible boxes, side by side on a wide screen and
 * one above the other on a phone. The amendment is proposed, endorsed and closed; the original
 * keeps its status and stances and says it is superseded. A facilitator retires another adopted
 * principle through a confirmation that names it, its status and who adopted it, and requires a
 * reason; it moves to a collapsed section of its own. axe runs on the cards and both dialogs.
 * Decisions the test does not look at are made over socket.io (fast); what it looks at is clicked.
 * With AMEND_SHOTS=<dir>, screenshots at 1440×900 and 390×844 are written there.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from '../helpers/api.js';
import { connected, type TestSocket } from '../helpers/socket.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { axeClean, settle } from './settle.js';
import { dialogNamed, dialogShown } from './shoelace.js';

const STEP = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const ORGS = ['Helsedirektoratet', 'Nav', 'Bergen kommune'];
const ADOPTED = 'Vi publiserer opne data når det er mogleg';
const AMENDED = 'Vi publiserer opne data med open lisens når det er lovleg';
const OTHER = 'Vi kallar inn til felles verkstad kvar vår';
const shots = process.env.AMEND_SHOTS;

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];
const sockets: TestSocket[] = [];

const view = (page: Page) => page.locator('sk-principles-view');
const card = (page: Page, heading: string) => view(page).locator('sk-principle-card', { has: page.getByRole('heading', { level: 3, name: heading, exact: true }) });
/** The dialog host: its explanation is slotted into it, not into the `<sl-dialog>` inside. */
const principleDialog = (page: Page, name: string) => view(page).locator('sk-principle-dialog', { has: page.getByRole('dialog', { name, exact: true }) });
/** Waits until the `<sl-dialog>` of a host has finished closing (its base is hidden after the fade-out). */
const closed = (page: Page) =>
  poll(() => view(page).locator('sk-principle-dialog').evaluate((el) => (el.shadowRoot?.querySelector('sl-dialog')?.shadowRoot?.querySelector('[part~="base"]') as HTMLElement | null)?.hidden ?? true)).toBe(true);
const stances = (c: Locator) => c.locator('.chip').evaluateAll((els) => els.map((el) => `${el.querySelector('.org')?.textContent}=${el.getAttribute('data-stance')}`));

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

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('an adopted principle is amended or retired, never edited or deleted', () => {
  let facilitator: Page;
  let participant: Page;
  let fac: TestSocket;
  let orgSockets: TestSocket[];
  let workshopId: string;
  const ids = new Map<string, string>();

  async function adopt(text: string): Promise<string> {
    const { id } = await postFromPage<{ id: string }>(facilitator, `/api/workshops/${workshopId}/principles`, { text });
    await fac.ok('principle.propose', { principleId: id });
    for (const s of orgSockets) await s.ok('principle.endorse', { principleId: id, stance: 'endorse' });
    await fac.ok('principle.close', { principleId: id });
    return id;
  }

  it('sets up three organisations with two adopted principles', STEP, async () => {
    facilitator = await openWatchedPage(browser, server.base, watches, outside);
    const created = await postFromPage<{ id: string; token: string; organisations: Array<{ id: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: ORGS.map((name) => ({ name })),
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    fac = await connected(server.base, created.token);
    sockets.push(fac);
    orgSockets = [];
    for (const [i, org] of created.organisations.entries()) {
      const invite = await postFromPage<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: org.id });
      if (i === 0) {
        participant = await openWatchedPage(browser, server.base, watches, outside);
        const joined = await postFromPage<{ token: string }>(participant, '/api/join', { inviteToken: invite.token, displayName: 'Deltakar 1' });
        orgSockets.push(await connected(server.base, joined.token));
      } else {
        // Not from the facilitator's page: joining there would sign it in as the participant.
        orgSockets.push(await connected(server.base, (await join(server.base, invite.token, `Deltakar ${i + 1}`)).token));
      }
    }
    sockets.push(...orgSockets);
    ids.set('adopted', await adopt(ADOPTED));
    ids.set('other', await adopt(OTHER));
  });

  it('a participant sees no Delete or Edit on an adopted principle, and proposes an amendment', STEP, async () => {
    await participant.goto(`/w/${workshopId}/charter/principles`);
    const first = card(participant, 'Prinsipp 1');
    await poll(() => first.locator('.status').textContent()).toBe('Vedteke');
    expect(await first.getByRole('button', { name: /Slett/ }).count()).toBe(0);
    expect(await first.getByRole('button', { name: /Endre teksten/ }).count()).toBe(0);
    expect(await first.getByRole('button', { name: /Trekk attende/ }).count()).toBe(0);

    await first.getByRole('button', { name: 'Føreslå ei endring av prinsipp 1 …' }).click();
    const dialog = principleDialog(participant, 'Føreslå ei endring av prinsipp 1');
    await dialogShown(dialogNamed(participant, 'Føreslå ei endring av prinsipp 1'));
    await dialog.getByText('Den vedtekne teksten og standpunkta står som dei er', { exact: false }).waitFor();
    const area = dialog.getByRole('textbox', { name: 'Endra tekst' });
    expect(await area.inputValue()).toBe(ADOPTED);
    await axeClean(participant);
    await area.fill(AMENDED);
    await dialog.getByRole('button', { name: 'Start endringa' }).click();
    await closed(participant);
  });

  it('shows the amendment under the adopted text with a visible word-level diff', STEP, async () => {
    const amendment = card(participant, 'Endring av prinsipp 1');
    await amendment.waitFor();
    expect(await amendment.locator('.status').textContent()).toBe('Utkast');
    const compare = amendment.locator('sk-principle-compare');
    const added = compare.locator('ins');
    const removed = compare.locator('del');
    await poll(() => added.allTextContents()).toEqual(['lagt til: med open lisens ', 'lagt til: lovleg']);
    expect(await removed.allTextContents()).toEqual(['fjerna: mogleg']);
    for (const box of [await added.first().boundingBox(), await removed.first().boundingBox()]) {
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(10);
      expect(box!.height).toBeGreaterThan(8);
    }
    // Side by side on a wide screen; the adopted text is kept beside it.
    const adoptedBox = (await compare.locator('section.adopted').boundingBox())!;
    const amendedBox = (await compare.locator('section.amendment').boundingBox())!;
    expect(adoptedBox.x + adoptedBox.width).toBeLessThanOrEqual(amendedBox.x + 1);
    expect(Math.abs(adoptedBox.y - amendedBox.y)).toBeLessThan(2);
    expect(await compare.locator('section.adopted').textContent()).toContain('når det er');
    await axeClean(participant);
    await shoot(participant, 'amendment-draft');
    // One above the other on a phone, still visible.
    await participant.setViewportSize({ width: 390, height: 844 });
    const narrowAdopted = (await compare.locator('section.adopted').boundingBox())!;
    const narrowAmended = (await compare.locator('section.amendment').boundingBox())!;
    expect(narrowAmended.y).toBeGreaterThanOrEqual(narrowAdopted.y + narrowAdopted.height - 1);
    expect((await added.first().boundingBox())!.width).toBeGreaterThan(10);
    await participant.setViewportSize({ width: 1280, height: 900 });
  });

  it('the amendment is proposed, endorsed and closed; the original keeps its status and stances and is superseded', STEP, async () => {
    await facilitator.goto(`/w/${workshopId}/charter/principles`);
    const amendment = card(facilitator, 'Endring av prinsipp 1');
    await amendment.getByRole('button', { name: 'Legg fram til vedtak' }).click();
    await poll(() => amendment.locator('.status').textContent()).toBe('Ventar på svar');
    const amendmentId = await amendment.getAttribute('data-id');
    for (const s of orgSockets) await s.ok('principle.endorse', { principleId: amendmentId, stance: 'endorse' });
    await poll(() => amendment.locator('.status').textContent()).toBe('Vedteke');
    await amendment.getByRole('button', { name: 'Avslutt avgjerda' }).click();
    const original = card(facilitator, 'Prinsipp 1');
    await original.getByText('Erstatta av den vedtekne endringa under', { exact: false }).waitFor();
    expect(await original.locator('.status').textContent()).toBe('Vedteke');
    expect(await original.locator('p.text').textContent()).toBe(ADOPTED);
    expect(await stances(original)).toEqual(ORGS.map((o) => `${o}=endorse`));
    expect(await original.getByRole('button', { name: /Føreslå ei endring/ }).count()).toBe(0);
    await card(participant, 'Prinsipp 1').getByText('Erstatta av den vedtekne endringa under', { exact: false }).waitFor();
    await axeClean(facilitator);
    await shoot(facilitator, 'amendment-agreed');
  });

  it('retiring names the principle, its status and who adopted it, requires a reason, and moves it to its own section', STEP, async () => {
    const other = card(facilitator, 'Prinsipp 2');
    expect(await other.getByRole('button', { name: /Slett/ }).count()).toBe(0);
    await other.getByRole('button', { name: 'Trekk attende prinsipp 2 …' }).click();
    const dialog = principleDialog(facilitator, 'Trekkje attende prinsipp 2?');
    await dialogShown(dialogNamed(facilitator, 'Trekkje attende prinsipp 2?'));
    await dialog.getByText(OTHER).waitFor();
    await dialog.getByText('Status: Vedteke.', { exact: false }).waitFor();
    await dialog.getByText(/Vedteke av Helsedirektoratet, Nav og Bergen kommune den /).waitFor();
    await axeClean(facilitator);
    await shoot(facilitator, 'retire-dialog');
    await dialog.getByRole('button', { name: 'Trekk attende prinsippet' }).click();
    await dialog.getByText('Skriv ein grunn', { exact: false }).waitFor();
    await dialog.getByRole('textbox', { name: /Kvifor blir det trekt attende/ }).fill('Dekt av den nasjonale strategien');
    await dialog.getByRole('button', { name: 'Trekk attende prinsippet' }).click();
    await closed(facilitator);

    const section = view(facilitator).locator('details.retired-section');
    await section.getByText('Prinsipp som er trekte attende eller sletta (1)').waitFor();
    expect(await section.getAttribute('open')).toBeNull();
    expect(await card(facilitator, 'Prinsipp 2').count()).toBe(0);
    await section.locator('summary').click();
    const retired = card(facilitator, 'Attendetrekt prinsipp 1');
    await retired.getByText(/Trekt attende .* av Kari Fasilitator\. Grunn: Dekt av den nasjonale strategien/).waitFor();
    expect(await retired.locator('.status').textContent()).toBe('Vedteke');
    expect(await retired.getByRole('button').count()).toBe(0);
    await view(participant).locator('details.retired-section').getByText('Prinsipp som er trekte attende eller sletta (1)').waitFor();
    await axeClean(facilitator);
    await shoot(facilitator, 'retired-section');
  });

  it('had no console problems and made no request outside the server', () => {
    for (const [, w] of watches) expect(w.problems).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
