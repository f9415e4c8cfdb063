import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTempDatabase } from '@dateline/event-store/testing';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { RawHttpConnection } from '../support/raw-http';
import { bearer, created, listen, startTestApp, TestApp } from '../support/test-app';

/** Public reads are answered from the cache while the read models stay where they were. */
describe('read cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const record = async (title: string) => {
    const made = (
      await t
        .http()
        .post('/diplomatic-events')
        .set(bearer())
        .send(diplomaticEvent({ title, when: onDay('2019-03-04') }))
        .expect(201)
    ).body as { position: number };
    // Let the projections catch up (minPosition is never cached).
    await t.http().get(`/timeline/2019-03-04?minPosition=${made.position}`).expect(200);
  };
  const titles = (body: { entries: { title: string }[] }) => body.entries.map((e) => e.title);

  it('answers a repeated read from the cache, with the same body, and a write shows at once', async () => {
    await record('First meeting');
    const first = await t.http().get('/timeline/2019-03-04').expect(200);
    const again = await t.http().get('/timeline/2019-03-04').expect(200);
    expect(first.headers['x-dateline-read-cache']).toBe('miss');
    expect(again.headers['x-dateline-read-cache']).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    // Per-request headers are the request's own, not the cached ones.
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(again.headers['content-security-policy']).toBeDefined();

    await record('Second meeting');
    const after = await t.http().get('/timeline/2019-03-04').expect(200);
    expect(after.headers['x-dateline-read-cache']).toBe('miss');
    expect(titles(after.body)).toEqual(expect.arrayContaining(['First meeting', 'Second meeting']));
  });

  it('never caches a read with minPosition, nor an error', async () => {
    await record('Third meeting');
    for (let i = 0; i < 2; i++) {
      const waited = await t.http().get('/timeline/2019-03-04?minPosition=1').expect(200);
      expect(waited.headers['x-dateline-read-cache']).toBeUndefined();
      const bad = await t.http().get('/timeline/2019-02-30').expect(400);
      expect(bad.headers['x-dateline-read-cache']).toBe('miss');
    }
  });

  it('keeps the reader page its own headers on a hit', async () => {
    const first = await t.http().get('/').set('Accept', 'text/html').expect(200);
    const again = await t.http().get('/').set('Accept', 'text/html').expect(200);
    expect(again.headers['x-dateline-read-cache']).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
  });

  it('keeps the HTML and the JSON answer of a story apart', async () => {
    const created = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ headline: 'Cached story' }))
        .expect(201)
    ).body as { id: string; position: number };
    await t.http().get(`/stories/${created.id}?minPosition=${created.position}`).expect(200);
    for (const round of ['miss', 'hit']) {
      const page = await t.http().get(`/stories/${created.id}`).set('Accept', 'text/html').expect(200);
      const json = await t.http().get(`/stories/${created.id}`).set('Accept', 'application/json').expect(200);
      expect([page.headers['x-dateline-read-cache'], json.headers['x-dateline-read-cache']]).toEqual([round, round]);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect((json.body as { headline: string }).headline).toBe('Cached story');
    }
  });

  // On PostgreSQL: PGlite answers in this process, one query at a time, so readers never overlap there.
  it('computes an answer once for readers asking it at the same time (PostgreSQL)', async () => {
    const db = await createTempDatabase();
    const pg = await startTestApp({ databaseUrl: db.url, inMemory: false });
    try {
      const made = await created(pg, '/diplomatic-events', diplomaticEvent({ title: 'Talks', when: onDay('2019-03-04') }));
      await pg.http().get(`/timeline/2019-03-04?minPosition=${made.position}`).expect(200);
      // Twenty connections opened first, then a request written on each at once: each reaches the
      // cache before the first answer is computed (fetch would open them one after another).
      const base = await listen(pg);
      const connections = await Promise.all(Array.from({ length: 20 }, () => RawHttpConnection.open(base)));
      for (const c of connections)
        c.send('GET /?from=2019-03-01&to=2019-03-31 HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n');
      const answers = (await Promise.all(connections.map((c) => c.closed))).map((raw) => ({
        cache: /^x-dateline-read-cache: (\w+)/im.exec(raw)?.[1],
        text: raw.slice(raw.indexOf('\r\n\r\n')),
      }));
      const misses = answers.filter((a) => a.cache === 'miss');
      expect([misses.length, answers.length - misses.length]).toEqual([1, 19]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    } finally {
      await pg.close();
      await db.drop();
    }
  });

  it('is off with DATELINE_READ_CACHE_ENTRIES=0', async () => {
    const off = await startTestApp({ readCacheEntries: 0 });
    try {
      await off.http().get('/timeline/2019-03-04').expect(200);
      const again = await off.http().get('/timeline/2019-03-04').expect(200);
      expect(again.headers['x-dateline-read-cache']).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});
