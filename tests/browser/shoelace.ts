/**
 * Browser-test helpers for pages built with Shoelace.
 *
 * `focusedControl`: like `focused()` in chromium.ts, but stops at a Shoelace host (`sl-button`):
 * its inner `<button>` holds only `<slot>`s, so the host's text (less what is `aria-hidden`) is what
 * the user hears.
 *
 * `dialogNamed`: an open `<sl-dialog>` with that accessible name. Its role="dialog" panel lives in
 * the dialog's shadow root and its content is slotted in, so the content is no DOM descendant of
 * the panel: scope to the host instead (the accessibility tree nests them as users meet them).
 *
 * `dialogShown`: waits until a dialog is open and its opening animation has ended (while it fades
 * in, axe would measure the half-transparent text's contrast).
 *
 * `watchOrigin`: collects every request a page makes outside `base` (a self-hosted app makes none;
 * Shoelace would load icons from a CDN unless told otherwise).
 */
import type { Locator, Page } from 'playwright-core';

export function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement && !el.localName.startsWith('sl-')) el = el.shadowRoot.activeElement;
    if (!el) return 'none';
    const heard = el.cloneNode(true) as Element;
    for (const hidden of heard.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return `${el.localName}: ${(heard.textContent ?? '').trim()}`;
  });
}

export function dialogNamed(page: Page, name: string): Locator {
  return page.locator('sl-dialog', { has: page.getByRole('dialog', { name, exact: true }) });
}

export async function dialogShown(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await dialog.evaluate((el) => Promise.all((el.shadowRoot?.getAnimations() ?? []).map((a) => a.finished)));
}

export function watchOrigin(page: Page, base: string): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`)) outside.push(r.url());
  });
  return outside;
}
