/**
 * The board offline, in Chromium: a participant loses the network, keeps working, reloads the
 * page while still offline (service worker + IndexedDB bring the board back), comes back, and
 * both organisations' edits converge with nothing lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';

let client: BuiltClient;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  client = await buildClient();
  server = await startServer(client.dir);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.close();
  client?.remove();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.base });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto('/');
  return { context, page };
}

/** Creates a note with the keyboard contract: `n`, type, Escape. */
async function addNote(page: Page, text: string): Promise<void> {
  await page.locator('sk-board-canvas .viewport').focus();
  await page.keyboard.press('n');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

const note = (page: Page, text: string) => page.locator('sk-board-canvas [data-id]').filter({ hasText: text });

/** Updates y-indexeddb has written for the board's room as this member keeps it (so a reload will find them). */
const storedUpdates = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('updates')) return resolve(0);
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
        };
        req.onerror = () => resolve(-1);
      }),
    store,
  );

/** Whether an update y-indexeddb keeps for the room holds `text` (Yjs writes strings as UTF-8). */
const storedText = (page: Page, store: string, text: string) =>
  page.evaluate(
    ({ name, text }) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('updates')) return resolve(false);
          const all = db.transaction('updates').objectStore('updates').getAll();
          all.onsuccess = () => resolve((all.result as Uint8Array[]).some((u) => new TextDecoder().decode(u).includes(text)));
        };
        req.onerror = () => resolve(false);
      }),
    { name: store, text },
  );

/** A workshop made by the page's person (the first organisation's), as the start page makes one. */
const createWorkshop = (page: Page, title: string, organisations: string[]) =>
  page.evaluate(
    async ({ title, organisations }) => {
      const res = await fetch('/api/workshops', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, organisations: organisations.map((name) => ({ name })), displayName: 'Anne', organisationIndex: 0 }),
      });
      return (await res.json()) as { id: string; organisations: { id: string }[] };
    },
    { title, organisations },
  );

/** The IndexedDB store where this page's member keeps the workshop's first board. */
const boardStore = (page: Page, workshopId: string) =>
  page.evaluate(async (id) => {
    const w = (await (await fetch(`/api/workshops/${id}`)).json()) as { me: { id: string }; boards: { room: string }[] };
    return `samskap:${w.me.id}:${w.boards[0]!.room}`;
  }, workshopId);

describe('the board offline', () => {
  // IndexedDB keeps the first sync from the server's bytes, not from Yjs's 'update' event (client/net/first-sync.ts).
  it('keeps what the first sync brought for a reload offline', async () => {
    const a = await newPage();
    const created = await createWorkshop(a.page, 'Fyrste synk', ['Nav']);
    await a.page.goto(`/w/${created.id}`);
    await a.page.getByRole('status').filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    await addNote(a.page, 'Frå tenaren');
    await note(a.page, 'Frå tenaren').waitFor();
    const store = await boardStore(a.page, created.id);
    // The same member in a fresh browser: an empty IndexedDB, so the whole board comes with the first sync.
    const cookies = await a.context.cookies();
    const b = await newPage();
    await b.context.addCookies(cookies);
    await b.page.goto(`/w/${created.id}`);
    await note(b.page, 'Frå tenaren').waitFor();
    await expect.poll(() => storedText(b.page, store, 'Frå tenaren'), { timeout: 5000 }).toBe(true);
    // A page is served by the service worker from its next load on.
    await b.page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    await b.page.reload();
    await note(b.page, 'Frå tenaren').waitFor();
    await b.context.setOffline(true);
    await b.page.reload();
    await note(b.page, 'Frå tenaren').waitFor();
    await b.context.setOffline(false);
  }, 60_000);

  it('keeps offline edits across a reload and merges them on reconnect', async () => {
    const a = await newPage();
    const created = await createWorkshop(a.page, 'Fråkopla verkstad', ['Nav', 'Bergen kommune']);
    const invite = await a.page.evaluate(async ({ id, org }) => {
      const res = await fetch(`/api/workshops/${id}/invites`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'participant', organisationId: org }) });
      return ((await res.json()) as { token: string }).token;
    }, { id: created.id, org: created.organisations[1]!.id });
    const b = await newPage();
    await b.page.evaluate(async (inviteToken) => {
      await fetch('/api/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inviteToken, displayName: 'Bjørn' }) });
    }, invite);

    await a.page.goto(`/w/${created.id}`);
    await b.page.goto(`/w/${created.id}`);
    const store = await boardStore(b.page, created.id);
    await a.page.getByRole('status').filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    await b.page.getByRole('status').filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    // The service worker has taken control, so a reload can work offline.
    await b.page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true));
    await b.page.reload();
    await b.page.getByRole('status').filter({ hasText: 'Lagra og oppdatert' }).waitFor();

    await addNote(a.page, 'Før brotet');
    await note(b.page, 'Før brotet').waitFor();

    const storedBefore = await storedUpdates(b.page, store);
    await b.context.setOffline(true);
    await b.page.getByRole('status').filter({ hasText: /Fråkopla/ }).waitFor();
    await addNote(b.page, 'Skrive utan nett');
    await b.page.getByRole('status').filter({ hasText: /endringar blir sende/ }).waitFor();
    await addNote(a.page, 'Medan B var borte');
    // y-indexeddb writes asynchronously; wait until the offline edit is on disk.
    await expect.poll(() => storedUpdates(b.page, store), { timeout: 5000 }).toBeGreaterThan(storedBefore);

    // Reload while still offline: the shell from the service worker, the board from IndexedDB.
    await b.page.reload();
    await note(b.page, 'Skrive utan nett').waitFor();
    await note(b.page, 'Før brotet').waitFor();
    expect(await note(b.page, 'Medan B var borte').count()).toBe(0);

    await b.context.setOffline(false);
    await note(b.page, 'Medan B var borte').waitFor({ timeout: 15_000 });
    await note(a.page, 'Skrive utan nett').waitFor({ timeout: 15_000 });
    for (const p of [a.page, b.page]) {
      expect(await p.locator('sk-board-canvas [data-id]').count()).toBe(3);
    }
  }, 90_000);
});
