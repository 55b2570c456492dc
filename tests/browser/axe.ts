/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules in a page, shadow DOM included.
 *
 * `page.addScriptTag({ path })` would add an inline `<script>`, which the app's CSP
 * (`script-src 'self'`) rightly blocks; evaluating the source through the DevTools protocol is not
 * subject to the page's CSP, so axe is injected that way.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's reason per element (e.g. the contrast it measured). */
  why: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
      why: v.nodes.map((n) => n.failureSummary ?? ''),
    }));
  });
}

/** Fails with the list of violations, so a failure names the rule and the element. */
export async function expectAxeClean(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe found WCAG violations on ${page.url()}:\n${JSON.stringify(violations, null, 2)}`);
}
