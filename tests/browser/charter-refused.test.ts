/**
 * A refused update in the charter, in Chromium: Bo drafts a principle offline; back online, the
 * server refuses it (4422 `update refused: unknown-kind`, stood in for by `refuse.ts`). Bo sees
 * the notice naming the charter with the content sentence and his draft listed; the charter
 * opens afresh without it, and a principle he adds then reaches Anne. A reload before the fresh
 * copy has synced loses nothing: the refused copy waits beside it and is listed after the reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSync, refuseUpdatesWith } from './refuse.js';
import { call, createWorld, expectNoProblems, type Member, type VisionWorld } from './vision-harness.js';

let world: VisionWorld;
let anne: Member;
let bo: Member;

beforeAll(async () => {
  world = await createWorld();
  anne = world.facilitator;
  bo = await world.newMember('Bo Nav', { organisation: 'Nav' });
}, 120_000);
afterAll(async () => world?.close());

const principles = (m: Member) => m.page.locator('sk-principles-view');
const drafted = (m: Member, text: string) => principles(m).locator('sk-principle-card').filter({ hasText: text });
const status = (m: Member) => m.page.locator('sk-charter-page sk-connection-status').getByRole('status');

async function addPrinciple(page: Page, text: string): Promise<void> {
  const view = page.locator('sk-principles-view');
  await view.getByLabel('Nytt prinsipp').fill(text);
  await view.getByRole('button', { name: 'Legg til prinsipp' }).click();
}

describe('a refused update in the charter', () => {
  it('tells the person, lists the refused draft, and the charter works again', async () => {
    for (const m of [anne, bo]) {
      await m.page.goto(`/w/${world.workshopId}/charter/principles`);
      await principles(m).getByRole('heading', { level: 2, name: 'Prinsipp' }).waitFor();
      await status(m).filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    }
    const me = (await call<{ me: { id: string } }>(bo.page, 'GET', `/api/workshops/${world.workshopId}`)).me.id;
    bo.watch.allow((m) => m.text().includes('net::ERR_FAILED') && m.location().url.includes('/assets/'));
    await bo.context.setOffline(true);
    await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
    await addPrinciple(bo.page, 'Vi deler alt med alle, avvist');
    await drafted(bo, 'Vi deler alt med alle, avvist').waitFor();

    refuseUpdatesWith(world.server, `${world.workshopId}/charter`, me, 'unknown-kind', 'avvist');
    await bo.context.setOffline(false);
    const notice = bo.page.locator('sk-refused-notice section');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.isVisible()).toBe(true);
    expect((await notice.boundingBox())!.height).toBeGreaterThan(50);
    expect(await notice.getByRole('heading').textContent()).toBe('Endringa di vart avvist (Avtale)');
    expect(await notice.getByRole('alert').textContent()).toContain('Endringa di vart ikkje lagra: ho hadde innhald som verkstaden ikkje tek imot.');
    await notice.getByRole('listitem').first().waitFor();
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Vi deler alt med alle, avvist']);

    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => drafted(bo, 'Vi deler alt med alle').count()).toBe(0);
    await addPrinciple(bo.page, 'Vi byggjer på felles nasjonale løysingar');
    await drafted(anne, 'Vi byggjer på felles nasjonale løysingar').waitFor({ timeout: 15_000 });
    expect(await drafted(bo, 'Vi byggjer på felles nasjonale løysingar').isVisible()).toBe(true);
    expect(await drafted(anne, 'Vi deler alt med alle').count()).toBe(0);
    expectNoProblems(world);
  }, 90_000);

  it('lists the refused draft after a reload that came before the fresh copy synced', async () => {
    // The stand-in armed above still refuses Bo's drafts holding 'avvist'.
    const room = `${world.workshopId}/charter`;
    const notice = bo.page.locator('sk-refused-notice section');
    await notice.getByRole('button', { name: 'Lukk denne meldinga' }).click();
    await bo.context.setOffline(true);
    await status(bo).filter({ hasText: /Fråkopla/ }).waitFor();
    await addPrinciple(bo.page, 'Eit utkast som blir avvist');
    await drafted(bo, 'Eit utkast som blir avvist').waitFor();

    // Refused, and the fresh copy gets no answer from the server: the notice is still checking.
    const release = holdSync(world.server, room);
    await bo.context.setOffline(false);
    await notice.getByText('Opnar den siste lagra utgåva og sjekkar kva som ikkje vart lagra …').waitFor({ timeout: 15_000 });
    await bo.page.reload();
    await notice.getByText('Opnar den siste lagra utgåva og sjekkar kva som ikkje vart lagra …').waitFor();
    expect(await drafted(bo, 'Eit utkast som blir avvist').count()).toBe(0);

    release();
    await bo.page.reload();
    await notice.getByRole('listitem').first().waitFor({ timeout: 15_000 });
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Eit utkast som blir avvist']);
    expect(await notice.getByRole('alert').textContent()).toContain('ho hadde innhald som verkstaden ikkje tek imot');
    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    expect(await drafted(bo, 'Eit utkast som blir avvist').count()).toBe(0);
    expect(await drafted(anne, 'Eit utkast som blir avvist').count()).toBe(0);
    // Listed once: the next visit has nothing to tell.
    await bo.page.reload();
    await status(bo).filter({ hasText: 'Lagra og oppdatert' }).waitFor();
    expect(await notice.count()).toBe(0);
    expectNoProblems(world);
  }, 90_000);
});
