/**
 * A workshop that protects each organisation's content, in real Chromium (Nynorsk): a participant
 * of another organisation sees Helsedirektoratet's note in the board's outline without the
 * controls to change, move or delete it, while the note's own organisation keeps them, and so
 * does everyone once the facilitator turns the protection off; then the note shows who edited it
 * (the server's record), and its author by the member record, not the element's name cache.
 * What the person sees is checked
 * (visible buttons), axe runs on the outline; no request leaves the server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { authorOf, call } from '../helpers/api.js';
import { provider, synced, until } from '../helpers/sync.js';
import { expectAxeClean } from './axe.js';
import { launchChromium, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { openWatchedPage, postFromPage as post } from './pages.js';

const STEP = { timeout: 30_000 };
const SHOTS = process.env.BOARD_SHOTS;
let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];
const openPage = (): Promise<Page> => openWatchedPage(browser, server.base, watches, outside);
const outline = (page: Page) => page.locator('sk-board-outline');
const item = (page: Page, text: string) => outline(page).locator('li.item', { hasText: text });

async function openOutline(page: Page, workshopId: string): Promise<void> {
  await page.goto(`/w/${workshopId}`);
  await page.getByRole('button', { name: 'Oversikt' }).click();
  await outline(page).getByRole('heading', { level: 2, name: 'Oversikt over tavla' }).waitFor();
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

describe('protected organisation content on a board', () => {
  let workshopId: string;
  let facilitatorToken: string;
  let helsedir: Page;
  let nav: Page;
  const NOTE = 'Lappen til Helsedirektoratet';

  it('shows another organisation’s note without the controls to change it', STEP, async () => {
    const facilitator = await openPage();
    const created = await post<{ id: string; token: string; organisations: Array<{ id: string }> }>(facilitator, '/api/workshops', {
      title: 'Alvorleg sjukt barn',
      organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }],
      displayName: 'Kari Fasilitator',
    });
    workshopId = created.id;
    facilitatorToken = created.token;
    const tokens: string[] = [];
    const pages: Page[] = [];
    for (const [i, org] of created.organisations.entries()) {
      const invite = await post<{ token: string }>(facilitator, `/api/workshops/${workshopId}/invites`, { role: 'participant', organisationId: org.id });
      const page = await openPage();
      tokens.push((await post<{ token: string }>(page, '/api/join', { inviteToken: invite.token, displayName: i === 0 ? 'Sverre Helse' : 'Nora Nav' })).token);
      pages.push(page);
    }
    [helsedir, nav] = pages as [Page, Page];
    await facilitator.close();

    const room = `${workshopId}/board/${(await call<{ boards: { id: string }[] }>(server.base, 'GET', `/api/workshops/${workshopId}`, undefined, facilitatorToken)).body.boards[0]!.id}`;
    const writer = provider(server.base.replace('http', 'ws') + '/sync', room, tokens[0]!);
    await synced(writer);
    // The name field is a display cache the writer fills: the app shows the member record's name.
    const author = { ...(await authorOf(server.base, workshopId, tokens[0]!)), name: 'Eit falskt namn' };
    new BoardDoc(writer.doc, () => 'helsedir-note-001').create({ kind: 'note', x: 0, y: 0, text: NOTE }, author, 'test');
    const witness = provider(server.base.replace('http', 'ws') + '/sync', room, facilitatorToken);
    await until(() => witness.doc.getMap('elements').size === 1, 5000, 'the note stored');
    writer.destroy();
    witness.destroy();
    expect((await call(server.base, 'PATCH', `/api/workshops/${workshopId}`, { protectOrganisationContent: true }, facilitatorToken)).status).toBe(200);

    await openOutline(nav, workshopId);
    const theirs = item(nav, NOTE);
    await theirs.waitFor();
    expect(await theirs.getByRole('button', { name: 'Vis på tavla' }).isVisible()).toBe(true);
    expect(await theirs.getByText('Av Sverre Helse').isVisible()).toBe(true);
    expect(await theirs.getByText('Eit falskt namn').count()).toBe(0);
    expect(await theirs.getByRole('button', { name: /^(Endre|Slett|Flytt)/ }).count()).toBe(0);
    expect(await theirs.getByText('Berre Helsedirektoratet og fasilitatorane kan endre dette.').isVisible()).toBe(true);
    await expectAxeClean(nav);
    if (SHOTS) {
      for (const [w, h] of [[1440, 900], [390, 844]] as const) {
        await nav.setViewportSize({ width: w, height: h });
        await nav.screenshot({ path: `${SHOTS}/board-protected-${w}.png` });
      }
      await nav.setViewportSize({ width: 1280, height: 900 });
    }

    // A smoke render in the other two languages: the same note, said in Bokmål and English, axe-clean.
    const language = nav.getByLabel(/^(Språk|Language)$/);
    await language.selectOption('nb');
    await theirs.getByText('Bare Helsedirektoratet og fasilitatorene kan endre dette.').waitFor();
    await expectAxeClean(nav);
    await language.selectOption('en');
    await theirs.getByText('Only Helsedirektoratet and the facilitators may change this.').waitFor();
    await expectAxeClean(nav);
    await language.selectOption('nn');

    await openOutline(helsedir, workshopId);
    const own = item(helsedir, NOTE);
    const edit = own.getByRole('button', { name: /^Endre/ });
    await edit.waitFor();
    expect((await edit.boundingBox())!.width).toBeGreaterThan(20);
    expect(await own.getByRole('button', { name: /^Slett/ }).isVisible()).toBe(true);
  });

  it('gives the controls back once the facilitator turns the protection off', STEP, async () => {
    expect((await call(server.base, 'PATCH', `/api/workshops/${workshopId}`, { protectOrganisationContent: false }, facilitatorToken)).status).toBe(200);
    await openOutline(nav, workshopId);
    const edit = item(nav, NOTE).getByRole('button', { name: /^Endre/ });
    await edit.waitFor();
    expect(await edit.isVisible()).toBe(true);

    // Nav edits Helsedirektoratet's note: both see who changed it, from the server's record.
    await edit.click();
    await outline(nav).getByRole('textbox', { name: /^Tekst/ }).fill(`${NOTE}, med Nav sitt tillegg`);
    await outline(nav).getByRole('button', { name: 'Lagre' }).click();
    const edited = item(helsedir, 'med Nav sitt tillegg');
    await edited.getByText('endra av Nora Nav, Nav').waitFor({ timeout: 10_000 });
    expect(await edited.getByText('Av Sverre Helse').isVisible()).toBe(true);
    if (SHOTS) await helsedir.screenshot({ path: `${SHOTS}/board-edited-by-1280.png` });
    expect(outside.flat()).toEqual([]);
    for (const w of watches.values()) expect(w.problems).toEqual([]);
  });
});
