import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations, sideScroll } from '../support/axe';
import { collectErrors, DESKTOP, launchChromium, PHONE } from '../support/browser';
import { seedIstanbul } from '../support/seed-sample';
import { listen, startTestApp, TestApp } from '../support/test-app';

/**
 * Search from the reader page's search box in a real Chromium, against the real service
 * (in-process, in-memory PGlite) loaded with the Istanbul sample.
 */
describe('search in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  /**
   * Without JavaScript, as the search must work so; `forAxe`: with it, and the page's CSP
   * bypassed, only so that axe-core can be injected as an inline script.
   */
  async function open(path: string, viewport = DESKTOP, forAxe = false): Promise<Page> {
    context = await browser.newContext({ viewport, bypassCSP: forAxe, javaScriptEnabled: forAxe });
    const page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(`${base}${path}`);
    return page;
  }

  /** Types into the reader page's search box and submits it, as a reader does. */
  async function searchFromReaderPage(page: Page, words: string): Promise<void> {
    await page.getByRole('search', { name: 'Search facts and stories' }).getByLabel('Search').fill(words);
    await Promise.all([page.waitForURL(/\/search\?q=/), page.getByRole('button', { name: 'Search' }).click()]);
  }

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    base = await listen(t);
    const seeded = await seedIstanbul(base);
    await t.http().get(`/search?q=Rubio&minPosition=${seeded.position}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds "Rubio" from the search box (without JavaScript), marks the name and links each fact to its day', async () => {
    const page = await open('/');
    await searchFromReaderPage(page, 'Rubio');
    expect(new URL(page.url()).search).toBe('?q=Rubio');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Search');
    await expect(page.locator('#search-status').textContent()).resolves.toBe('Results for “Rubio”, best first.');
    const result = page.locator('li.result', {
      has: page.getByRole('link', { name: 'Rubio says he will not meet the Russian delegates himself' }),
    });
    await expect(result.count()).resolves.toBe(1);
    await expect(result.locator('dl.why dt').first().textContent()).resolves.toBe('Title');
    await expect(result.locator('mark').first().textContent()).resolves.toBe('Rubio');
    const href = await result.getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/\?from=2025-05-16&to=2025-05-16#event-[0-9a-f-]{36}$/);
    // The link leads to the fact on its day's page.
    await Promise.all([page.waitForURL(/from=2025-05-16/), result.getByRole('link').click()]);
    await expect(page.locator(href!.slice(href!.indexOf('#'))).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('finds a word of a quote and says the quote matched', async () => {
    const page = await open('/');
    await searchFromReaderPage(page, 'associations');
    const result = page.locator('li.result', {
      has: page.getByRole('link', { name: 'Yermak: Istanbul is all the talks share with 2022' }),
    });
    await expect(result.count()).resolves.toBe(1);
    const quotes = result.locator('dl.why dd', { has: page.locator('mark', { hasText: 'associations' }) });
    await expect(quotes.count()).resolves.toBe(1);
    await expect(result.locator('dl.why dt').allTextContents()).resolves.toContain('Quotes');
    // The results page keeps the words in its own search box.
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('associations');
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation on the results page, and fits a phone', async () => {
    const page = await open('/search?q=Zelensky', DESKTOP, true);
    await expect(page.locator('li.result').count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const empty = await open('/search?q=nothingmatchesthis', DESKTOP, true);
    await expect(empty.locator('#search-status').textContent()).resolves.toBe('Nothing matches “nothingmatchesthis”.');
    expect(await seriousViolations(empty)).toEqual([]);
    const phone = await open('/search?q=ceasefire', PHONE);
    expect(await sideScroll(phone)).toBe(0);
  });
});
