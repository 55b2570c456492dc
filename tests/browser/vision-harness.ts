/**
 * Shared set-up of the vision's browser tests: a built client and a server, Chromium, and a
 * workshop with members of different organisations, each in their own browser context (own
 * session cookie, own IndexedDB). Every page is watched for console errors, CSP violations and
 * requests that leave the server.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { VisionKey, visionFragment } from '../../shared/vision/schema.js';
import { launchChromium, watchPage, type PageWatch } from './chromium.js';
import { buildClient, startServer, type BuiltClient, type TestServer } from './harness.js';
import { watchOrigin } from './shoelace.js';

export interface VisionWorld {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
  /** Every problem seen in any page so far, and every request outside the server. */
  problems(): string[];
  newMember(name: string, opts?: { role?: 'participant' | 'observer' | 'facilitator'; organisation?: string }): Promise<Member>;
  workshopId: string;
  organisations: Array<{ id: string; name: string }>;
  facilitator: Member;
}

export interface Member {
  name: string;
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

/** REST from the page, so the browser keeps the session cookie it sets. */
export function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/**
 * The template's prompts written as the text of their paragraphs, as workshops made before issue #17
 * have them: these tests type into them. (Since #17 they are placeholders: vision-endorse.test.ts.)
 */
export function promptsAsText(doc: Y.Doc): void {
  doc.transact(() => {
    for (const node of visionFragment(doc).toArray()) {
      const prompt = node instanceof Y.XmlElement ? node.getAttribute(VisionKey.placeholder) : undefined;
      if (!(node instanceof Y.XmlElement) || typeof prompt !== 'string') continue;
      node.removeAttribute(VisionKey.placeholder);
      node.insert(0, [new Y.XmlText(prompt)]);
    }
  });
}

/** `placeholders`: keep the template's prompts as placeholders instead of writing them as text. */
export async function createWorld(env: Record<string, string> = {}, opts: { placeholders?: boolean } = {}): Promise<VisionWorld> {
  const client: BuiltClient = await buildClient();
  const server = await startServer(client.dir, env);
  const browser = await launchChromium();
  const watches: PageWatch[] = [];
  const outside: string[][] = [];
  const contexts: BrowserContext[] = [];

  async function openContext(): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
    const context = await browser.newContext({ baseURL: server.base, locale: 'nn-NO', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    const watch = await watchPage(page);
    watches.push(watch);
    outside.push(watchOrigin(page, server.base));
    await page.goto('/');
    return { context, page, watch };
  }

  const f = await openContext();
  const created = await call<{ id: string; organisations: Array<{ id: string; name: string }> }>(f.page, 'POST', '/api/workshops', {
    title: 'Alvorleg sjukt barn',
    organisations: [{ name: 'Helsedirektoratet' }, { name: 'Nav' }, { name: 'Bergen kommune' }],
    displayName: 'Kari Fasilitator',
    organisationIndex: 0,
  });
  // The server's own change, as the template itself is (no member wrote it).
  if (!opts.placeholders) await server.app.registry.change(`${created.id}/vision`, promptsAsText);
  const world: VisionWorld = {
    server,
    browser,
    workshopId: created.id,
    organisations: created.organisations,
    facilitator: { name: 'Kari Fasilitator', ...f },
    problems: () => [...watches.flatMap((w) => w.problems), ...outside.flat().map((u) => `request outside the server: ${u}`)],
    async newMember(name, opts = {}) {
      const role = opts.role ?? 'participant';
      const org = created.organisations.find((o) => o.name === (opts.organisation ?? 'Nav'));
      const invite = await call<{ token: string }>(f.page, 'POST', `/api/workshops/${created.id}/invites`, role === 'participant' ? { role, organisationId: org!.id } : { role });
      const m = await openContext();
      await call(m.page, 'POST', '/api/join', { inviteToken: invite.token, displayName: name });
      return { name, ...m };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await server.close();
      client.remove();
    },
  };
  return world;
}

export const editor = (page: Page) => page.locator('sk-vision-editor .ProseMirror');

/** Opens the vision tab and waits until the text is shown and the room is in sync. */
export async function openVision(page: Page, workshopId: string): Promise<void> {
  await page.goto(`/w/${workshopId}/vision`);
  await editor(page).waitFor();
  await page.locator('sk-vision-page sk-connection-status').getByText('Lagra og oppdatert').waitFor();
}

/**
 * Selects `part` of the first paragraph holding `text` (the whole of `part`; an empty `part`
 * puts the caret at the paragraph's end). Sets the DOM selection the way a mouse would, and
 * waits until ProseMirror has taken it.
 */
export async function selectIn(page: Page, text: string, part = ''): Promise<void> {
  const p = editor(page).locator('p', { hasText: text }).first();
  await p.click();
  await p.evaluate((el, wanted) => {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('.remote-cursor') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    const full = texts.map((t) => t.data).join('');
    const start = wanted ? full.indexOf(wanted) : full.length;
    if (start < 0) throw new Error(`"${wanted}" not in "${full}"`);
    const at = (offset: number): [Text, number] => {
      for (const t of texts) {
        if (offset <= t.data.length) return [t, offset];
        offset -= t.data.length;
      }
      const last = texts[texts.length - 1]!;
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, part);
  await page.waitForTimeout(60); // ProseMirror reads the selection on selectionchange
}

/** Puts the caret at the end of the paragraph holding `text`. */
export const caretAfter = (page: Page, text: string) => selectIn(page, text);

/** The text of an element of the editor without others' cursor labels. */
export function textOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.remote-cursor').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
}

export function expectNoProblems(world: VisionWorld): void {
  expect(world.problems()).toEqual([]);
}
