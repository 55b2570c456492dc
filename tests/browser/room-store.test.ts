/**
 * Two members in one browser profile (a shared computer: Cecilie leaves, Dag joins in the same
 * browser) never share a room's unsent edits: each keeps the vision in an IndexedDB database of
 * their own (`samskap:<memberId>:<room>`). Cecilie's offline draft stays in hers, Dag neither sees
 * it nor sends it to the server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from './chromium.js';
import { call, caretAfter, createWorld, editor, expectNoProblems, openVision, textOf, type VisionWorld } from './vision-harness.js';

const DRAFT = ' Cecilie sitt utkast, ikkje sendt.';

let world: VisionWorld;

beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

async function join(page: Page, name: string, organisation: string): Promise<string> {
  const org = world.organisations.find((o) => o.name === organisation)!;
  const invite = await call<{ token: string }>(world.facilitator.page, 'POST', `/api/workshops/${world.workshopId}/invites`, { role: 'participant', organisationId: org.id });
  await call(page, 'POST', '/api/join', { inviteToken: invite.token, displayName: name });
  return (await call<{ me: { id: string } }>(page, 'GET', `/api/workshops/${world.workshopId}`)).me.id;
}

/** Updates stored in an IndexedDB database (-1 when it has no updates store). */
const stored = (page: Page, name: string) =>
  page.evaluate(
    (db) =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open(db);
        req.onsuccess = () => {
          const d = req.result;
          if (!d.objectStoreNames.contains('updates')) return (d.close(), resolve(-1));
          const count = d.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => (d.close(), resolve(count.result));
        };
      }),
    name,
  );

describe('two members in one browser', () => {
  it('keep their unsent edits apart', async () => {
    const context = await world.browser.newContext({ baseURL: world.server.base, locale: 'nn-NO', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    try {
      const room = `${world.workshopId}/vision`;
      let page = await context.newPage();
      const problems = [await watchPage(page)];
      await page.goto('/');
      const cecilie = await join(page, 'Cecilie Bergen', 'Bergen kommune');
      await openVision(page, world.workshopId);
      const cecilieDb = `samskap:${cecilie}:${room}`;
      const before = await stored(page, cecilieDb);
      expect(before).toBeGreaterThan(0);

      // Cecilie writes offline and leaves; her draft waits in her own database.
      problems[0]!.allow((m) => m.text().includes('net::ERR_FAILED') && m.location().url.includes('/assets/'));
      await context.setOffline(true);
      await page.locator('sk-vision-page sk-connection-status').getByRole('status').filter({ hasText: /Fråkopla/ }).waitFor();
      await caretAfter(page, 'Korleis kom vi hit');
      await page.keyboard.type(DRAFT);
      await expect.poll(() => stored(page, cecilieDb)).toBeGreaterThan(before);
      await page.close();
      await context.setOffline(false);

      // Dag signs in to the same workshop in the same browser.
      page = await context.newPage();
      problems.push(await watchPage(page));
      await page.goto('/');
      const dag = await join(page, 'Dag Nav', 'Nav');
      expect(dag).not.toBe(cecilie);
      await openVision(page, world.workshopId);
      const text = editor(page);
      expect(await text.isVisible()).toBe(true);
      expect((await text.boundingBox())!.height).toBeGreaterThan(100);
      expect(await textOf(text)).toContain('Korleis kom vi hit');
      expect(await textOf(text)).not.toContain(DRAFT.trim());
      const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('samskap:')));
      expect(names.sort()).toEqual([cecilieDb, `samskap:${dag}:${room}`].sort());
      // Cecilie's draft is still hers (not lost), and never reached the server through Dag.
      expect(await stored(page, cecilieDb)).toBeGreaterThan(before);
      await openVision(world.facilitator.page, world.workshopId);
      expect(await textOf(editor(world.facilitator.page))).not.toContain(DRAFT.trim());
      expect(problems.flatMap((w) => w.problems)).toEqual([]);
      expectNoProblems(world);
    } finally {
      await context.close();
    }
  }, 90_000);
});
