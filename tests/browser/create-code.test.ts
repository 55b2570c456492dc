/**
 * On a server with CREATE_CODE, the start page asks for the creation code only after the server
 * refuses without it, ties the error to the field, and creates the workshop with the right code.
 * Enter in a field submits the form as the button does. No request leaves the server.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './axe.js';
import { apiErrorStatus, focused, launchChromium, watchPage } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { watchOrigin } from './shoelace.js';

let client: BuiltClient;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir, { CREATE_CODE: 'hemmeleg-kode' });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  client?.remove();
});

describe('a server that needs a creation code', () => {
  it('asks for the code only after the server refuses, and accepts the right one', { timeout: 30_000 }, async () => {
    const context = await browser.newContext({ baseURL: server.base });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    // Chromium logs the refused request (403) the page then explains.
    const watch = await watchPage(page, apiErrorStatus(403));
    const outside = watchOrigin(page, server.base);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Opprett ein verkstad' }).waitFor();
    expect(await page.getByLabel('Opprettingskode').count()).toBe(0);
    await page.getByLabel('Tittel på verkstaden').fill('Verkstad med kode');
    await page.getByLabel('Verksemd 1', { exact: true }).fill('Digdir');
    await page.getByLabel('Namnet ditt').fill('Kari Nordmann');
    await page.getByRole('button', { name: 'Opprett verkstaden' }).click();

    const code = page.getByLabel('Opprettingskode');
    await page.getByText('Denne tenaren krev ein opprettingskode', { exact: false }).waitFor();
    await expect.poll(() => focused(page)).toBe('input: ');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toBe('createCode-error');
    await expectAxeClean(page);

    await code.fill('feil');
    await code.press('Enter');
    await page.getByText('Opprettingskoden er ikkje rett.', { exact: false }).waitFor();
    await code.fill('hemmeleg-kode');
    await page.getByRole('button', { name: 'Opprett verkstaden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verkstad med kode' }).waitFor();
    expect(watch.problems).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
