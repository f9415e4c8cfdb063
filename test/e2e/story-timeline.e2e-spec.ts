import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKENDS, StartedBackend } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { created, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Entry {
  type: 'diplomatic-event' | 'about-date' | 'story-revision';
  id: string;
  date: string;
  revision?: number;
  kind?: string;
  title?: string;
  changeNote?: string;
  version?: number;
}

interface StoryTimeline {
  id: string;
  slug: string;
  headline: string;
  position: number;
  days: { date: string; entries: Entry[] }[];
  next?: string;
}

/** An entry as the page's markup names it: a fact's or named date's element id, a revision's. */
const entryKey = (e: Entry) =>
  e.type === 'story-revision' ? `story-${e.id}-r${e.revision}` : `event-${e.id.replace('/about/', '-about-')}`;

/**
 * `/stories/<slug>/timeline`: one story's timeline, JSON or HTML by the Accept header, in the
 * timeline's order, its revisions marked on their days, paged, cached like the other reads.
 */
describe.each(BACKENDS)('a story timeline (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  let storyId: string;
  let otherId: string;
  const ids: Record<string, string> = {};
  let last = 0;

  const post = async (path: string, body: unknown) => {
    const made = await created(t, path, body);
    last = made.position;
    return made;
  };
  const json = async (path: string) => (await t.http().get(path).expect(200)).body as StoryTimeline;

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
    storyId = (
      await post(
        '/stories',
        story({ slug: 'geneva-timeline', headline: 'Talks open in Geneva', publishedAt: '2024-03-05T12:00:00Z', developing: true }),
      )
    ).id;
    otherId = (await post('/stories', story({ slug: 'envoys-week', headline: 'A week of envoys', publishedAt: '2024-03-05T08:00:00Z' })))
      .id;
    await post(`/stories/${storyId}/revisions`, {
      expectedRevision: 1,
      body: 'Two delegations met in Geneva on Tuesday, and again in the evening.',
      changeNote: 'Added the evening session',
      kind: 'update',
      publishedAt: '2024-03-05T15:00:00Z',
    });
    await post(`/stories/${storyId}/revisions`, {
      expectedRevision: 2,
      body: 'Two delegations met in Geneva on Tuesday, and again on Wednesday.',
      changeNote: 'The second session was on Wednesday, not Tuesday evening',
      kind: 'correction',
      publishedAt: '2024-03-06T09:00:00Z',
    });
    // In both stories: its entry links to both.
    ids.talks = (await post('/diplomatic-events', diplomaticEvent({ storyIds: [storyId, otherId] }))).id;
    ids.framework = (
      await post(
        '/diplomatic-events',
        diplomaticEvent({
          title: 'Envoys agree on a framework',
          kind: 'agreement',
          when: { precision: 'bounded', onOrAfter: '2024-03-01', onOrBefore: '2024-03-04', certainty: 'inferred' },
          about: [{ label: 'deadline for a ceasefire', date: onDay('2024-03-20') }],
          storyIds: [storyId],
        }),
      )
    ).id;
    ids.dinner = (
      await post(
        '/diplomatic-events',
        diplomaticEvent({ title: 'Delegations dine together', kind: 'meeting', when: onDay('2024-03-05'), storyIds: [storyId] }),
      )
    ).id;
    ids.elsewhere = (
      await post('/diplomatic-events', diplomaticEvent({ title: 'Not in this story', when: onDay('2024-03-05'), storyIds: [otherId] }))
    ).id;
    await post(`/diplomatic-events/${ids.dinner}/amendments`, {
      expectedVersion: 1,
      changes: { title: 'Delegations dine together at the lake' },
      reason: 'Place',
    });
    await t.http().get(`/stories/${storyId}/timeline?minPosition=${last}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await backend?.cleanup();
  });

  it("answers JSON by default: the story's entries on every day, oldest first, as GET /timeline?storyId= orders them", async () => {
    const res = await t.http().get('/stories/geneva-timeline/timeline').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.vary).toMatch(/Accept/);
    const body = res.body as StoryTimeline;
    expect(body).toMatchObject({ id: storyId, slug: 'geneva-timeline', headline: 'Talks open in Geneva' });
    expect(body.next).toBeUndefined();
    expect(body.days.map((d) => d.date)).toEqual(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-20']);
    const entries = body.days.flatMap((d) => d.entries);
    // The same entries in the same order as the global timeline filtered by the story.
    const global = (await t.http().get(`/timeline?from=2024-03-01&to=2024-03-31&storyId=${storyId}`).expect(200)).body as {
      days: { entries: Entry[] }[];
    };
    expect(entries).toEqual(global.days.flatMap((d) => d.entries).filter((e) => e.date >= '2024-03-01'));
    expect(entries.map((e) => e.id)).not.toContain(ids.elsewhere);
    // Its revisions where they happened, after the day's facts, with their kind and note.
    const may5 = body.days[1].entries;
    expect(may5.map((e) => e.type)).toEqual(['diplomatic-event', 'diplomatic-event', 'story-revision', 'story-revision']);
    expect(may5.filter((e) => e.type === 'story-revision').map((e) => [e.revision, e.kind])).toEqual([
      [1, 'created'],
      [2, 'update'],
    ]);
    expect(body.days[2].entries).toEqual([
      expect.objectContaining({
        type: 'story-revision',
        revision: 3,
        kind: 'correction',
        changeNote: 'The second session was on Wednesday, not Tuesday evening',
      }),
    ]);
    // The latest version of an amended fact; the date a fact names is an entry of its own on that day.
    expect(may5.find((e) => e.id === ids.dinner)).toMatchObject({ version: 2, title: 'Delegations dine together at the lake' });
    expect(body.days[3].entries).toEqual([expect.objectContaining({ type: 'about-date', fact: ids.framework })]);
    // By id the same answer; an explicit Accept: application/json too.
    const byId = await t.http().get(`/stories/${storyId}/timeline`).set('Accept', 'application/json').expect(200);
    expect((byId.body as StoryTimeline).days).toEqual(body.days);
  });

  it('answers a browser with the page: the same entries in the same order, revisions marked, every story of an entry linked', async () => {
    const res = await t.http().get('/stories/geneva-timeline/timeline').set('Accept', BROWSER_ACCEPT).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers.vary).toMatch(/Accept/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const page = res.text;
    expect(page).toContain('<h1 id="timeline-h">Timeline: Talks open in Geneva</h1>');
    const body = await json('/stories/geneva-timeline/timeline');
    const expected = body.days.flatMap((d) => d.entries).map(entryKey);
    const shown = [...page.matchAll(/<li class="(?:entry|update)[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(expected);
    // Days oldest first, each with its heading; the loosely dated fact under the heading that says so.
    expect([...page.matchAll(/<section class="day" id="day-([\d-]+)"/g)].map((m) => m[1])).toEqual(body.days.map((d) => d.date));
    expect(page).toMatch(/<h3 class="dating__h">Between 1 and 4 March 2024<\/h3>/);
    // The correction stands out in words where it happened, with its note and a link to what changed.
    const correction = page.match(
      new RegExp(`<li class="update revision-mark revision-mark--correction" id="story-${storyId}-r3"[\\s\\S]*?</li>`),
    )?.[0];
    expect(correction).toContain('<span class="kind kind--correction">Corrected</span>');
    expect(correction).toContain('The second session was on Wednesday, not Tuesday evening');
    expect(correction).toContain('href="/stories/geneva-timeline?from=2&amp;to=3#compare"');
    expect(page).toContain('<span class="kind kind--update">Updated</span>');
    // The talks belong to two stories: both are linked, by headline.
    const talks = page.match(new RegExp(`<li class="entry entry--fact" id="event-${ids.talks}"[\\s\\S]*?</article>`))?.[0];
    expect(talks).toContain(
      'In the stories: <a href="/stories/geneva-timeline">Talks open in Geneva</a>, <a href="/stories/envoys-week">A week of envoys</a>',
    );
    // Its oEmbed discovery link, and a way back to the story.
    expect(page).toMatch(
      /<link rel="alternate" type="application\/json\+oembed" href="http:\/\/127\.0\.0\.1:3000\/oembed\?url=http%3A%2F%2F127\.0\.0\.1%3A3000%2Fstories%2Fgeneva-timeline&amp;format=json" title="Talks open in Geneva">/,
    );
    expect(page).toContain('<a href="/stories/geneva-timeline">Read the story</a>');
    // The story's feeds are announced as on the story page.
    expect(page).toContain(
      '<link rel="alternate" type="application/atom+xml" title="This story (Atom)" href="/stories/geneva-timeline/feed.atom">',
    );
  });

  it('comes in pages, JSON and HTML, whose entries add up to the whole, at one position', async () => {
    const whole = (await json('/stories/geneva-timeline/timeline')).days.flatMap((d) => d.entries);
    const seen: Entry[] = [];
    let url = '/stories/geneva-timeline/timeline?limit=3';
    for (let pages = 0; pages < 10; pages++) {
      const res = await t.http().get(url).expect(200);
      const body = res.body as StoryTimeline;
      seen.push(...body.days.flatMap((d) => d.entries));
      if (!body.next) break;
      expect(res.headers.link).toBe(`</stories/geneva-timeline/timeline?limit=3&cursor=${body.next}>; rel="next"`);
      url = `/stories/geneva-timeline/timeline?limit=3&cursor=${body.next}`;
    }
    expect(seen).toEqual(whole);
    // A page after the first is settled: its cursor pins it.
    const first = (await json('/stories/geneva-timeline/timeline?limit=3')).next!;
    const second = await t.http().get(`/stories/geneva-timeline/timeline?limit=3&cursor=${first}`).expect(200);
    expect(second.headers['cache-control']).toBe('public, max-age=86400');
    // The cursor belongs to the story, whatever its address: by id it continues the same list.
    expect((await json(`/stories/${storyId}/timeline?limit=3&cursor=${first}`)).days).toEqual((second.body as StoryTimeline).days);
    // The page links to its next page; that page says it continues.
    const html = (await t.http().get('/stories/geneva-timeline/timeline?limit=3').set('Accept', BROWSER_ACCEPT).expect(200)).text;
    const later = html.match(
      /<a href="(\/stories\/geneva-timeline\/timeline\?limit=3&amp;cursor=[^"]+)" rel="next">Later entries<\/a>/,
    )?.[1];
    expect(later).toBeDefined();
    const next = (await t.http().get(later!.replace(/&amp;/g, '&')).set('Accept', BROWSER_ACCEPT).expect(200)).text;
    expect(next).toContain('id="continued-notice"');
    const nextIds = [...next.matchAll(/<li class="(?:entry|update)[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(nextIds).toEqual(whole.slice(3, 6).map(entryKey));
  });

  it('says 404 for an unknown story and 400 naming a bad parameter, as JSON or as a page', async () => {
    const missing = await t.http().get('/stories/no-such-story/timeline').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: 'story "no-such-story" not found: no story has this id or slug' });
    expect(missing.headers['cache-control']).toBe('no-store');
    const page = await t.http().get('/stories/no-such-story/timeline').set('Accept', BROWSER_ACCEPT).expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('story &quot;no-such-story&quot; not found');
    const bad = await t.http().get('/stories/geneva-timeline/timeline?limit=0').expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('limit');
    const unknown = await t.http().get('/stories/geneva-timeline/timeline?from=2024-03-01').expect(400);
    expect(JSON.stringify(unknown.body.message)).toContain('from');
    // A cursor of another story's timeline is refused, naming the cursor.
    const other = (await json(`/stories/${otherId}/timeline?limit=1`)).next!;
    const foreign = await t.http().get(`/stories/geneva-timeline/timeline?limit=1&cursor=${other}`).expect(400);
    expect(JSON.stringify(foreign.body.message)).toContain('cursor belongs to another query');
  });

  it('is cached like the other public reads: a tag per kind of answer, 304 while nothing moved, its stories as surrogate keys', async () => {
    const url = '/stories/geneva-timeline/timeline';
    const asJson = await t.http().get(url).expect(200);
    const asHtml = await t.http().get(url).set('Accept', BROWSER_ACCEPT).expect(200);
    expect(asJson.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(asHtml.headers.etag).not.toBe(asJson.headers.etag);
    expect(asJson.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(asJson.headers['surrogate-key'].split(' ').sort()).toEqual([`story:${otherId}`, `story:${storyId}`].sort());
    await t.http().get(url).set('If-None-Match', asJson.headers.etag).expect(304);
    await t.http().get(url).set('Accept', BROWSER_ACCEPT).set('If-None-Match', asHtml.headers.etag).expect(304);
    // The read cache keeps each kind of answer apart.
    const again = await t.http().get(url).set('Accept', BROWSER_ACCEPT).expect(200);
    expect(again.headers['x-dateline-read-cache']).toBe('hit');
    expect(again.text).toBe(asHtml.text);
    const againJson = await t.http().get(url).expect(200);
    expect(againJson.headers['x-dateline-read-cache']).toBe('hit');
    expect(againJson.body).toEqual(asJson.body);
  });

  it('is linked from the story page, and the global reader page links each entry to all of its stories', async () => {
    const storyPage = (await t.http().get('/stories/geneva-timeline').set('Accept', BROWSER_ACCEPT).expect(200)).text;
    expect(storyPage).toContain('<a href="/stories/geneva-timeline/timeline">The story’s timeline</a>');
    const reader = (await t.http().get('/?from=2024-03-05&to=2024-03-05').set('Accept', BROWSER_ACCEPT).expect(200)).text;
    const talks = reader.match(new RegExp(`<li class="entry entry--fact" id="event-${ids.talks}"[\\s\\S]*?</article>`))?.[0];
    expect(talks).toContain(
      'In the stories: <a href="/stories/geneva-timeline">Talks open in Geneva</a>, <a href="/stories/envoys-week">A week of envoys</a>',
    );
    const elsewhere = reader.match(new RegExp(`<li class="entry entry--fact" id="event-${ids.elsewhere}"[\\s\\S]*?</article>`))?.[0];
    expect(elsewhere).toContain('In the story: <a href="/stories/envoys-week">A week of envoys</a>');
  });
});
