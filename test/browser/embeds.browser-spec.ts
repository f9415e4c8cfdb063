import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { seriousViolations, sideScroll } from '../support/axe';
import { collectErrors, DESKTOP, launchChromium, screenshot } from '../support/browser';
import { seedIstanbul } from '../support/seed-sample';
import { startTestApp, TestApp } from '../support/test-app';

// Code passed to page.evaluate runs in the browser; the project's tsconfig has no DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's document, untyped without the DOM library
declare const document: any;

const SLUG = 'istanbul-peace-talks-2025';
const NARROW = { width: 320, height: 640 };

/**
 * A newsroom's article page on another origin: a second HTTP server of the test's own, which
 * serves the embed snippet exactly as oEmbed answers it, between two paragraphs.
 */
async function articleServer(snippet: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url !== '/article') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title><link rel="icon" href="data:,">
<style>body { margin: 0; font-family: sans-serif; } main { padding: 8px; }</style></head>
<body><main><h1>Talks in Istanbul: our report</h1><p id="before">The article's own text comes first.</p>
${snippet()}
<p id="after">And the article goes on.</p></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A port nothing listens on now, for a service that must know its address before it listens. */
async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The iframe's height on the host page and the height of the document inside it, CSS pixels. */
async function heights(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
  const iframe = await page.evaluate<number>(() => document.querySelector('iframe[data-dateline-embed]').getBoundingClientRect().height);
  const content = await frame.evaluate<number>(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { iframe, content };
}

/**
 * The story's timeline and its embed in a real Chromium: the Istanbul sample's timeline page, and
 * the embed inside an article served from another origin (framed, sized to its content by its
 * postMessage script, links opening outside the frame), refused on an origin not configured.
 */
describe('story timeline and embeds in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let snippet = '';
  let allowed: { server: Server; origin: string };
  let refused: { server: Server; origin: string };
  let context: BrowserContext | undefined;
  let errors: string[] = [];

  async function open(url: string, viewport = DESKTOP, forAxe = false): Promise<Page> {
    context = await browser.newContext({ viewport, bypassCSP: forAxe });
    const page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(url);
    return page;
  }

  /** The embed's frame on a host page, once the host script has sized it. */
  async function sizedEmbed(page: Page): Promise<Frame> {
    await page.waitForSelector('iframe[data-dateline-embed][data-dateline-sized="yes"]', { state: 'attached' });
    const frame = page.frames().find((f) => f.url().startsWith(`${base}/embed/stories/`));
    expect(frame).toBeDefined();
    return frame!;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    // The article servers first: the service is configured with the allowed one's origin.
    allowed = await articleServer(() => snippet);
    refused = await articleServer(() => snippet);
    // The service's own address must be known before it starts: its snippets name it (DATELINE_PUBLIC_URL's default).
    const port = await freePort();
    t = await startTestApp({ embedOrigins: [allowed.origin], env: { PORT: String(port) } });
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    expect(t.settings.publicUrl).toBe(base);
    const seeded = await seedIstanbul(base);
    await t.http().get(`/stories/${SLUG}/timeline?minPosition=${seeded.position}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
    // The snippet as a consumer gets it: through oEmbed, for the story's address.
    const oembed = await fetch(`${base}/oembed?url=${encodeURIComponent(`${base}/stories/${SLUG}`)}&format=json`);
    snippet = ((await oembed.json()) as { html: string }).html;
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    for (const s of [allowed, refused]) await new Promise((resolve) => s?.server.close(resolve));
  });

  it("shows the Istanbul story's timeline: its facts by date, oldest day first, its revisions marked, reached from the story page", async () => {
    const story = await open(`${base}/stories/${SLUG}`);
    await story.getByRole('link', { name: 'The story’s timeline' }).click();
    await story.waitForURL(`${base}/stories/${SLUG}/timeline`);
    const page = story;
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(h1).toMatch(/^Timeline: Trump plays down the Istanbul talks/);
    // The same entries, in the same order, as the JSON of the same address.
    const json = (await (await fetch(`${base}/stories/${SLUG}/timeline`)).json()) as {
      days: { date: string; entries: { type: string; id: string; revision?: number }[] }[];
    };
    const days = await page
      .locator('section.day')
      .evaluateAll((sections: { getAttribute(n: string): string }[]) => sections.map((s) => s.getAttribute('data-date')));
    expect(days).toEqual(json.days.map((d) => d.date));
    expect(days).toEqual([...days].sort());
    const ids = await page
      .locator('li.entry, li.update')
      .evaluateAll((items: { getAttribute(n: string): string }[]) => items.map((i) => i.getAttribute('id')));
    expect(ids).toEqual(
      json.days.flatMap((d) =>
        d.entries.map((e) =>
          e.type === 'story-revision' ? `story-${e.id}-r${e.revision}` : `event-${e.id.replace('/about/', '-about-')}`,
        ),
      ),
    );
    // 16 May: the talks as the report dates them, and the story's five revisions after the day's facts.
    const may16 = page.locator('section#day-2025-05-16');
    const talks = may16.locator('li.entry', {
      has: page.getByRole('heading', { name: 'Ukrainian and Russian delegations open direct talks in Istanbul' }),
    });
    await expect(talks.locator('.when').textContent()).resolves.toBe('On 16 May 2025');
    const marks = may16.locator('li.revision-mark');
    await expect(marks.count()).resolves.toBe(5);
    await expect(marks.first().locator('.kind').textContent()).resolves.toBe('Published');
    await expect(marks.last().textContent()).resolves.toMatch(/Updated\s+Revision 5\s+published 14:50 UTC: Punctuation only/);
    // The date the ceasefire proposal names sits on 12 May, as on the global timeline.
    await expect(page.locator('section#day-2025-05-12').getByRole('heading', { level: 3 }).first().textContent()).resolves.toMatch(
      /ceasefire/i,
    );
    expect(errors).toEqual([]);
    await screenshot(page, 'story-timeline-desktop');
  });

  it('has no serious accessibility violation on the story timeline and the embed, and neither scrolls sideways at 320 px', async () => {
    for (const path of [`/stories/${SLUG}/timeline`, `/embed/stories/${SLUG}`]) {
      const desktop = await open(`${base}${path}`, DESKTOP, true);
      expect([path, await seriousViolations(desktop)]).toEqual([path, []]);
      await context!.close();
      const narrow = await open(`${base}${path}`, NARROW, true);
      expect([path, await seriousViolations(narrow)]).toEqual([path, []]);
      expect([path, await sideScroll(narrow)]).toEqual([path, 0]);
      await screenshot(narrow, `${path.startsWith('/embed') ? 'embed' : 'story-timeline'}-320`);
      await context!.close();
      context = undefined;
    }
  });

  it('is framed by an article on the configured origin, sized to its content by its script, its links opening outside the frame', async () => {
    const page = await open(`${allowed.origin}/article`);
    const frame = await sizedEmbed(page);
    await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Trump plays down the Istanbul talks/);
    // Sized to its content: the whole timeline shows, with nothing to scroll inside the frame.
    const sized = await heights(page, frame);
    expect(sized.iframe).toBeGreaterThan(600);
    expect(Math.abs(sized.iframe - sized.content)).toBeLessThanOrEqual(1);
    expect(
      await frame.evaluate<number>(() => document.documentElement.scrollHeight - document.documentElement.clientHeight),
    ).toBeLessThanOrEqual(1);
    await screenshot(page, 'embed-in-article-desktop', false);
    // A narrower page makes the embed taller: the frame follows.
    await page.setViewportSize(NARROW);
    await page.waitForFunction(
      (before: number) => document.querySelector('iframe[data-dateline-embed]').getBoundingClientRect().height > before,
      sized.iframe,
    );
    const narrow = await heights(page, frame);
    expect(Math.abs(narrow.iframe - narrow.content)).toBeLessThanOrEqual(1);
    expect(await sideScroll(page)).toBe(0);
    expect(await frame.evaluate<number>(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'embed-in-article-320');
    // A link opens a new tab on Dateline; the article and its frame stay where they were.
    const [opened] = await Promise.all([context!.waitForEvent('page'), frame.locator('#full-timeline').click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${base}/stories/${SLUG}/timeline`);
    expect(frame.url()).toBe(`${base}/embed/stories/${SLUG}`);
    expect(page.url()).toBe(`${allowed.origin}/article`);
    expect(errors).toEqual([]);
  });

  it('is refused, not rendered in the frame, on an origin that is not configured', async () => {
    const page = await open(`${refused.origin}/article`);
    await page.waitForLoadState('load');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // Chromium puts its own error page in the frame: none of the embed's content is there, and nothing sized it.
    await expect(frame!.locator('#embed-h').count()).resolves.toBe(0);
    expect(frame!.url()).not.toBe(`${base}/embed/stories/${SLUG}`);
    expect(await page.locator('iframe[data-dateline-embed]').getAttribute('data-dateline-sized')).toBeNull();
    expect(await page.evaluate<number>(() => document.querySelector('iframe[data-dateline-embed]').getBoundingClientRect().height)).toBe(
      600,
    );
    expect(errors.join('\n')).toMatch(/frame-ancestors/);
  });
});
