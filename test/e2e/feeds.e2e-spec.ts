import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKENDS } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { ADMIN_TOKEN, bearer, created, TestApp } from '../support/test-app';
import { childrenNamed, onlyChild, parseXml, XmlElement } from '../support/xml-document';

const ATOM = 'http://www.w3.org/2005/Atom';
const HOST = 'feeds.test';
/** RFC 3339 date-time, as Atom's dates and JSON Feed's must be. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Characters XML 1.0 does not allow (its Char production), lone surrogates aside: the service never stores those. */
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Text an editor may well paste: C0 controls (an ANSI colour code, a vertical tab), markup, entities, the CDATA end, non-characters. */
const HOSTILE = 'Hostile \u0001\u0008\u000b\u001b[31m <script>alert(1)</script> & &amp; "q" \'s\' ]]> \uFFFE\uFFFF end';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  _dateline: { change: string; subject: string; id: string; version: number; position: number; note?: string };
}
interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  next_url?: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

describe.each(BACKENDS)('Atom and JSON feeds, on %s', (_name, start) => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let last = 0;
  const ids: Record<string, string> = {};

  const post = async (path: string, body: unknown) => {
    const answer = await created(t, path, body);
    last = Math.max(last, answer.position);
    return answer.id;
  };
  // The feeds' URLs name the configured public address (DATELINE_PUBLIC_URL), whatever Host a request came with.
  const get = (path: string) => t.http().get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`);
  const jsonFeed = async (path: string) => {
    const answer = await get(path).expect(200);
    expect(answer.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    return JSON.parse(answer.text) as JsonFeed;
  };
  const atomFeed = async (path: string) => {
    const answer = await get(path).expect(200);
    expect(answer.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    return parseXml(answer.text);
  };

  beforeAll(async () => {
    ({ app: t, cleanup } = await start({ publicUrl: `http://${HOST}` }));
    // Story A: created, corrected, updated; two facts: one amended, one retracted.
    ids.a = await post('/stories', story({ slug: 'feeds-story-a', headline: 'Envoys meet in Geneva' }));
    ids.f1 = await post('/diplomatic-events', diplomaticEvent({ title: 'Talks open', when: onDay('2024-03-05'), storyIds: [ids.a] }));
    await post(`/diplomatic-events/${ids.f1}/amendments`, {
      expectedVersion: 1,
      changes: { summary: 'Talks opened at the Palais des Nations, an hour late.' },
      reason: 'The agencies report a late start',
    });
    await post(`/stories/${ids.a}/revisions`, {
      expectedRevision: 1,
      body: 'Two delegations met in Geneva on Tuesday, led by Jane Doe.',
      changeNote: 'An earlier version misspelled the envoy’s name',
      kind: 'correction',
    });
    ids.f2 = await post('/diplomatic-events', diplomaticEvent({ title: 'Walkout reported', when: onDay('2024-03-06'), storyIds: [ids.a] }));
    await post(`/diplomatic-events/${ids.f2}/retraction`, { expectedVersion: 1, reason: 'No delegation walked out: the report was wrong' });
    await post(`/stories/${ids.a}/revisions`, {
      expectedRevision: 2,
      body: 'Two delegations met in Geneva on Tuesday, led by Jane Doe. Talks resume on Wednesday.',
      changeNote: 'Added the next round',
      kind: 'update',
    });
    // Story B, with a fact of its own: in the timeline's feed, not in A's.
    ids.b = await post('/stories', story({ slug: 'feeds-story-b', headline: 'Ministers meet in Oslo' }));
    ids.f3 = await post('/diplomatic-events', diplomaticEvent({ title: 'Oslo round', when: onDay('2024-04-01'), storyIds: [ids.b] }));
    // Story H: hostile text in every field a feed shows.
    ids.h = await post('/stories', story({ slug: 'feeds-story-hostile', headline: HOSTILE }));
    ids.f4 = await post(
      '/diplomatic-events',
      diplomaticEvent({ title: HOSTILE, summary: HOSTILE, when: onDay('2024-05-01'), storyIds: [ids.h] }),
    );
    await post(`/diplomatic-events/${ids.f4}/amendments`, { expectedVersion: 1, changes: { summary: 'calmer' }, reason: HOSTILE });
    await post(`/diplomatic-events/${ids.f4}/retraction`, { expectedVersion: 2, reason: HOSTILE });
    await post(`/stories/${ids.h}/revisions`, { expectedRevision: 1, body: 'Plain.', changeNote: HOSTILE, kind: 'correction' });
  });

  afterAll(async () => {
    await t.close();
    await cleanup();
  });

  it('lists every change of a story and its facts once, each kind as such, with the reason or note it came with', async () => {
    const feed = await jsonFeed('/stories/feeds-story-a/feed.json');
    const changes = feed.items.map((i) => `${i._dateline.change} ${i._dateline.subject} ${i._dateline.version}`);
    // Newest first: the log order of the writes above, reversed.
    expect(changes).toEqual([
      'story-update story 3',
      'retraction diplomatic-event 2',
      'new-fact diplomatic-event 1',
      'correction story 2',
      'amendment diplomatic-event 2',
      'new-fact diplomatic-event 1',
      'new-story story 1',
    ]);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    const positions = feed.items.map((i) => i._dateline.position);
    expect(positions).toEqual([...positions].sort((x, y) => y - x));

    const byChange = (change: string) => feed.items.filter((i) => i._dateline.change === change);
    const [amendment] = byChange('amendment');
    expect(amendment._dateline).toMatchObject({ id: ids.f1, note: 'The agencies report a late start' });
    expect(amendment.title).toBe('Amended: Talks open');
    expect(amendment.content_text).toContain('Amended: The agencies report a late start.');
    expect(amendment.content_text).toContain('Changed: summary.');
    expect(amendment.content_text).toContain('an hour late');

    const [retraction] = byChange('retraction');
    expect(retraction._dateline).toMatchObject({ id: ids.f2, note: 'No delegation walked out: the report was wrong' });
    expect(retraction.title).toBe('Retracted: Walkout reported');
    expect(retraction.tags).toEqual(['retraction']);
    expect(retraction.content_text).toMatch(/^This fact has been retracted\. Note: No delegation walked out: the report was wrong/);
    expect(retraction.url).toMatch(new RegExp(`/diplomatic-events/${ids.f2}$`));

    const [correction] = byChange('correction');
    expect(correction.title).toBe('Correction: Envoys meet in Geneva');
    expect(correction._dateline.note).toBe('An earlier version misspelled the envoy’s name');
    expect(correction.content_text).toBe('Correction (revision 2): An earlier version misspelled the envoy’s name');
    expect(correction.url).toMatch(/\/stories\/feeds-story-a\?from=1&to=2$/);

    const facts = byChange('new-fact');
    expect(facts.map((i) => i.title).sort()).toEqual(['New fact: Talks open', 'New fact: Walkout reported']);
    expect(facts.find((i) => i._dateline.id === ids.f1)!.url).toMatch(new RegExp(`/\\?from=2024-03-05&to=2024-03-05#event-${ids.f1}$`));
    for (const item of feed.items) {
      expect(item.date_modified).toMatch(RFC3339);
      expect(item.date_published).toMatch(RFC3339);
    }
  });

  it('gives the Atom feed the same entries: same ids, the kind of change as the category, a retraction as a retraction', async () => {
    const [json, atom] = await Promise.all([jsonFeed('/stories/feeds-story-a/feed.json'), atomFeed('/stories/feeds-story-a/feed.atom')]);
    const entries = childrenNamed(atom, 'entry');
    expect(entries.map((e) => onlyChild(e, 'id').text)).toEqual(json.items.map((i) => i.id));
    expect(entries.map((e) => onlyChild(e, 'category').attributes.term)).toEqual(json.items.map((i) => i._dateline.change));
    const retraction = entries.find((e) => onlyChild(e, 'category').attributes.term === 'retraction')!;
    expect(onlyChild(retraction, 'title').text).toBe('Retracted: Walkout reported');
    expect(onlyChild(retraction, 'summary').text).toContain('Note: No delegation walked out: the report was wrong');
    // The HTML content is text in the XML: escaped once, parsed back to markup.
    expect(onlyChild(retraction, 'content').attributes.type).toBe('html');
    expect(onlyChild(retraction, 'content').text).toMatch(/^<p>This fact has been retracted\. Note: No delegation walked out/);
  });

  it('meets the specs: Atom feed and entries with id, title, updated and an author; JSON Feed 1.1 with version, title and item ids', async () => {
    for (const path of ['/feeds/timeline.atom', '/stories/feeds-story-a/feed.atom']) {
      const feed = await atomFeed(path);
      expect({ name: feed.name, uri: feed.uri }).toEqual({ name: 'feed', uri: ATOM });
      expect(onlyChild(feed, 'id').text).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(onlyChild(feed, 'title').text.length).toBeGreaterThan(0);
      expect(onlyChild(feed, 'updated').text).toMatch(RFC3339);
      // RFC 4287 4.1.1: a feed has an author unless every entry has one.
      expect(onlyChild(onlyChild(feed, 'author'), 'name').text).toBe('Dateline');
      expect(childrenNamed(feed, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe(`http://${HOST}${path}`);
      const entries = childrenNamed(feed, 'entry');
      expect(entries.length).toBeGreaterThan(0);
      // Every element in Atom's namespace, and the feed's updated is its newest entry's.
      expect([feed, ...feed.children, ...entries.flatMap((e) => e.children)].every((e) => e.uri === ATOM)).toBe(true);
      expect(onlyChild(feed, 'updated').text).toBe(onlyChild(entries[0], 'updated').text);
      for (const entry of entries) {
        expect(onlyChild(entry, 'id').text).toMatch(/^urn:uuid:/);
        expect(onlyChild(entry, 'title').text.length).toBeGreaterThan(0);
        expect(onlyChild(entry, 'updated').text).toMatch(RFC3339);
        expect(onlyChild(entry, 'published').text).toMatch(RFC3339);
        // 4.1.1.1: an entry without atom:content has an alternate link; ours have both.
        expect(childrenNamed(entry, 'link').filter((l) => l.attributes.rel === 'alternate')).toHaveLength(1);
        expect(childrenNamed(entry, 'content')).toHaveLength(1);
      }
    }
    for (const path of ['/feeds/timeline.json', '/stories/feeds-story-a/feed.json']) {
      const feed = await jsonFeed(path);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(typeof feed.title).toBe('string');
      expect(feed.feed_url).toBe(`http://${HOST}${path}`);
      expect(feed.authors).toEqual([{ name: 'Dateline' }]);
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(typeof (item.content_html ?? item.content_text)).toBe('string');
      }
    }
  });

  it('keeps the timeline feed to every change of every story, and a story feed to its own', async () => {
    const timeline = await jsonFeed('/feeds/timeline.json?limit=1000');
    const a = await jsonFeed('/stories/feeds-story-a/feed.json');
    const b = await jsonFeed('/stories/feeds-story-b/feed.json');
    const all = new Set(timeline.items.map((i) => i.id));
    for (const item of [...a.items, ...b.items]) expect(all.has(item.id)).toBe(true);
    expect(b.items.map((i) => i._dateline.change)).toEqual(['new-fact', 'new-story']);
    expect(a.items.some((i) => i._dateline.id === ids.f3)).toBe(false);
    // 3 stories' 6 revisions and 4 facts' 8 changes, each once.
    expect(timeline.items).toHaveLength(14);
    expect(new Set(timeline.items.map((i) => i.id)).size).toBe(14);
  });

  it('gives an item the same id in every answer, by slug or id, and after a rebuild of every read model', async () => {
    const before = (await get('/stories/feeds-story-a/feed.json').expect(200)).text;
    expect((await get('/stories/feeds-story-a/feed.json').expect(200)).text).toBe(before);
    const byId = await jsonFeed(`/stories/${ids.a}/feed.json`);
    expect(byId.items.map((i) => i.id)).toEqual((JSON.parse(before) as JsonFeed).items.map((i) => i.id));
    const timelineBefore = (await get('/feeds/timeline.atom').expect(200)).text;

    const started = await t.http().post('/admin/rebuild').set(bearer(ADMIN_TOKEN)).send({}).expect(202);
    let job = started.body as { id: string; state: string };
    while (job.state === 'running')
      job = (await t.http().get(`/admin/rebuild/${job.id}`).set(bearer(ADMIN_TOKEN)).expect(200)).body as typeof job;
    expect(job.state).toBe('done');

    // The same documents, byte for byte: ids, times, texts and order come from the log alone.
    expect((await get('/stories/feeds-story-a/feed.json').expect(200)).text).toBe(before);
    expect((await get('/feeds/timeline.atom').expect(200)).text).toBe(timelineBefore);
  });

  it('stays well-formed XML with hostile text: controls replaced, markup escaped as text; JSON keeps the text as it is', async () => {
    const answer = await get('/stories/feeds-story-hostile/feed.atom').expect(200);
    expect(answer.text).not.toMatch(NOT_XML_CHAR);
    expect(answer.text).not.toContain('<script>');
    const feed = parseXml(answer.text); // strict: throws on a disallowed character or broken markup
    const shown = 'Hostile \uFFFD\uFFFD\uFFFD\uFFFD[31m <script>alert(1)</script> & &amp; "q" \'s\' ]]> \uFFFD\uFFFD end';
    expect(onlyChild(feed, 'title').text).toBe(`${shown} · Dateline`);
    const entries = childrenNamed(feed, 'entry');
    expect(entries.map((e) => onlyChild(e, 'category').attributes.term)).toEqual([
      'correction',
      'retraction',
      'amendment',
      'new-fact',
      'new-story',
    ]);
    const text = (e: XmlElement, name: string) => onlyChild(e, name).text;
    expect(text(entries[0], 'title')).toBe(`Correction: ${shown}`);
    expect(text(entries[1], 'summary')).toBe(`This fact has been retracted. Note: ${shown}`);
    expect(text(entries[2], 'summary')).toBe(`Amended: ${shown}.`);
    // The HTML content escapes the markup for HTML too: a reader rendering it shows the text, runs nothing.
    expect(text(entries[3], 'content')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;');

    const json = await jsonFeed('/stories/feeds-story-hostile/feed.json');
    expect(json.title).toBe(`${HOSTILE} · Dateline`);
    expect(json.items[1]._dateline.note).toBe(HOSTILE);
    expect(json.items[3].content_html).not.toContain('<script>');
  });

  it('is cached like every public read: ETag and 304, Cache-Control, Surrogate-Key naming what it holds, the read cache', async () => {
    // Every write above is read (the tests before asked minPosition): the plain URL, as a feed reader asks it.
    const timeline = await t.http().get('/feeds/timeline.atom').expect(200);
    expect(timeline.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(timeline.headers['surrogate-key']).toBe('timeline');
    expect(timeline.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    await t.http().get('/feeds/timeline.atom').set('If-None-Match', timeline.headers.etag).expect(304);
    const storyFeed = await get('/stories/feeds-story-a/feed.json').expect(200);
    expect(storyFeed.headers['surrogate-key']).toBe(`story:${ids.a}`);

    const first = await t.http().get('/feeds/timeline.json').expect(200);
    const again = await t.http().get('/feeds/timeline.json').expect(200);
    expect([first.headers['x-dateline-read-cache'], again.headers['x-dateline-read-cache']]).toEqual(['miss', 'hit']);
    expect(again.text).toBe(first.text);
    // Another Host changes nothing: the links name the public address, and the cached answer serves it.
    const elsewhere = await t.http().get('/feeds/timeline.json').set('Host', 'attacker.example').expect(200);
    expect(elsewhere.headers['x-dateline-read-cache']).toBe('hit');
    expect((JSON.parse(elsewhere.text) as JsonFeed).feed_url).toBe(`http://${HOST}/feeds/timeline.json`);
  });

  it('pages with limit and a cursor: each change once across the pages; bad input is a 400 naming it, an unknown story a 404', async () => {
    const whole = await jsonFeed('/feeds/timeline.json?limit=1000');
    const seen: string[] = [];
    let path: string | undefined = '/feeds/timeline.json?limit=4';
    while (path) {
      const page: JsonFeed = await jsonFeed(path);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((i) => i.id));
      path = page.next_url === undefined ? undefined : new URL(page.next_url).pathname + new URL(page.next_url).search;
    }
    expect(seen).toEqual(whole.items.map((i) => i.id));

    const atom = await get('/feeds/timeline.atom?limit=4').expect(200);
    const next = childrenNamed(parseXml(atom.text), 'link').find((l) => l.attributes.rel === 'next');
    expect(next?.attributes.href).toMatch(/\/feeds\/timeline\.atom\?limit=4&cursor=/);
    expect(atom.headers.link).toMatch(/^<\/feeds\/timeline\.atom\?limit=4&minPosition=\d+&cursor=[^>]+>; rel="next"$/);
    // A cursor of one feed is refused by another.
    const cursor = new URL(next!.attributes.href).searchParams.get('cursor')!;
    const other = await t.http().get(`/stories/feeds-story-a/feed.atom?cursor=${cursor}`).expect(400);
    expect(JSON.stringify(other.body)).toContain('cursor belongs to another query');

    expect((await t.http().get('/feeds/timeline.json?limit=0').expect(400)).body.message.join(' ')).toMatch(/limit/);
    expect((await t.http().get('/feeds/timeline.atom?cursor=nonsense').expect(400)).body.message.join(' ')).toMatch(/cursor/);
    expect((await t.http().get('/feeds/timeline.atom?since=1').expect(400)).body.message.join(' ')).toMatch(/since/);
    await t.http().get('/stories/no-such-story/feed.atom').expect(404);
    await t.http().get('/stories/6f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11/feed.json').expect(404);
  });

  it('is announced on the reader page and the story page (feed autodiscovery)', async () => {
    const page = await t.http().get('/').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Dateline timeline (Atom)" href="/feeds/timeline.atom">',
    );
    expect(page.text).toContain(
      '<link rel="alternate" type="application/feed+json" title="Dateline timeline (JSON Feed)" href="/feeds/timeline.json">',
    );
    const storyPage = await t.http().get('/stories/feeds-story-a').set('Accept', 'text/html').expect(200);
    expect(storyPage.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="This story (Atom)" href="/stories/feeds-story-a/feed.atom">',
    );
    expect(storyPage.text).toContain(
      '<link rel="alternate" type="application/feed+json" title="This story (JSON Feed)" href="/stories/feeds-story-a/feed.json">',
    );
  });
});
