/**
 * People, not links (#14) in real Chromium against the real server: the join page says what a link
 * joins before anyone types a name; a participant makes a personal link and opens the workshop in a
 * second browser context (a second device) as the same member; "Your workshops" on the start page
 * counts others' changes since the last visit; signing out on one device; a rename reaches the
 * facilitator's open member list live (`member.changed`); every invite is listed from the server,
 * survives a reload and is revoked by keyboard; a revoked link is explained with no name field; a
 * removed member's open page says so. axe runs in Nynorsk, English and Bokmål. With PEOPLE_SHOTS
 * set to a folder, screenshots at 1440×900 and 390×844 are saved there.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorStatus, focused, launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage } from './pages.js';
import { axeClean } from './settle.js';
import { dialogNamed, dialogShown, focusedControl } from './shoelace.js';

const STEP = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const TITLE = 'Alvorleg sjukt barn';
const SHOTS = process.env.PEOPLE_SHOTS;

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];
const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);

/** The whole page at both sizes, and on the phone also each of `parts` (a long page is too small to judge). */
async function shoot(page: Page, name: string, parts: string[] = []): Promise<void> {
  if (!SHOTS) return;
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    if (width === 390) for (const part of parts) await page.locator(part).first().screenshot({ path: `${SHOTS}/${name}-${width}-${part}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
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

describe('people and access', () => {
  let facilitator: Page;
  let laptop: Page;
  let phone: Page;
  let workshopId: string;
  let navInvite: string;

  it('shows what an invite link joins before the name form, and joins by keyboard', STEP, async () => {
    facilitator = await openPage();
    const created = await postFromPage<{ id: string; organisations: Array<{ id: string; name: string }> }>(facilitator, '/api/workshops', {
      title: TITLE,
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }],
      displayName: 'Kari Fasilitator',
      organisationIndex: 0,
    });
    workshopId = created.id;
    const nav = created.organisations.find((o) => o.name === 'Nav')!;
    navInvite = (await postFromPage<{ link: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: nav.id })).link;

    laptop = await openPage();
    await laptop.goto(navInvite);
    const what = laptop.getByText(`Du blir med i «${TITLE}» som deltakar for Nav.`);
    await what.waitFor();
    const box = (await what.boundingBox())!;
    const field = (await laptop.getByLabel('Namnet ditt').boundingBox())!;
    expect(box.y).toBeLessThan(field.y);
    await axeClean(laptop);
    await shoot(laptop, 'join-preview');

    await laptop.getByLabel('Namnet ditt').focus();
    await laptop.keyboard.type('Ola Deltakar');
    await laptop.keyboard.press('Enter');
    await laptop.waitForURL(`**/w/${workshopId}`);
    await laptop.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('opens the workshop on a second device with a personal link, as the same member', STEP, async () => {
    await laptop.goto(`/w/${workshopId}/settings`);
    const me = laptop.getByRole('region', { name: 'Om deg' });
    await me.getByRole('button', { name: 'Lag ei lenkje for ei anna eining' }).click();
    const link = me.getByLabel('Den personlege lenkja di');
    await poll(() => link.inputValue()).toMatch(new RegExp(`^${server.base}/reenter#[A-Za-z0-9_-]+$`));
    expect(await focused(laptop)).toBe('input: ');
    expect(await me.getByText('Ho blir vist berre no.', { exact: false }).isVisible()).toBe(true);
    await axeClean(laptop);
    await shoot(laptop, 'reentry-panel', ['sk-about-me']);

    phone = await openPage();
    const visited = phone.waitForResponse((r) => r.url().endsWith(`/api/workshops/${workshopId}/visit`) && r.ok());
    await phone.goto(await link.inputValue());
    await phone.waitForURL(`**/w/${workshopId}`);
    expect(new URL(phone.url()).hash).toBe('');
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await visited;
    await phone.getByRole('link', { name: 'Medlemmer', exact: true }).click();
    const facts = phone.getByRole('region', { name: 'Om deg' }).locator('dd').first();
    await poll(() => facts.textContent()).toBe('Ola Deltakar');
    expect(await facts.isVisible()).toBe(true);
    // One member, not two: the second device is the same person.
    await poll(() => phone.getByRole('region', { name: 'Medlemmer' }).getByText('Ola Deltakar', { exact: false }).count()).toBe(1);

    // A new link revokes the old one, which then explains itself (the phone stays signed in).
    const old = await link.inputValue();
    await me.getByRole('button', { name: 'Lag ei ny lenkje' }).click();
    await poll(() => link.inputValue()).not.toBe(old);
    const stranger = await openPage();
    watches.get(stranger)!.allow(apiErrorStatus(401));
    await stranger.goto(old);
    await stranger.getByRole('alert').getByText('Denne lenkja verkar ikkje lenger.', { exact: false }).waitFor();
    expect(new URL(stranger.url()).hash).toBe('');
    await stranger.getByRole('link', { name: 'Gå til startsida' }).waitFor();
  });

  it('lists every invite from the server, with the 14-day default, after a reload too', STEP, async () => {
    await facilitator.goto(`/w/${workshopId}/settings`);
    await facilitator.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Observatør' });
    await facilitator.getByRole('button', { name: 'Lag invitasjonslenkje' }).click();
    await facilitator.getByRole('status').getByText('Invitasjonslenkja er laga.', { exact: false }).waitFor();
    await facilitator.getByRole('heading', { name: 'Nye invitasjonslenkjer' }).waitFor();
    const invites = await facilitator.evaluate(async (id) => (await (await fetch(`/api/workshops/${id}/invites`)).json()) as { invites: Array<{ role: string; createdAt: string; expiresAt: string }> }, workshopId);
    const observer = invites.invites.find((i) => i.role === 'observer')!;
    expect(Date.parse(observer.expiresAt) - Date.parse(observer.createdAt)).toBe(14 * 24 * 3600 * 1000);

    await facilitator.reload();
    const list = facilitator.locator('sk-invite-list');
    await list.getByRole('heading', { name: 'Alle invitasjonslenkjer' }).waitFor();
    await poll(() => list.locator('li').count()).toBe(2);
    expect(await list.locator('li', { hasText: 'Deltakar, Nav' }).textContent()).toMatch(/aktiv.*brukt éin gong.*gyldig til.*laga av Kari Fasilitator/s);
    expect(await facilitator.getByRole('heading', { name: 'Nye invitasjonslenkjer' }).count()).toBe(0);
    expect(await list.locator('input').count()).toBe(0);
  });

  it('lists the workshop under "Your workshops" with the changes since the last visit, and signs out on one device', STEP, async () => {
    await laptop.goto('/');
    const mine = laptop.getByRole('region', { name: 'Verkstadene dine' });
    const item = mine.getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor();
    // Since the phone's visit, the facilitator made one invite.
    await poll(() => item.textContent()).toMatch(/Du er med som Ola Deltakar, Nav\s*1 endring sidan sist du var her/);
    expect((await mine.boundingBox())!.y).toBeLessThan((await laptop.getByRole('heading', { name: 'Om verkstaden' }).boundingBox())!.y);
    await axeClean(laptop);
    await shoot(laptop, 'start-my-workshops');

    await item.getByRole('link', { name: TITLE }).click();
    await laptop.waitForURL(`**/w/${workshopId}`);
    await laptop.getByRole('link', { name: 'Medlemmer', exact: true }).click();
    await laptop.getByRole('button', { name: /^Logg ut på denne eininga\s…$/ }).click();
    const dialog = dialogNamed(laptop, 'Logge ut på denne eininga?');
    await dialogShown(dialog);
    await dialog.getByRole('button', { name: 'Logg ut' }).click();
    await laptop.getByRole('status').getByText('Du er logga ut av verkstaden på denne eininga.', { exact: false }).waitFor();
    expect(new URL(laptop.url()).pathname).toBe('/');
    await laptop.getByRole('heading', { level: 1, name: 'Opprett ein verkstad' }).waitFor();
    await poll(() => laptop.locator('sk-my-workshops').evaluate((el) => el.shadowRoot?.querySelector('p.loading, section') === null)).toBe(true);
  });

  it("reaches the facilitator's member list live when a member renames themselves", STEP, async () => {
    const me = phone.getByRole('region', { name: 'Om deg' });
    await me.getByRole('button', { name: 'Endre namnet ditt' }).click();
    await poll(() => focused(phone)).toBe('input: ');
    await phone.keyboard.press('ControlOrMeta+a');
    await phone.keyboard.type('Ola Nordmann');
    await phone.keyboard.press('Enter');
    await poll(() => me.locator('dd').first().textContent()).toBe('Ola Nordmann');
    await poll(() => focusedControl(phone)).toBe('sl-button: Endre namnet ditt');
    await facilitator.getByRole('region', { name: 'Medlemmer' }).getByText('Ola Nordmann', { exact: true }).waitFor();
  });

  it('revokes an invite by keyboard; the revoked link says so with no name field', STEP, async () => {
    const list = facilitator.locator('sk-invite-list');
    const revoke = list.getByRole('button', { name: /^Trekk tilbake: Deltakar, Nav/ });
    await revoke.focus();
    await facilitator.keyboard.press('Enter');
    const dialog = dialogNamed(facilitator, 'Trekkje tilbake invitasjonslenkja?');
    await dialogShown(dialog);
    await poll(() => focusedControl(facilitator)).toBe('sl-button: Avbryt');
    await facilitator.keyboard.press('Shift+Tab');
    expect(await focusedControl(facilitator)).toBe('sl-button: Trekk tilbake lenkja');
    await facilitator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => list.locator('li', { hasText: 'Deltakar, Nav' }).textContent()).toContain('trekt tilbake');
    expect(await list.getByRole('button', { name: /^Trekk tilbake: Deltakar, Nav/ }).count()).toBe(0);

    const late = await openPage();
    watches.get(late)!.allow(apiErrorStatus(410));
    await late.goto(navInvite);
    const alert = late.getByRole('alert').getByText('Ein fasilitator har trekt tilbake denne invitasjonslenkja.', { exact: false });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    expect(await late.getByLabel('Namnet ditt').count()).toBe(0);
    await late.getByRole('link', { name: 'Gå til startsida' }).waitFor();
    await axeClean(late);
  });

  it('renders members and invites in English and Bokmål, axe-clean', STEP, async () => {
    const language = facilitator.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('en');
    await facilitator.getByRole('heading', { name: 'All invite links' }).waitFor();
    await facilitator.getByRole('region', { name: 'Members' }).getByRole('button', { name: 'Remove…: Ola Nordmann' }).waitFor();
    await axeClean(facilitator);
    await shoot(facilitator, 'settings-members-invites', ['sk-member-list', 'sk-invite-list']);
    await language.selectOption('nb');
    await facilitator.getByRole('heading', { name: 'Alle invitasjonslenker' }).waitFor();
    await axeClean(facilitator);
    await language.selectOption('nn');
    await facilitator.getByRole('heading', { name: 'Alle invitasjonslenkjer' }).waitFor();
  });

  it('merges two records of one person of the same organisation', STEP, async () => {
    const nav = await facilitator.evaluate(async (id) => ((await (await fetch(`/api/workshops/${id}`)).json()) as { organisations: Array<{ id: string; name: string }> }).organisations.find((o) => o.name === 'Nav')!.id, workshopId);
    const again = await postFromPage<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: nav });
    const twice = await openPage();
    await postFromPage(twice, '/api/join', { inviteToken: again.token, displayName: 'Ola N.' });
    const members = facilitator.getByRole('region', { name: 'Medlemmer' });
    await members.getByRole('button', { name: 'Oppdater lista' }).click();
    await members.getByRole('button', { name: /^Slå saman\s…: Ola N\.$/ }).click();
    const dialog = dialogNamed(facilitator, 'Slå saman Ola N. med ein annan medlem?');
    await dialogShown(dialog);
    expect(await facilitator.locator('#merge-into').inputValue()).not.toBe('');
    expect(await facilitator.getByLabel('Ola N. er same person som').locator('option:checked').textContent()).toBe('Ola Nordmann');
    await dialog.getByRole('button', { name: 'Slå saman', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => members.getByRole('listitem').filter({ hasText: 'Ola N.' }).filter({ hasText: 'slått saman med' }).textContent()).toContain('slått saman med Ola Nordmann');
  });

  it("removes a member after a confirmation naming them; the removed member's page says so", STEP, async () => {
    await phone.goto(`/w/${workshopId}`);
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    watches.get(phone)!.allow(apiErrorStatus(401));
    const members = facilitator.getByRole('region', { name: 'Medlemmer' });
    await members.getByRole('button', { name: /^Fjern\s…: Ola Nordmann$/ }).click();
    const dialog = dialogNamed(facilitator, 'Fjerne Ola Nordmann frå verkstaden?');
    await dialogShown(dialog);
    // The explanation is slotted into the dialog from the confirm dialog's host.
    await facilitator.locator('#remove-dialog').getByText('Det vedkomande har bidrege med, blir verande', { exact: false }).waitFor();
    await axeClean(facilitator);
    await dialog.getByRole('button', { name: 'Fjern medlemmen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const former = members.getByRole('listitem').filter({ hasText: 'tidlegare medlem' });
    await poll(() => former.textContent()).toMatch(/^\s*Ola Nordmann\s*tidlegare medlem, Nav\s*$/);
    expect(await members.getByRole('heading', { name: 'Tidlegare medlemmer' }).isVisible()).toBe(true);

    const notice = phone.getByText('Du er ikkje lenger medlem av denne verkstaden.', { exact: false });
    await notice.waitFor();
    expect(await notice.isVisible()).toBe(true);
    await phone.getByRole('link', { name: 'Gå til startsida' }).waitFor();
    await axeClean(phone);
    // Opened again later, the page still says why (the server tells a removed member's session so).
    await phone.reload();
    await notice.waitFor();
    expect(await phone.getByRole('heading', { level: 1, name: 'Ikkje lenger medlem' }).isVisible()).toBe(true);
    await shoot(phone, 'removed-member');
    await shoot(facilitator, 'settings-former', ['sk-member-list']);
  });
});

describe('the whole run', () => {
  it('logged no console errors, uncaught exceptions or CSP violations', () => {
    expect([...watches.values()].flatMap((w) => w.problems)).toEqual([]);
  });

  it('requested nothing outside the server (no CDN)', () => {
    expect(outside.flat()).toEqual([]);
  });
});
