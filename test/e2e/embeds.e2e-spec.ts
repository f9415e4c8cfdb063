import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKENDS, StartedBackend } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { created, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ORIGINS = ['https://news.example', 'https://*.partner.example'];
/** The origin the snippets and oEmbed answers name (DATELINE_PUBLIC_URL). */
const ORIGIN = 'https://dateline.test';

/** A CSP's directives by name. */
function directives(csp: string | undefined): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]),
  );
}

interface OEmbed {
  type: string;
  version: string;
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  author_name?: string;
}

/**
 * The embed (`/embed/stories/<slug>`), framable by the configured sites only; its oEmbed endpoint
 * and discovery links; the scripts that size it; the snippet on the story page.
 */
describe.each(BACKENDS)('embeds (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  let storyId: string;
  let factIds: string[] = [];

  const oembed = (query: string) => t.http().get(`/oembed?${query}`);

  beforeAll(async () => {
    backend = await start({ embedOrigins: ORIGINS, publicUrl: ORIGIN });
    t = backend.app;
    storyId = (
      await created(
        t,
        '/stories',
        story({ slug: 'geneva-embed', headline: 'Talks <open> in "Geneva"', publishedAt: '2024-03-05T12:00:00Z' }),
      )
    ).id;
    factIds = [];
    for (const [title, day] of [
      ['Delegations arrive', '2024-03-04'],
      ['Talks open', '2024-03-05'],
      ['Talks close', '2024-03-06'],
    ])
      factIds.push((await created(t, '/diplomatic-events', diplomaticEvent({ title, when: onDay(day), storyIds: [storyId] }))).id);
    const last = await created(t, `/stories/${storyId}/revisions`, {
      expectedRevision: 1,
      body: 'Corrected.',
      changeNote: 'The talks closed on Wednesday',
      kind: 'correction',
      publishedAt: '2024-03-06T18:00:00Z',
    });
    await t.http().get(`/stories/${storyId}/timeline?minPosition=${last.position}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await backend?.cleanup();
  });

  it("is the story's timeline, minimal, framable by the configured sites only, every link opening outside the frame", async () => {
    const res = await t.http().get('/embed/stories/geneva-embed').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toBe('https://news.example https://*.partner.example');
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'none'");
    // X-Frame-Options cannot name other sites: the CSP alone says who may frame it.
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const page = res.text;
    // Escaped like every page; the facts and the correction in the timeline's order.
    expect(page).toContain(
      '<h1 id="embed-h"><a href="/stories/geneva-embed" target="_blank" rel="noopener">Talks &lt;open&gt; in &quot;Geneva&quot;',
    );
    const ids = [...page.matchAll(/<li class="(?:entry|update)[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      ...factIds.map((id) => `event-${id}`).slice(0, 2),
      `story-${storyId}-r1`,
      `event-${factIds[2]}`,
      `story-${storyId}-r2`,
    ]);
    expect(page).toContain('<span class="kind kind--correction">Corrected</span>');
    // Every link opens outside the frame, and says so.
    const links = [...page.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(2);
    for (const a of links) expect(a).toMatch(/ target="_blank" rel="noopener"/);
    expect(page.match(/\(opens in a new tab\)/g)?.length).toBe(links.length);
    // No inline script: only its own, from its own origin; and its oEmbed discovery link.
    expect([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/assets/embed.js" defer>']);
    expect(page).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/stories/geneva-embed`)}&amp;format=json" title="Talks &lt;open&gt; in &quot;Geneva&quot;">`,
    );
    expect(page).toContain(
      '<a href="/stories/geneva-embed/timeline" target="_blank" rel="noopener" id="full-timeline">This timeline on Dateline',
    );
    // By id the same; a short embed links to the rest.
    expect((await t.http().get(`/embed/stories/${storyId}`).expect(200)).text).toBe(page);
    const short = (await t.http().get('/embed/stories/geneva-embed?limit=2').expect(200)).text;
    expect(short).toContain('More of this timeline on Dateline');
    expect([...short.matchAll(/<li class="(?:entry|update)[^"]*" id="([^"]+)"/g)]).toHaveLength(2);
  });

  it('is cached like the reader page: its cached answers keep its frame-ancestors, and its 304s carry no framing header to replace it', async () => {
    const url = '/embed/stories/geneva-embed';
    const first = await t.http().get(url).expect(200);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(first.headers['surrogate-key']).toBe(`story:${storyId}`);
    const again = await t.http().get(url).expect(200);
    expect(again.headers['x-dateline-read-cache']).toBe('hit');
    expect(directives(again.headers['content-security-policy']).get('frame-ancestors')).toBe(ORIGINS.join(' '));
    expect(again.headers['x-frame-options']).toBeUndefined();
    // A browser or CDN revalidating updates the answer it holds with the 304's headers (RFC 9111,
    // section 4.3.4): a 304 with the site's frame-ancestors 'none' or X-Frame-Options would make
    // the held embed unframable. It carries the validators only, so the held policy stays.
    const notModified = await t.http().get(url).set('If-None-Match', first.headers.etag).expect(304);
    expect(notModified.headers.etag).toBe(first.headers.etag);
    expect(notModified.headers['content-security-policy']).toBeUndefined();
    expect(notModified.headers['x-frame-options']).toBeUndefined();
  });

  it('leaves every other page unframable', async () => {
    for (const [path, accept] of [
      ['/', BROWSER_ACCEPT],
      ['/stories/geneva-embed', BROWSER_ACCEPT],
      ['/stories/geneva-embed/timeline', BROWSER_ACCEPT],
      ['/stories/geneva-embed/timeline', 'application/json'],
      ['/oembed?url=' + encodeURIComponent(`${ORIGIN}/stories/geneva-embed`), 'application/json'],
      ['/embed/stories/no-such-story', BROWSER_ACCEPT],
    ]) {
      const res = await t.http().get(path).set('Accept', accept);
      expect([path, directives(res.headers['content-security-policy']).get('frame-ancestors')]).toEqual([path, "'none'"]);
      if (!path.startsWith('/embed/')) expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('says 404 for a story that does not exist, as a page', async () => {
    const res = await t.http().get('/embed/stories/no-such-story').expect(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('story &quot;no-such-story&quot; not found');
  });

  it('answers oEmbed for any address of the story: a rich type with the snippet, within maxwidth and maxheight', async () => {
    const url = `${ORIGIN}/stories/geneva-embed`;
    const res = await oembed(`url=${encodeURIComponent(url)}&format=json`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.body as OEmbed;
    expect(body).toEqual({
      type: 'rich',
      version: '1.0',
      title: 'Talks <open> in "Geneva"',
      provider_name: 'Dateline',
      provider_url: `${ORIGIN}/`,
      html: expect.any(String),
      width: 640,
      height: 600,
      author_name: 'A. Reporter',
    });
    expect(body.html).toBe(
      `<iframe src="${ORIGIN}/embed/stories/geneva-embed" title="Timeline: Talks &lt;open&gt; in &quot;Geneva&quot; (Dateline)" width="640" height="600" style="width:100%;max-width:640px;border:0" loading="lazy" data-dateline-embed></iframe>\n<script src="${ORIGIN}/assets/embed-host.js" async></script>`,
    );
    expect(res.headers['surrogate-key']).toBe(`story:${storyId}`);
    expect(res.headers.etag).toMatch(/^"/);
    // The consumer's limits: the frame no wider or taller (the host script keeps to maxheight too).
    const small = (await oembed(`url=${encodeURIComponent(url)}&maxwidth=400&maxheight=300`).expect(200)).body as OEmbed;
    expect([small.width, small.height]).toEqual([400, 300]);
    expect(small.html).toContain('width="400" height="300" style="width:100%;max-width:400px;border:0"');
    expect(small.html).toContain('data-dateline-max-height="300"');
    const large = (await oembed(`url=${encodeURIComponent(url)}&maxwidth=2000&maxheight=5000`).expect(200)).body as OEmbed;
    expect([large.width, large.height]).toEqual([640, 600]);
    // The story by id, its timeline and its embed are the same story.
    for (const other of [
      `${ORIGIN}/stories/${storyId}`,
      `${ORIGIN}/stories/geneva-embed/timeline`,
      `${ORIGIN}/embed/stories/geneva-embed`,
    ]) {
      const again = (await oembed(`url=${encodeURIComponent(other)}`).expect(200)).body as OEmbed;
      expect(again.html).toBe(body.html);
    }
  });

  it('refuses what oEmbed cannot answer: 501 for XML, 404 for what is not one of our stories, 400 naming a bad parameter', async () => {
    const url = encodeURIComponent(`${ORIGIN}/stories/geneva-embed`);
    const xml = await oembed(`url=${url}&format=xml`).expect(501);
    expect(xml.body).toEqual({
      statusCode: 501,
      error: 'Not Implemented',
      message: 'format xml is not offered: this provider answers oEmbed in JSON only (format=json)',
    });
    const notOurs = await oembed(`url=${encodeURIComponent('https://elsewhere.example/stories/geneva-embed')}`).expect(404);
    expect(notOurs.body.message).toBe(
      `url https://elsewhere.example/stories/geneva-embed is not an address of this service (${ORIGIN}): it answers oEmbed only for its own stories`,
    );
    const noStory = await oembed(`url=${encodeURIComponent(`${ORIGIN}/timeline/2024-03-05`)}`).expect(404);
    expect(noStory.body.message).toBe(`url ${ORIGIN}/timeline/2024-03-05 names no story: a story's address is ${ORIGIN}/stories/<slug>`);
    const unknown = await oembed(`url=${encodeURIComponent(`${ORIGIN}/stories/no-such-story`)}`).expect(404);
    expect(unknown.body.message).toBe('story "no-such-story" not found: no story has this id or slug');
    expect(unknown.headers['cache-control']).toBe('no-store');
    for (const [query, names] of [
      ['', 'url is required'],
      [
        'url=not%20a%20url',
        'url must be an absolute http:// or https:// URL of a story, such as https://dateline.test/stories/<slug> (got "not a url")',
      ],
      [`url=${encodeURIComponent('ftp://dateline.test/stories/geneva-embed')}`, 'url must be an absolute http:// or https:// URL'],
      [`url=${url}&format=yaml`, 'format must be json (or xml, which this provider does not offer)'],
      [`url=${url}&maxwidth=0`, 'maxwidth'],
      [`url=${url}&maxheight=tall`, 'maxheight'],
      [`url=${url}&callback=x`, 'callback'],
    ]) {
      const bad = await oembed(query).expect(400);
      expect([query, ([] as string[]).concat(bad.body.message as string | string[]).join(' | ')]).toEqual([
        query,
        expect.stringContaining(names),
      ]);
    }
  });

  it('serves the two scripts: the frame posts its height, the host takes it only from our origin and our frames', async () => {
    const frame = await t.http().get('/assets/embed.js').expect(200);
    expect(frame.headers['content-type']).toMatch(/^text\/javascript/);
    expect(frame.text).toContain("window.parent.postMessage({ type: 'dateline:embed-height', height: height }, '*')");
    const host = await t.http().get('/assets/embed-host.js').expect(200);
    expect(host.headers['content-type']).toMatch(/^text\/javascript/);
    // Another site's page loads it: helmet's same-origin resource policy would block it.
    expect(host.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(host.text).toContain('if (event.origin !== origin) return;');
    expect(host.text).toContain('list[i].contentWindow !== event.source');
  });

  it('puts the snippet and the discovery link on the story page, saying which sites may show it', async () => {
    const page = (await t.http().get('/stories/geneva-embed').set('Accept', BROWSER_ACCEPT).expect(200)).text;
    const snippet = page.match(/<textarea id="embed-snippet"[^>]*>([\s\S]*?)<\/textarea>/)?.[1];
    expect(snippet).toContain(`&lt;iframe src=&quot;${ORIGIN}/embed/stories/geneva-embed&quot;`);
    expect(snippet).toContain(`&lt;script src=&quot;${ORIGIN}/assets/embed-host.js&quot; async&gt;&lt;/script&gt;`);
    expect(page).toContain('Only pages of https://news.example, https://*.partner.example may show it.');
    expect(page).toContain(`<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=`);
    expect(page).toContain('<label for="embed-snippet">Embed code</label>');
  });
});

describe.each(BACKENDS)('embeds with no DATELINE_EMBED_ORIGINS (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
    const made = await created(t, '/stories', story({ slug: 'nowhere-embed' }));
    await t.http().get(`/stories/nowhere-embed/timeline?minPosition=${made.position}`).expect(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await backend?.cleanup();
  });

  it("is framable nowhere: frame-ancestors 'none', and the story page says no site may show it yet", async () => {
    const res = await t.http().get('/embed/stories/nowhere-embed').expect(200);
    expect(directives(res.headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
    expect(res.headers['x-frame-options']).toBeUndefined();
    const page = (await t.http().get('/stories/nowhere-embed').set('Accept', BROWSER_ACCEPT).expect(200)).text;
    expect(page).toContain('No other site may show it yet: the service’s DATELINE_EMBED_ORIGINS lists none.');
  });
});
