import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium; DATELINE_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.DATELINE_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the system's Chromium through playwright-core. Without it the browser suite fails (it
 * is never skipped) and says how to get it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there.\n` +
        'Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu; .ci/run does this)\n' +
        'or point DATELINE_CHROMIUM at another Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Everything a page reports as an error: console errors, uncaught exceptions, failed requests. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A live stream cut when the test closes the page is not an error of the page.
    if (!r.url().includes('/timeline/stream')) errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return errors;
}

/** Saves a screenshot under test-artifacts/ (gitignored): the whole page, or what the viewport shows. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const path = `test-artifacts/${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The console errors collected from a test's pages, less the "failed to load resource" lines of
 * the 4xx statuses a desk page answers on purpose (a form's problems, a conflict, a sign-in
 * again): what is left (a CSP refusal, a script error) fails the test that caused it.
 */
export function unexpectedErrors(errors: string[][], expectedStatuses: readonly number[]): string[] {
  const expected = new RegExp(`^console: Failed to load resource: the server responded with a status of (${expectedStatuses.join('|')}) `);
  return errors
    .splice(0)
    .flat()
    .filter((e) => !expected.test(e));
}
