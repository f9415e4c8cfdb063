import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '@dateline/domain';
import fc from 'fast-check';
import { BACKENDS, StartedBackend } from '../support/backends';
import { expandMarkers, nastyString, urlText } from '../support/hostile-input';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { createTempDatabase } from '@dateline/event-store/testing';
import { created, startTestApp, TestApp } from '../support/test-app';

interface Part {
  text: string;
  matched?: true;
}
interface Match {
  field: string;
  how: 'words' | 'similar';
  parts: Part[];
}
interface Result {
  type: 'fact' | 'story';
  id: string;
  score: number;
  matches: Match[];
  entry?: { title: string; version: number };
  headline?: string;
  revision?: number;
}
interface Answer {
  q: string;
  position: number;
  results: Result[];
  next?: string;
}

const DAY = '2032-06-01';
/** Text that tries to forge a mark (the private-use markers) and to break out of HTML. */
const HOSTILE_TITLE = '<script>alert(1)</script> \uE000Rubio\uE001 forged \uE000mark';

const marked = (m: Match) =>
  m.parts
    .filter((p) => p.matched)
    .map((p) => p.text)
    .join(' ');
const text = (m: Match) => m.parts.map((p) => p.text).join('');

describe.each(BACKENDS)('search (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  let last = 0;
  const ids: Record<string, string> = {};
  const sunflowers: string[] = [];

  const write = async (path: string, body: unknown) => {
    const res = await created(t, path, body);
    last = Math.max(last, res.position);
    return res;
  };
  const fact = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (await write('/diplomatic-events', diplomaticEvent({ when: onDay(DAY), location: undefined, quotes: [], ...over }))).id;
  };
  const search = async (q: string, extra = ''): Promise<Answer> =>
    (
      await t
        .http()
        .get(`/search?q=${encodeURIComponent(q)}${extra}&minPosition=${last}`)
        .expect(200)
    ).body as Answer;
  const found = (a: Answer) => a.results.map((r) => r.id);
  const resultOf = (a: Answer, key: string) => {
    const r = a.results.find((x) => x.id === ids[key]);
    if (!r) throw new Error(`${key} not found in ${JSON.stringify(a.results.map((x) => x.entry?.title ?? x.headline))}`);
    return r;
  };

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
    const storyRes = await write(
      '/stories',
      story({ headline: 'Talks resume in Genève', body: 'The ceasefire draft was discussed at length.' }),
    );
    ids.story = storyRes.id;
    await fact('rubioTitle', {
      title: 'Rubio says he will not meet the delegates',
      participants: [{ name: 'Marco Rubio', role: 'Secretary of State', country: 'US' }],
      quotes: [{ text: 'We will not attend the meeting in Istanbul.', speaker: 'Marco Rubio', speakerInferred: false }],
    });
    await fact('rubioSummary', {
      title: 'Ceasefire proposal tabled',
      summary: 'The proposal was welcomed in a statement that also quoted Rubio at length.',
      participants: [{ name: 'Alpha delegation', country: 'FR' }],
    });
    await fact('zelenskyy', { title: 'Delegations meet', participants: [{ name: 'Volodymyr Zelenskyy', country: 'UA' }] });
    await fact('zelensky', {
      title: 'Zelensky accepts the talks',
      participants: [{ name: 'Volodymyr Zelensky', country: 'UA' }],
      location: { name: 'Kraków', country: 'PL' },
    });
    await fact('retracted', { title: 'Rubio lands in Ankara', participants: [{ name: 'Marco Rubio', country: 'US' }] });
    await write(`/diplomatic-events/${ids.retracted}/retraction`, { expectedVersion: 1, reason: 'Never happened' });
    await fact('hostile', { title: HOSTILE_TITLE, participants: [{ name: 'Nobody', country: 'FR' }] });
    for (let i = 0; i < 11; i++) {
      await fact(`sunflower${i}`, { title: `Seeds of peace ${i}`, summary: `A sunflower field, number ${i}, was planted.` });
      sunflowers.push(ids[`sunflower${i}`]);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await backend?.cleanup();
  });

  it('finds "Rubio" in a title, a summary, names and quotes, the title first, and says why each matched', async () => {
    const a = await search('Rubio');
    expect(a.q).toBe('Rubio');
    expect(found(a)).toEqual(expect.arrayContaining([ids.rubioTitle, ids.rubioSummary, ids.hostile]));
    expect(found(a)).not.toContain(ids.retracted);
    expect(found(a).indexOf(ids.rubioTitle)).toBeLessThan(found(a).indexOf(ids.rubioSummary));
    const title = resultOf(a, 'rubioTitle');
    expect(title.score).toBeGreaterThan(resultOf(a, 'rubioSummary').score);
    expect(title.entry?.title).toBe('Rubio says he will not meet the delegates');
    expect(title.matches.map((m) => m.field)).toEqual(['title', 'participants', 'quotes']);
    expect(title.matches[0]).toEqual({
      field: 'title',
      how: 'words',
      parts: [{ text: 'Rubio', matched: true }, { text: ' says he will not meet the delegates' }],
    });
    expect(marked(title.matches[1])).toBe('Rubio');
    expect(resultOf(a, 'rubioSummary').matches.map((m) => m.field)).toEqual(['summary']);
  });

  it('finds a word of a quote, and marks it in the quote', async () => {
    const a = await search('attend');
    expect(found(a)).toEqual([ids.rubioTitle]);
    const [quote] = a.results[0].matches;
    expect(quote.field).toBe('quotes');
    expect(marked(quote)).toBe('attend');
    // A passage around the match (stop words at its ends dropped), with the speaker.
    expect(text(quote)).toContain('not attend the meeting in Istanbul. (Marco Rubio');
  });

  it('matches without regard to accents or case, both ways', async () => {
    const krakow = await search('KRAKOW');
    expect(found(krakow)).toEqual([ids.zelensky]);
    expect(krakow.results[0].matches).toEqual([{ field: 'place', how: 'words', parts: [{ text: 'Kraków', matched: true }] }]);
    const geneve = await search('geneve');
    expect(found(geneve)).toEqual([ids.story]);
    expect(geneve.results[0]).toMatchObject({ type: 'story', headline: 'Talks resume in Genève', revision: 1 });
    expect(marked(geneve.results[0].matches[0])).toBe('Genève');
    expect(found(await search('Genève'))).toEqual([ids.story]);
  });

  it('finds a name from its beginning, and a name spelled another way ("Zelenskyy", "Zelensky"), the same spelling first', async () => {
    expect(found(await search('Rub'))).toEqual(expect.arrayContaining([ids.rubioTitle, ids.rubioSummary]));
    expect(found(await search('zelen'))).toEqual(expect.arrayContaining([ids.zelensky, ids.zelenskyy]));
    const one = await search('Zelensky');
    expect(found(one)).toEqual([ids.zelensky, ids.zelenskyy]);
    expect(resultOf(one, 'zelenskyy').matches).toEqual([
      { field: 'participants', how: 'similar', parts: [{ text: 'Volodymyr Zelenskyy', matched: true }] },
    ]);
    const other = await search('Zelenskyy');
    expect(found(other)).toEqual([ids.zelenskyy, ids.zelensky]);
    expect(resultOf(other, 'zelensky').matches).toEqual([
      { field: 'participants', how: 'similar', parts: [{ text: 'Volodymyr Zelensky', matched: true }] },
    ]);
  });

  it('needs every word, and searches only the latest revision of a story and the current version of a fact', async () => {
    expect(found(await search('Rubio ceasefire'))).toEqual([ids.rubioSummary]);
    expect(found(await search('draft ceasefire'))).toEqual([ids.story]);
    await write(`/stories/${ids.story}/revisions`, {
      expectedRevision: 1,
      kind: 'update',
      changeNote: 'Rewritten',
      body: 'Talks went on.',
    });
    expect(found(await search('draft'))).toEqual([]);
    await write(`/diplomatic-events/${ids.rubioSummary}/amendments`, {
      expectedVersion: 1,
      changes: { summary: 'A statement was issued.' },
      reason: 'Shorter',
    });
    const after = await search('Rubio');
    expect(found(after)).not.toContain(ids.rubioSummary);
    expect(resultOf(after, 'rubioTitle').entry?.version).toBe(1);
  });

  it('pages by limit and cursor (Link rel="next") without skipping or repeating a result while writes go on', async () => {
    const first = await t.http().get(`/search?q=sunflower&limit=4&minPosition=${last}`).expect(200);
    const seen = (first.body as Answer).results.map((r) => r.id);
    expect(first.headers.link).toBe(`</search?q=sunflower&limit=4&minPosition=${last}&cursor=${(first.body as Answer).next}>; rel="next"`);
    // Written after the first page: not on the later pages, which read the first page's position.
    await fact('lateSunflower', { title: 'A late sunflower' });
    let next = (first.body as Answer).next;
    while (next) {
      const page = await t.http().get(`/search?q=sunflower&limit=4&cursor=${next}`).expect(200);
      expect(page.headers['cache-control']).toMatch(/max-age=86400/);
      seen.push(...(page.body as Answer).results.map((r) => r.id));
      next = (page.body as Answer).next;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen)).toEqual(new Set(sunflowers));
    // Scores never rise down the pages.
    const whole = await search('sunflower', '&limit=100');
    expect(found(whole)).toContain(ids.lateSunflower);
    const scores = whole.results.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    // A cursor of another search is refused.
    await t
      .http()
      .get(`/search?q=peace&cursor=${(first.body as Answer).next}`)
      .expect(400)
      .expect((res) => expect(JSON.stringify(res.body)).toContain('cursor belongs to another query'));
  });

  it.each([
    ['empty', '', 'q must not be empty'],
    ['blank', '%20%20', 'q must not be empty'],
    [
      'over-long',
      encodeURIComponent('x'.repeat(MAX_SEARCH_LENGTH + 1)),
      `q must be at most ${MAX_SEARCH_LENGTH} characters long (it has ${MAX_SEARCH_LENGTH + 1})`,
    ],
    [
      'too many words',
      Array.from({ length: MAX_SEARCH_WORDS + 1 }, (_, i) => `w${i}`).join('+'),
      `q may have at most ${MAX_SEARCH_WORDS} words`,
    ],
    ['punctuation only', encodeURIComponent('!!! ---'), 'q must contain a letter or a digit'],
  ])('refuses an %s q with a 400 that names the problem', async (_what, q, message) => {
    const res = await t.http().get(`/search?q=${q}`).expect(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((res.body as { message: string[] }).message.join(' ')).toContain(message);
  });

  it('refuses a missing q and a limit out of range, naming them', async () => {
    await t
      .http()
      .get('/search')
      .expect(400)
      .expect((res) => expect(JSON.stringify(res.body)).toContain('q must not be empty'));
    for (const limit of ['0', '101', 'x'])
      await t
        .http()
        .get(`/search?q=Rubio&limit=${limit}`)
        .expect(400)
        .expect((res) => expect(JSON.stringify(res.body)).toContain('limit'));
  });

  it('keeps hostile text as text: no forged marks in JSON, escaped in HTML', async () => {
    const a = await search('forged');
    const [title] = resultOf(a, 'hostile').matches;
    // The markers in the title are dropped before marking: only the searched word is marked.
    expect(marked(title)).toBe('forged');
    expect(text(title)).toBe('<script>alert(1)</script> Rubio forged mark');
    const page = await t.http().get('/search?q=forged').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Rubio <mark>forged</mark> mark');
    expect(page.text).not.toContain('<script>alert(1)');
  });

  it('answers hostile search texts with results or a 400, never an error of its own', async () => {
    const texts = [
      ...fc.sample(nastyString, { numRuns: 60, seed: 20 }),
      '\u0301',
      '½',
      "'); DROP TABLE timeline_entries_v3; --",
      'a:* & !b | (c',
    ];
    for (const q of texts) {
      // The markers for huge strings expanded, as the write fuzz sends them.
      const res = await t.http().get(`/search?q=${urlText({ text: JSON.parse(expandMarkers(JSON.stringify(q))) as string })}`);
      expect({ q, answered: [200, 400].includes(res.status) }).toEqual({ q, answered: true });
      if (res.status === 200) expect(Array.isArray((res.body as Answer).results)).toBe(true);
    }
    const page = await t
      .http()
      .get(`/search?q=${encodeURIComponent('<b>Rubio</b>')}`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('value="&lt;b&gt;Rubio&lt;/b&gt;"');
  });

  it('answers browsers with the results page and everyone else with JSON, each cached by the read cache rules', async () => {
    const json1 = await t.http().get('/search?q=Rubio').expect(200);
    expect(json1.headers['content-type']).toMatch(/^application\/json/);
    expect(json1.headers['surrogate-key']).toContain('timeline');
    expect(json1.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(json1.headers.vary).toBe('Accept, Accept-Encoding');
    const html1 = await t.http().get('/search?q=Rubio').set('Accept', 'text/html').expect(200);
    expect(html1.headers['content-type']).toMatch(/^text\/html/);
    expect(html1.headers.etag).not.toBe(json1.headers.etag);
    expect(html1.text).toContain('<mark>Rubio</mark>');
    expect(html1.text).toContain(`href="/?from=${DAY}&amp;to=${DAY}#event-${ids.rubioTitle}"`);
    const json2 = await t.http().get('/search?q=Rubio').expect(200);
    expect(json2.headers['x-dateline-read-cache']).toBe('hit');
    expect(json2.headers['content-type']).toMatch(/^application\/json/);
    expect(json2.text).toBe(json1.text);
    const html2 = await t.http().get('/search?q=Rubio').set('Accept', 'text/html').expect(200);
    expect(html2.headers['x-dateline-read-cache']).toBe('hit');
    expect(html2.text).toBe(html1.text);
    await t.http().get('/search?q=Rubio').set('If-None-Match', json1.headers.etag).expect(304);
  });

  it('the read models, with their search indexes, equal a rebuild from the log', async () => {
    await search('Rubio');
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, t.storage.sql);
    expect(live).toEqual(rebuilt);
  });
});

describe('search on a store whose tables predate it (PostgreSQL)', () => {
  it('adds the generated search columns at start, without projecting again, and finds what was there', async () => {
    const db = await createTempDatabase();
    try {
      const before = await startTestApp({ databaseUrl: db.url, inMemory: false });
      const fact = await created(before, '/diplomatic-events', diplomaticEvent({ title: 'Envoys meet in Lausanne', when: onDay(DAY) }));
      await before.http().get(`/timeline/${DAY}?minPosition=${fact.position}`).expect(200).expect('X-Dateline-Caught-Up', 'true');
      // The tables as a version before search created them.
      await before.storage.sql.query('ALTER TABLE timeline_entries_v3 DROP COLUMN search_vector, DROP COLUMN search_names');
      await before.storage.sql.query('ALTER TABLE story_revisions_v3 DROP COLUMN search_vector');
      await before.close();

      const after = await startTestApp({ databaseUrl: db.url, inMemory: false });
      try {
        const res = await after.http().get(`/search?q=Lausanne&minPosition=${fact.position}`).expect(200);
        expect((res.body as Answer).results.map((r) => r.id)).toEqual([fact.id]);
      } finally {
        await after.close();
      }
    } finally {
      await db.drop();
    }
  }, 60_000);
});
