/**
 * The export dialog and the import form in real Chromium: a facilitator downloads the charter as
 * DOCX, a board as SVG and a backup; a newcomer imports that backup on the start page and lands in
 * a copy of the workshop. axe runs on the dialog and the form; no console error, CSP violation or
 * request outside the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_NAMES } from '../../client/ui/icon-names.js';
import { expectAxeClean } from './axe.js';
import { launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { dialogNamed, dialogShown, watchOrigin } from './shoelace.js';

const STEP = { timeout: 60_000 };
let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watches = new Map<Page, PageWatch>();
const outside: string[][] = [];

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  watches.set(page, await watchPage(page));
  outside.push(watchOrigin(page, server.base));
  return page;
}

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('export and import in Chromium', () => {
  let facilitator: Page;
  let backupPath = '';
  let workshopId = '';

  it('a facilitator downloads the charter (DOCX), a board (SVG) and a backup from the export dialog', STEP, async () => {
    facilitator = await openPage();
    await facilitator.goto('/');
    workshopId = await facilitator.evaluate(async () => {
      const r = await fetch('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Eksport-verkstad', organisations: [{ name: 'Helsedirektoratet' }, { name: 'Bergen kommune' }], displayName: 'Frida' }) });
      return ((await r.json()) as { id: string }).id;
    });
    const sockets: string[] = [];
    facilitator.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
    const icons: string[] = [];
    facilitator.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith('/shoelace/')) icons.push(`${r.status()} ${p}`);
    });
    await facilitator.goto(`/w/${workshopId}`);
    await facilitator.getByRole('button', { name: 'Eksporter' }).click();
    const dialog = dialogNamed(facilitator, 'Eksporter');
    await dialogShown(dialog);
    await expectAxeClean(facilitator);

    await dialog.getByLabel('Format').selectOption('docx');
    await dialog.getByLabel('Språk i dokumentet').selectOption('nb');
    const [docx] = await Promise.all([facilitator.waitForEvent('download'), dialog.getByRole('button', { name: 'Last ned' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/^eksport-verkstad-avtale-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(readFileSync((await docx.path())!).subarray(0, 2).toString()).toBe('PK');
    await dialog.getByText('Lasta ned. Sjå i mappa for nedlastingar.').waitFor();

    await dialog.getByRole('radio', { name: /Ei tavle/ }).check();
    await dialog.getByLabel('Kva skal vere med').waitFor();
    await dialog.locator('#frame[aria-busy="false"]').waitFor();
    // The frames come from the board page's own connection (the workshop's shared rooms), not a second one.
    expect(sockets.filter((path) => path.startsWith(`/sync/${workshopId}/board/`))).toHaveLength(1);
    await expectAxeClean(facilitator);
    const [svg] = await Promise.all([facilitator.waitForEvent('download'), dialog.getByRole('button', { name: 'Last ned' }).click()]);
    // The first board is named in the workshop's language (Nynorsk: "Tavle 1").
    expect(svg.suggestedFilename()).toBe('eksport-verkstad-tavle-1.svg');
    expect(readFileSync((await svg.path())!, 'utf8')).toContain('<svg');

    await dialog.getByRole('radio', { name: /Ein kopi av heile verkstaden/ }).check();
    const [backup] = await Promise.all([facilitator.waitForEvent('download'), dialog.getByRole('button', { name: 'Last ned' }).click()]);
    expect(backup.suggestedFilename()).toMatch(/\.samskap\.json$/);
    backupPath = (await backup.path())!;
    expect(JSON.parse(readFileSync(backupPath, 'utf8')).format).toBe('samskap-backup');
    await dialog.locator('[slot=footer]').getByRole('button', { name: 'Lukk' }).click();

    // The dialog's close icon comes from the server itself, which serves only the icons the app draws.
    expect(icons).toContain('200 /shoelace/assets/icons/x-lg.svg');
    expect(icons.filter((i) => !i.startsWith('200 '))).toEqual([]);
    expect(readdirSync(path.join(client.dir, 'shoelace', 'assets', 'icons')).sort()).toEqual([...ICON_NAMES].map((n) => `${n}.svg`).sort());
  });

  it('a participant is not offered the backup', STEP, async () => {
    const invite = await facilitator.evaluate(async (id) => {
      const w = (await (await fetch(`/api/workshops/${id}`)).json()) as { organisations: { id: string }[] };
      const r = await fetch(`/api/workshops/${id}/invites`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'participant', organisationId: w.organisations[1]!.id }) });
      return ((await r.json()) as { link: string }).link;
    }, workshopId);
    const participant = await openPage();
    await participant.goto(new URL(invite).pathname);
    await participant.getByLabel('Namnet ditt').fill('Pål');
    await participant.getByRole('button', { name: /Bli med/ }).click();
    await participant.waitForURL(`**/w/${workshopId}`);
    await participant.getByRole('button', { name: 'Eksporter' }).click();
    const dialog = dialogNamed(participant, 'Eksporter');
    await dialogShown(dialog);
    expect(await dialog.getByRole('radio').count()).toBe(2);
    await dialog.locator('[slot=footer]').getByRole('button', { name: 'Lukk' }).click();

    // The facilitator makes Pål an observer; Pål's open page learns it at once. His board reopens
    // with the new role while its socket may still be reconnecting: Chromium notes that closing.
    watches.get(participant)!.allow((m) => m.type() === 'warning' && m.text().includes('WebSocket is closed before the connection is established'));
    await facilitator.goto(`/w/${workshopId}/settings`);
    await facilitator.getByLabel('Rolla til Pål').selectOption('observer');
    await facilitator.getByText('Pål er no: Observatør.').waitFor();
    await participant.getByText('Rolla di er no: Observatør.').waitFor();
    await expectAxeClean(facilitator);
  });

  it('someone imports the backup on the start page and lands in the copy; a damaged file is refused', STEP, async () => {
    const newcomer = await openPage();
    await newcomer.goto('/');
    const form = newcomer.locator('sk-import-form');
    await form.getByRole('heading', { name: 'Flytt ein verkstad hit' }).waitFor();
    await expectAxeClean(newcomer);
    await form.getByLabel('Kopifil').setInputFiles({ name: 'broken.samskap.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"samskap-backup","vers') });
    await form.getByLabel('Namn på fasilitatoren for kopien (deg)').fill('Ida');
    await form.getByRole('button', { name: 'Importer verkstad' }).click();
    await form.getByRole('alert').getByText('Fila kunne ikkje lesast').waitFor();
    await form.getByLabel('Kopifil').setInputFiles(backupPath);
    await form.getByRole('button', { name: 'Importer verkstad' }).click();
    await newcomer.waitForURL(/\/w\/[A-Za-z0-9_-]{16}$/);
    expect(newcomer.url()).not.toContain(workshopId);
    await newcomer.getByRole('heading', { level: 1, name: 'Eksport-verkstad' }).waitFor();
  });

  it('had no console errors, CSP violations or requests outside the server', () => {
    const problems = [...watches.values()].flatMap((w) => w.problems);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(outside.flat()).toEqual([]);
  });
});
