import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { jsonForScript } from '../../apps/service/src/reader-page/html';
import { seriousViolations, sideScroll } from '../support/axe';
import { collectErrors, DESKTOP, launchChromium, PHONE, screenshot } from '../support/browser';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { seedIstanbul } from '../support/seed-sample';
import { created, listen, startTestApp, TestApp } from '../support/test-app';

// Code passed to page.evaluate runs in the browser; the project's tsconfig has no DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's window, untyped without the DOM library
declare const window: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's document, untyped without the DOM library
declare const document: any;
declare const getComputedStyle: (element: unknown) => { outlineStyle: string };

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

/**
 * The reader page in a real Chromium, against the real service (in-process, in-memory PGlite)
 * loaded with the Istanbul sample through the seed command's own code.
 */
describe('reader page in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let storyId: string;
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  const post = (path: string, body: unknown) => created(t, path, body);
  const caughtUp = async (position: number) => {
    await t.http().get(`/timeline/2025-05-16?minPosition=${position}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
  };

  /** `forAxe`: the page's CSP is bypassed, only so that axe-core can be injected as an inline script. */
  async function open(path: string, viewport = DESKTOP, forAxe = false): Promise<Page> {
    context = await browser.newContext({ viewport, bypassCSP: forAxe });
    const page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(`${base}${path}`);
    return page;
  }

  beforeAll(async () => {
    // First: without Chromium the suite fails here, with the message that says how to get it.
    browser = await launchChromium();
    t = await startTestApp();
    base = await listen(t);
    const seeded = await seedIstanbul(base);
    storyId = seeded.storyId;
    await caughtUp(seeded.position);
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the Istanbul story's May 12 and May 16 entries, honestly dated, at desktop and phone widths", async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await open('/', viewport);
      const may16 = page.locator('section#day-2025-05-16');
      await expect(may16.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Friday 16 May 2025');
      const talks = may16.locator('li.entry', {
        has: page.getByRole('heading', { name: 'Ukrainian and Russian delegations open direct talks in Istanbul' }),
      });
      await expect(talks.locator('.when').textContent()).resolves.toBe('On 16 May 2025');
      await expect(talks.locator('.kind').textContent()).resolves.toBe('Talks');
      await expect(talks.locator('dl.facts').textContent()).resolves.toContain('Istanbul, TR');
      // The article does not date the proposal itself: it sits on the last day it can have happened, under a heading that says so.
      const ceasefire = may16.locator('li.entry', {
        has: page.getByRole('heading', { name: 'Kyiv and allies urge an unconditional ceasefire from 12 May' }),
      });
      // The v2 seed says the proposal came on or before 16 May.
      await expect(ceasefire.locator('.when').textContent()).resolves.toMatch(/^On or before 16 May 2025/);
      expect(await ceasefire.isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'Russia rejects the unconditional ceasefire' }).isVisible()).toBe(true);
      // Whom a fact rests on is said in words under its headline.
      const welcome = page.locator('li.entry', {
        has: page.getByRole('heading', { name: 'Turkish hosts expected to welcome the delegations, then leave' }),
      });
      await expect(welcome.locator('.fact-words').textContent()).resolves.toMatch(/reportedly|citing a source|according to/i);
      await expect(welcome.locator('.when').textContent()).resolves.toMatch(/^On 16 May 2025/);
      // Readable on a phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `reader-page-${name}`);
      await screenshot(page, `reader-page-${name}-first-screen`, false);
      // The first Tab reaches the skip link, and focus is visible.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).toBe('solid');
      expect(errors).toEqual([]);
      await context!.close();
      context = undefined;
    }
    // The Istanbul talks' own days (the README's images come from scripts/screenshots.mjs).
    const days = await open('/?from=2025-05-01&to=2025-05-16');
    await expect(days.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Timeline, 1 May 2025 to 16 May 2025');
    await screenshot(days, 'reader-page-istanbul-days-first-screen', false);
    expect(errors).toEqual([]);
  });

  it('facts lead each day and story updates follow them; the story page lists facts by date; at 1280 and 390 px nothing scrolls sideways and axe finds nothing serious', async () => {
    // A fact of today, and a story written and revised today: the sample's revisions sit on the
    // days they were published (editorial time, 2025), so today's page needs updates of its own.
    const today = new Date().toISOString().slice(0, 10);
    const probe = await post('/stories', story({ headline: 'Updates probe' }));
    const revised = await post(`/stories/${probe.id}/revisions`, {
      expectedRevision: 1,
      body: 'Probe body, revised.',
      changeNote: 'probe',
    });
    await caughtUp(revised.position);
    const fact = await post(
      '/diplomatic-events',
      diplomaticEvent({ title: 'Updates probe: a fact of today', when: onDay(today), storyIds: [storyId] }),
    );
    await caughtUp(fact.position);
    const problems: string[] = [];
    const check = async (page: Page, name: string, width: number) => {
      problems.push(...(await seriousViolations(page)).map((p) => `${name} at ${width}px: ${p}`));
      const overflow = await sideScroll(page);
      if (overflow > 0) problems.push(`${name} at ${width}px scrolls sideways by ${overflow}px`);
    };
    // Per day, its facts ('f') and story update lines ('u') in document order.
    const dayOrder = (page: Page) =>
      page.evaluate<string[]>(() =>
        [...document.querySelectorAll('section.day')].map(
          (d: { querySelectorAll: (s: string) => { classList: { contains: (c: string) => boolean } }[] }) =>
            [...d.querySelectorAll('li.entry, li.update')].map((i) => (i.classList.contains('update') ? 'u' : 'f')).join(''),
        ),
      );
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open('/?from=2025-05-16&to=2025-05-16', viewport, true);
      await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('Friday 16 May 2025');
      const may16 = await dayOrder(page);
      expect(may16[0]).toMatch(/^f+u*$/);
      await check(page, '16 May', viewport.width);
      await screenshot(page, `timeline-2025-05-16-${viewport.width}`, false);

      await page.goto(`${base}/?from=${today}&to=${today}`);
      expect(await dayOrder(page)).toEqual([expect.stringMatching(/^f+u+$/)]);
      const strip = page.locator(`#updates-${today}`);
      await expect(strip.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Story updates');
      // One line per story, with its latest change.
      expect(await strip.locator('li.update').count()).toBe(1);
      await expect(strip.locator('li.update').textContent()).resolves.toContain('latest of 2 this day');
      await check(page, 'today', viewport.width);

      await page.goto(`${base}/stories/${storyId}`);
      const days = await page
        .locator('#facts li.story-fact')
        .evaluateAll((items: { getAttribute: (a: string) => string }[]) => items.map((i) => i.getAttribute('data-day')));
      expect(days.length).toBeGreaterThanOrEqual(21);
      expect(days).toEqual([...days].sort());
      const titles = await page.locator('#facts li.story-fact > a').allTextContents();
      expect(titles).not.toEqual([...titles].sort());
      await check(page, 'story', viewport.width);
      await screenshot(page, `story-page-${viewport.width}`, false);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the "as of" control shows the timeline as it was known at an earlier instant', async () => {
    const first = await post(
      '/diplomatic-events',
      diplomaticEvent({ title: 'As-of probe: known early', when: onDay('2025-05-14', { timezone: 'Europe/Istanbul' }) }),
    );
    const recordedAt = Date.parse(
      ((await t.http().get(`/diplomatic-events/${first.id}`).expect(200)).body as { recordedAt: string }).recordedAt,
    );
    // The form takes whole seconds: the next whole second after the first write is after it,
    // and before the second write once the clock has passed it.
    const asOf = new Date(Math.floor(recordedAt / 1000) * 1000 + 1000);
    while (Date.now() <= asOf.getTime()) await new Promise((r) => setTimeout(r, 50));
    const second = await post(
      '/diplomatic-events',
      diplomaticEvent({ title: 'As-of probe: known later', when: onDay('2025-05-14', { timezone: 'Europe/Istanbul' }) }),
    );
    await caughtUp(second.position);

    const page = await open('/?from=2025-05-14&to=2025-05-14');
    expect(await page.getByRole('heading', { name: 'As-of probe: known early' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'As-of probe: known later' }).isVisible()).toBe(true);
    await page.getByLabel('As of (UTC)').fill(asOf.toISOString().slice(0, 19));
    await Promise.all([page.waitForURL(/asOf=/), page.getByRole('button', { name: 'Show' }).click()]);
    // The same instant: Chromium's datetime-local leaves ":00" seconds out of what it submits.
    const submitted = new URL(page.url()).searchParams.get('asOf');
    expect({ submitted, at: Date.parse(`${submitted}Z`) }).toEqual({ submitted, at: asOf.getTime() });
    await expect(page.locator('#as-of-notice').textContent()).resolves.toContain(`Showing what was known at`);
    expect(await page.getByRole('heading', { name: 'As-of probe: known early' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'As-of probe: known later' }).count()).toBe(0);
    await screenshot(page, 'reader-page-as-of');
    // Back to now.
    await Promise.all([
      page.waitForURL((u) => !u.searchParams.has('asOf')),
      page.getByRole('link', { name: 'Show what we know now' }).click(),
    ]);
    expect(await page.getByRole('heading', { name: 'As-of probe: known later' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a diplomatic event recorded after the page loaded appears without a reload, and leaves when retracted', async () => {
    const page = await open('/');
    await page.waitForSelector('#timeline[data-live-state="open"]');
    await page.evaluate(() => (window.__loadedOnce = true));
    const live = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Live probe: delegations agree to meet again',
        kind: 'agreement',
        when: onDay('2025-05-16', { timezone: 'Europe/Istanbul' }),
        location: { name: 'Istanbul', country: 'TR' },
        storyIds: [storyId],
      }),
    );
    const entry = page.locator(`section#day-2025-05-16 li#event-${live.id}`);
    await entry.waitFor({ state: 'visible' });
    await expect(entry.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Live probe: delegations agree to meet again');
    expect(await entry.getAttribute('class')).toContain('is-new');
    await expect(page.locator('#live-status').textContent()).resolves.toBe('New: Live probe: delegations agree to meet again');
    // Same document: no reload happened.
    expect(await page.evaluate(() => window.__loadedOnce)).toBe(true);
    await screenshot(page, 'reader-page-live-update');

    await post(`/diplomatic-events/${live.id}/retraction`, { expectedVersion: 1, reason: 'test probe' });
    await entry.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__loadedOnce)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a hostile title is shown as text and never runs, rendered by the server or pushed live', async () => {
    const page = await open('/?from=2025-05-15&to=2025-05-15');
    await page.waitForSelector('#timeline[data-live-state="open"]');
    const hostile = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: HOSTILE,
        when: onDay('2025-05-15'),
        participants: [{ name: HOSTILE }],
        quotes: [{ text: HOSTILE, speaker: HOSTILE, speakerInferred: true }],
      }),
    );
    const pushed = page.locator(`li#event-${hostile.id}`);
    await pushed.waitFor({ state: 'visible' });
    const check = async (p: Page, rendered: 'live' | 'server') => {
      await expect(p.locator(`li#event-${hostile.id} h3`).textContent()).resolves.toBe(HOSTILE);
      await expect(p.locator(`li#event-${hostile.id} dl.facts li`).first().textContent()).resolves.toContain(HOSTILE);
      expect(await p.locator('img[src="x"]').count()).toBe(0);
      expect(await p.evaluate(() => [...document.scripts].map((s: { type: string; src: string }) => s.type || s.src))).toEqual([
        'application/ld+json',
        `${base}/assets/reader.js`,
      ]);
      expect(await p.evaluate(() => window.__pwned)).toBeUndefined();
      if (rendered === 'live') return;
      // JSON-LD (rendered by the server) keeps the title as data.
      const ld = JSON.parse((await p.locator('script[type="application/ld+json"]').textContent())!) as {
        itemListElement: { item: { name: string } }[];
      };
      expect(ld.itemListElement.map((i) => i.item.name)).toContain(HOSTILE);
    };
    await check(page, 'live');
    await page.reload();
    await check(page, 'server');
    expect(errors).toEqual([]);
  });

  it('the story page shows the revision history and a word diff of any two revisions', async () => {
    const page = await open(`/stories/${storyId}`);
    const sample = JSON.parse(readFileSync('data/seed/istanbul-talks.json', 'utf8')) as { story: { revisions: { headline: string }[] } };
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(sample.story.revisions.at(-1)!.headline);
    expect(await page.locator('table tbody tr').count()).toBe(5);
    // A punctuation fix is an update, not a correction.
    await expect(page.locator('tr#revision-5').textContent()).resolves.toContain('Update');
    // The default diff is the latest change: the fix 'U.S' -> 'U.S.'.
    await expect(page.locator('#diff-summary').textContent()).resolves.toContain(
      'Changes from revision 4 to revision 5 (spacing or punctuation only)',
    );
    await expect(page.locator('#diff-body ins').allTextContents()).resolves.toEqual([expect.stringContaining('.')]);
    await page.getByLabel('From revision', { exact: true }).selectOption('1');
    await page.getByLabel('To revision', { exact: true }).selectOption('3');
    await Promise.all([page.waitForURL(/from=1&to=3/), page.getByRole('button', { name: 'Compare' }).click()]);
    await expect(page.locator('#diff-summary').textContent()).resolves.toContain('Changes from revision 1 to revision 3');
    expect(await page.locator('#diff-headline ins').count()).toBeGreaterThan(0);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      '@type': string;
      correction?: unknown[];
    };
    expect(ld['@type']).toBe('NewsArticle');
    // The sample has no correction (test/e2e/reader-page.e2e-spec.ts covers a story that has one).
    expect(ld.correction).toBeUndefined();
    await screenshot(page, 'story-page-desktop');
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'story-page-phone');
    expect(errors).toEqual([]);
  });

  it('the TimelineJS export loads in the real TimelineJS library, one slide per entry, with no console errors', async () => {
    const exported = await fetch(`${base}/timeline/export/timelinejs?from=2025-05-01&to=2025-05-16`);
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as { events: { unique_id: string; text: { headline: string } }[] };
    const timeline = await t.http().get('/timeline?from=2025-05-01&to=2025-05-16').expect(200);
    // A date a fact is about has no slide of its own: the fact's slide names it ("Names a date").
    const entries = (timeline.body as { days: { entries: { type: string }[] }[] }).days
      .flatMap((d) => d.entries)
      .filter((e) => e.type !== 'about-date').length;
    expect(data.events).toHaveLength(entries);
    expect(entries).toBeGreaterThanOrEqual(21);

    // TimelineJS from node_modules, on a made-up origin; nothing else may load (font: null keeps
    // it from fetching its default Google fonts).
    const dist = resolve('node_modules/@knight-lab/timelinejs/dist');
    const types: Record<string, string> = {
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
      '.woff': 'font/woff',
      '.woff2': 'font/woff2',
      '.ttf': 'font/ttf',
      '.svg': 'image/svg+xml',
      '.eot': 'application/vnd.ms-fontobject',
    };
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS export</title>
<link rel="stylesheet" href="/dist/css/timeline.css"><script src="/dist/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 100%; height: 640px"></div>
<script>window.TIMELINE_DATA = ${jsonForScript(data).value};
window.timeline = new TL.Timeline('timeline-embed', window.TIMELINE_DATA, { script_path: 'http://timelinejs.test/dist/js/', font: null });</script></body></html>`;
    context = await browser.newContext({ viewport: DESKTOP });
    const outside: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.host !== 'timelinejs.test') {
        outside.push(url.href);
        return route.abort();
      }
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
      const file = join(dist, url.pathname.replace(/^\/dist\//, ''));
      if (!file.startsWith(dist)) return route.abort();
      try {
        return await route.fulfill({ contentType: types[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    const page = await context.newPage();
    errors = collectErrors(page);
    await page.goto('http://timelinejs.test/');
    await page.waitForFunction((n) => document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)').length === n, data.events.length);
    expect(await page.locator('.tl-slide-titleslide').count()).toBe(1);
    expect(await page.evaluate(() => window.timeline.config.events.length)).toBe(data.events.length);
    // The hostile title of the earlier test is text in TimelineJS too.
    const hostileSlide = data.events.find((e) => e.text.headline.includes('&lt;script&gt;'));
    if (hostileSlide) {
      await expect(page.locator(`#${hostileSlide.unique_id} .tl-headline`).first().textContent()).resolves.toBe(HOSTILE);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    }
    await screenshot(page, 'timelinejs-export');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
