import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, onDay } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

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
