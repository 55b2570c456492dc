/**
 * Launching Debian's Chromium for browser tests, and watching pages for trouble.
 *
 * Playwright refuses `--user-data-dir` in `args` for `launch()`; it creates a fresh temporary
 * profile per launch itself (and deletes it on close), which is what we want.
 */
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Without the background-networking flags Chromium floods the closed network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
}

/** Page-side listener: CSP violations also reach `console.error`, with the directive named. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});`;

export interface PageWatch {
  /** Console errors and warnings, uncaught exceptions and CSP violations, each as one line. */
  problems: string[];
  /** From now on, ignore console messages matching `expected` (a test provokes them on purpose). */
  allow(expected: (m: ConsoleMessage) => boolean): void;
}

/**
 * Collects console errors/warnings, page errors and CSP violations of `page`, except console
 * messages a test provokes on purpose and declares through `expected` or `allow()` (e.g.
 * Chromium's "Failed to load resource" line for an API answer of 404 that the UI then explains).
 */
export async function watchPage(page: Page, expected?: (m: ConsoleMessage) => boolean): Promise<PageWatch> {
  const allowed = expected ? [expected] : [];
  const watch: PageWatch = { problems: [], allow: (e) => void allowed.push(e) };
  await page.addInitScript(REPORT_CSP_VIOLATIONS);
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !allowed.some((e) => e(m))) {
      watch.problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
    }
  });
  page.on('pageerror', (err) => watch.problems.push(`pageerror: ${err.message}`));
  return watch;
}

/** Chromium's console line for an API call answered with an error status the test meant. */
export const apiErrorStatus =
  (...statuses: number[]) =>
  (m: ConsoleMessage): boolean =>
    m.type() === 'error' &&
    new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/api/') &&
    statuses.some((s) => m.text().includes(`status of ${s}`));

/** The focused element through open shadow roots, as `tag: text` (`none` when nothing is). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim()}` : 'none';
  });
}
