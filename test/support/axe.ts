import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's window, untyped without the DOM library
declare const window: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's document, untyped without the DOM library
declare const document: any;

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core injected into the page (the `@axe-core/playwright` wrapper needs Node 22): its serious
 * and critical violations, one line each. The page's context must bypass the CSP, which forbids
 * the inline script axe is injected as.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(() =>
    window.axe.run(document).then((r: { violations: unknown[] }) => r.violations),
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** How far the page scrolls sideways, in CSS pixels: 0 when it fits its viewport. */
export function sideScroll(page: Page): Promise<number> {
  return page.evaluate<number>(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
