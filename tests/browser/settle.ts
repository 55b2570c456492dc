/**
 * Before axe measures colours: the pointer parked in a corner (a tooltip opened by wherever the
 * last click left the mouse is fading in, half transparent) and every finite animation in the
 * page, shadow trees included, run to its end.
 */
import type { Page } from 'playwright-core';
import { expectAxeClean } from './axe.js';

export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    // A frame for hover changes to start their transitions, then wait for them.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // document.getAnimations() leaves out what runs inside shadow trees (a Shoelace dialog's
    // fade-in), so every shadow root is asked too.
    const all = new Set(document.getAnimations());
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        el.shadowRoot.getAnimations().forEach((a) => all.add(a));
        visit(el.shadowRoot);
      }
    };
    visit(document);
    const finite = [...all].filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** `expectAxeClean` once the page has settled. */
export async function axeClean(page: Page): Promise<void> {
  await settle(page);
  await expectAxeClean(page);
}
