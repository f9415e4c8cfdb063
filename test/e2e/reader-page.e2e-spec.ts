import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import { created, startTestApp, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';

/**
 * The named landmarks of one of our pages, as "role: name": sections and divs with role=region
 * named by aria-label or aria-labelledby, navs, forms. (Our own markup, so a pattern will do.)
 */
function namedLandmarks(page: string): string[] {
  const text = (id: string) => page.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`))?.[1] ?? `#${id}?`;
  return [...page.matchAll(/<(section|nav|form|div|aside)\b([^>]*)>/g)].flatMap(([, tag, attrs]) => {
    const role =
      attrs.match(/role="([^"]+)"/)?.[1] ??
      ({ section: 'region', nav: 'navigation', form: 'form', aside: 'complementary' } as Record<string, string>)[tag];
    const name =
      attrs.match(/aria-label="([^"]+)"/)?.[1] ??
      (attrs.match(/aria-labelledby="([^"]+)"/)?.[1] ? text(attrs.match(/aria-labelledby="([^"]+)"/)![1]) : undefined);
    return role && name && ['region', 'navigation', 'form', 'complementary'].includes(role) ? [`${role}: ${name}`] : [];
  });
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]) as Record<string, unknown>,
  );
}

describe('reader page', () => {
  let t: TestApp;
  let storyId: string;
  let last: number;
  let talksId: string;
  let beforeHostile: string;

  const post = (path: string, body: unknown) => created(t, path, body);

  beforeAll(async () => {
    t = await startTestApp();
    const s = await post(
      '/stories',
      story({ slug: 'geneva-page', headline: 'Talks open in Geneva', body: 'Two delegations met on Tuesday.\n\nMore later.' }),
    );
    storyId = s.id;
    talksId = (await post('/diplomatic-events', diplomaticEvent({ storyIds: [storyId] }))).id;
    await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Envoys agree on a framework',
        kind: 'agreement',
        when: {
          precision: 'bounded',
          onOrAfter: '2024-03-01',
          onOrBefore: '2024-03-04',
          certainty: 'inferred',
          wording: 'earlier this week',
        },
        sources: [{ attribution: 'unnamed-source', name: 'Wire service', note: 'citing a source', url: 'javascript:alert(1)' }],
      }),
    );
    await post(`/stories/${storyId}/revisions`, {
      expectedRevision: 1,
      body: 'Two delegations met on Wednesday, and agreed to meet again.\n\nMore later.',
      changeNote: 'Added outcome',
    });
    await new Promise((r) => setTimeout(r, 5));
    beforeHostile = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await post('/diplomatic-events', diplomaticEvent({ title: HOSTILE, when: onDay('2024-03-06'), participants: [{ name: HOSTILE }] }));
    last = (
      await post(`/stories/${storyId}/revisions`, {
        expectedRevision: 2,
        headline: 'Talks open in Geneva.',
        changeNote: 'Fixed a typo in "Genva"',
        kind: 'correction',
      })
    ).position;
  });
  afterAll(async () => t.close());

  const page = async (path: string, status = 200) => {
    const res = await t.http().get(path).set('Accept', BROWSER_ACCEPT).expect(status);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    return res;
  };

  it('GET / is a complete, accessible page: lang, landmarks, one h1, labelled controls, a CSP', async () => {
    const res = await page(`/?minPosition=${last}`);
    const body = res.text;
    expect(body).toMatch(/^<!doctype html>\s*<html lang="en">/);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(body).toContain(landmark);
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    for (const id of ['from', 'to', 'asOf']) expect(body).toMatch(new RegExp(`<label for="${id}">[^<]+</label><input [^>]*id="${id}"`));
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('shows the days that have entries, newest first, and each fact with kind, date in words, attribution, place, participants, sources and quotes', async () => {
    const body = (await page(`/?minPosition=${last}`)).text;
    const days = [...body.matchAll(/<section class="day" id="day-(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
    // The span of 1 to 4 March sits on its last day, under "between" (docs/dates.md), no longer on 1 March.
    expect(days.slice(-3)).toEqual(['2024-03-06', '2024-03-05', '2024-03-04']);
    expect([...days].sort().reverse()).toEqual(days);
    const talks = body.slice(body.indexOf(`id="event-${talksId}"`));
    expect(talks).toMatch(/<span class="kind kind--talks">Talks<\/span>/);
    expect(talks).toContain('On 5 March 2024 at 10:00 (Europe/Zurich)');
    expect(talks).toContain('<dt>Place</dt><dd>Geneva, CH</dd>');
    expect(talks).toContain('Jane Doe <span class="detail">(Envoy, DE)</span>');
    expect(talks).toMatch(/<p class="fact-words">[^<]*reportedly, according to Local paper<\/p>/);
    expect(talks).toContain('“We came to talk.”');
    // A window of days is not filed on its first day: it sits on its last, under a heading that says so.
    expect(body).toContain('<h3 class="dating__h">Between 1 and 4 March 2024</h3>');
    expect(body).toContain('Between 1 and 4 March 2024 (inferred)');
    // An unnamed source behind a named outlet is said as such.
    expect(body).toContain('<p class="fact-words">Earlier this week · Wire service, citing a source</p>');
    // A source URL that is not http(s) never becomes a link.
    expect(body).not.toContain('javascript:alert');
  });

  it('escapes a hostile title everywhere, also inside the JSON-LD', async () => {
    const body = (await page(`/?minPosition=${last}`)).text;
    expect(body).not.toContain('<script>window.__pwned');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    const [list] = jsonLd(body);
    const names = (list.itemListElement as { item: { name: string } }[]).map((i) => i.item.name);
    expect(names).toContain(HOSTILE);
  });

  it('the timeline page carries schema.org Events with startDate, location and attendees', async () => {
    const [list] = jsonLd((await page(`/?from=2024-03-01&to=2024-03-05&minPosition=${last}`)).text);
    expect(list).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList', numberOfItems: 2 });
    const events = (list.itemListElement as { item: Record<string, unknown> }[]).map((i) => i.item);
    const talks = events.find((e) => e.identifier === talksId)!;
    expect(talks).toMatchObject({
      '@type': 'Event',
      name: 'Delegations open talks in Geneva',
      startDate: '2024-03-05T10:00:00+01:00',
      location: { '@type': 'Place', name: 'Geneva', address: { addressCountry: 'CH' } },
      attendee: [
        { '@type': 'Organization', name: 'Alpha delegation' },
        { '@type': 'Person', name: 'Jane Doe' },
      ],
    });
    const span = events.find((e) => e.name === 'Envoys agree on a framework')!;
    expect(span).toMatchObject({ startDate: '2024-03-01', endDate: '2024-03-04' });
    expect(span.description).toContain('Date: between 1 and 4 March 2024 (inferred).');
    expect(span.description).toContain('Attribution: Wire service, citing a source.');
  });

  it("a day's story revisions follow its facts as one line per story, with the latest change", async () => {
    const body = (await page(`/?minPosition=${last}`)).text;
    const today = /<div class="updates" id="updates-(\d{4}-\d{2}-\d{2})">/.exec(body)![1];
    const day = body.slice(body.indexOf(`<section class="day" id="day-${today}"`));
    const updates = day.slice(day.indexOf('<div class="updates"'), day.indexOf('</section>'));
    expect([...updates.matchAll(/<li class="update" id="([^"]+)"/g)].map((m) => m[1])).toEqual([`updates-${storyId}-${today}`]);
    expect(updates).toContain('<span class="kind kind--correction">Corrected</span>');
    expect(updates).toContain('revision 3');
    expect(updates).toContain('latest of 3 this day');
    expect(updates).toContain('Fixed a typo in &quot;Genva&quot;');
    // No revision is an entry of its own among the facts.
    expect(body).not.toContain('entry--story-revision');
  });

  it('the story page lists its facts by date and order within the day, not by title', async () => {
    const s = await post('/stories', story({ slug: 'facts-in-order', headline: 'Facts in order' }));
    const later = await post('/diplomatic-events', diplomaticEvent({ title: 'A later fact', when: onDay('2024-04-09'), storyIds: [s.id] }));
    const earlier = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Z earlier fact, loosely dated',
        when: { precision: 'bounded', onOrAfter: '2024-03-20', onOrBefore: '2024-04-02', certainty: 'explicit' },
        storyIds: [s.id],
      }),
    );
    const timed = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'B same day, earlier hour',
        when: onDay('2024-04-09', { at: '2024-04-09T08:00:00+02:00' }),
        storyIds: [s.id],
      }),
    );
    const body = (await page(`/stories/${s.id}?minPosition=${timed.position}`)).text;
    const facts = body.slice(body.indexOf('id="facts"'), body.indexOf('id="history-h"'));
    expect([...facts.matchAll(/<li class="story-fact[^"]*" id="fact-([^"]+)"/g)].map((m) => m[1])).toEqual([
      earlier.id,
      timed.id,
      later.id,
    ]);
    expect([...facts.matchAll(/<h3 class="dating__h">([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      'Between 20 March and 2 April 2024',
      'Tuesday 9 April 2024',
    ]);
  });

  it('a date range and "as of" choose what is shown; as-of pages say so and do not go live', async () => {
    const range = (await page(`/?from=2024-03-01&to=2024-03-05&minPosition=${last}`)).text;
    expect(range).toContain('Envoys agree on a framework');
    expect(range).not.toContain('window.__pwned');
    expect(range).toContain('data-live="on"');
    const asOf = (await page(`/?from=2024-03-01&to=2024-03-06&asOf=${encodeURIComponent(beforeHostile)}`)).text;
    expect(asOf).toContain('Envoys agree on a framework');
    expect(asOf).not.toContain('window.__pwned');
    expect(asOf).toContain('Showing what was known at');
    expect(asOf).not.toContain('data-live="on"');
    expect(asOf).not.toContain('/assets/reader.js');
    // The form's datetime-local value (no offset) is read as UTC.
    const local = (await page(`/?asOf=2000-01-01T00:00`)).text;
    expect(local).toContain('1 January 2000, 00:00:00 UTC');
    expect(local).toContain('Nothing in this range was known yet at that instant.');
    // Empty form fields mean "not given".
    await page('/?from=&to=&asOf=');
  });

  it('pages through the days that have entries, newest first', async () => {
    const dates = Array.from({ length: 16 }, (_, i) => `2010-0${1 + Math.floor(i / 9)}-${String(1 + (i % 9) * 3).padStart(2, '0')}`);
    let position = 0;
    for (const date of dates)
      position = (await post('/diplomatic-events', diplomaticEvent({ title: `Day ${date}`, when: onDay(date) }))).position;
    const days = (body: string) => [...body.matchAll(/<section class="day" id="day-(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
    const first = (await page(`/?from=2010-01-01&to=2010-12-31&minPosition=${position}`)).text;
    const newest = [...dates].reverse();
    expect(days(first)).toEqual(newest.slice(0, 14));
    const older = /<a href="([^"]+)" rel="next">Older days<\/a>/.exec(first)![1].replace(/&amp;/g, '&');
    expect(older).toBe(`/?from=2010-01-01&to=2010-01-06`);
    const second = (await page(older)).text;
    expect(days(second)).toEqual(newest.slice(14));
    expect(second).not.toContain('rel="next"');
  });

  it('bad input is a 400 page naming the problem', async () => {
    expect((await page('/?from=2024-03-05&to=2024-03-01', 400)).text).toContain('from must not be after to');
    expect((await page('/?from=2024-02-30', 400)).text).toContain('from must be a real calendar date YYYY-MM-DD');
    expect((await page('/?asOf=yesterday', 400)).text).toContain('asOf must be a date and time');
    expect((await page('/?asOf=%3Cscript%3E', 400)).text).not.toContain('<script>');
  });

  it('GET /stories/:id: JSON by default, the story page for browsers; both vary on Accept', async () => {
    const json = await t.http().get(`/stories/${storyId}?minPosition=${last}`).expect(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.body).toMatchObject({ id: storyId, revision: 3 });
    expect(json.headers.vary).toMatch(/Accept/);
    const any = await t.http().get(`/stories/${storyId}`).set('Accept', '*/*').expect(200);
    expect(any.headers['content-type']).toMatch(/application\/json/);
    const html = await page(`/stories/${storyId}`);
    expect(html.headers.vary).toMatch(/Accept/);
    expect(html.text).toContain('<h1 id="story-h">Talks open in Geneva.</h1>');
    expect(html.text).toContain('<p>More later.</p>');
    // The JSON route still validates its own query; the page has its own.
    await t.http().get(`/stories/${storyId}?from=1&to=2`).expect(400);
    await t.http().get(`/stories/not-a-uuid`).expect(404);
  });

  it('the story page shows every revision and a word diff, the latest change by default', async () => {
    const body = (await page(`/stories/${storyId}`)).text;
    const rows = [...body.matchAll(/<tr id="revision-(\d+)">/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3]);
    expect(body).toContain('Fixed a typo in &quot;Genva&quot;');
    expect(body).toContain('Changes from revision 2 to revision 3 (spacing or punctuation only)');
    const diff = (await page(`/stories/${storyId}?from=1&to=2`)).text;
    expect(diff).toContain('Changes from revision 1 to revision 2.');
    expect(diff).toMatch(
      /<ins><span class="visually-hidden">\[added: <\/span>[^<]*agreed[^<]*<span class="visually-hidden">\]<\/span><\/ins>/,
    );
    expect(diff).toMatch(/<del><span class="visually-hidden">\[removed: <\/span>Tuesday<span/);
    expect((await page(`/stories/${storyId}?from=2&to=2`, 400)).text).toContain('from and to must be different revisions');
    expect((await page(`/stories/${storyId}?from=1&to=9`, 404)).text).toContain(`has no revision 9`);
    await page(`/stories/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 404);
  });

  it('the story page is a schema.org NewsArticle with its corrections', async () => {
    const [article] = jsonLd((await page(`/stories/${storyId}`)).text);
    const json = (await t.http().get(`/stories/${storyId}`).expect(200)).body as { firstPublishedAt: string; publishedAt: string };
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Talks open in Geneva.',
      // Editorial time, as the page shows it: an archive story keeps its own dates.
      datePublished: json.firstPublishedAt,
      dateModified: json.publishedAt,
      author: { '@type': 'Person', name: 'A. Reporter' },
      correction: [{ '@type': 'CorrectionComment', text: 'Fixed a typo in "Genva"' }],
    });
    expect(article.correction).toHaveLength(1);
  });

  it('serves its script as JavaScript', async () => {
    const res = await t.http().get('/assets/reader.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.text).toContain("new EventSource('/timeline/stream?since='");
  });

  it('landmark names are unique on each page (issue 13: two regions named "Revision history")', async () => {
    for (const path of ['/', '/?from=2024-03-01&to=2024-03-06', `/stories/${storyId}`, `/stories/${storyId}?from=1&to=3`]) {
      const landmarks = namedLandmarks((await page(path)).text);
      expect(landmarks.length).toBeGreaterThan(0);
      expect({ path, duplicates: landmarks.filter((l, i) => landmarks.indexOf(l) !== i) }).toEqual({ path, duplicates: [] });
    }
    expect(namedLandmarks((await page(`/stories/${storyId}`)).text)).toContain('region: Revision history');
  });
});
