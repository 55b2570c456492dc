/** Pages the browser tests share: a fresh context per page, watched for console problems and off-origin requests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { watchOrigin } from './shoelace.js';

/** A page in its own context (own cookies and storage), Nynorsk, 1280×900, on the start page. */
export async function openWatchedPage(browser: Browser, base: string, watches: Map<Page, PageWatch>, outside: string[][]): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'nn-NO', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watches.set(page, await watchPage(page));
  outside.push(watchOrigin(page, base));
  await page.goto('/');
  return page;
}

/** REST from the page, so the browser keeps the session cookie it sets. */
export function postFromPage<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    [path, body] as const,
  ) as Promise<T>;
}

/**
 * One test file's browser world: the client built, a server, Chromium, and pages each in a
 * context of its own (Nynorsk, watched for console problems), all closed after the file.
 */
export function useBrowserWorld(): { openPage(width?: number, height?: number): Promise<Page>; readonly watches: PageWatch[]; readonly base: string } {
  let client: BuiltClient;
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watches: PageWatch[] = [];
  beforeAll(async () => {
    client = await buildClient();
    server = await startServer(client.dir);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    client?.remove();
  });
  return {
    watches,
    get base() {
      return server.base;
    },
    async openPage(width = 1280, height = 900) {
      const context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', viewport: { width, height } });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      watches.push(await watchPage(page));
      await page.goto('/');
      return page;
    },
  };
}
