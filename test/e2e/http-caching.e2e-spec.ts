import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SqlQueryable } from '@dateline/event-store';
import { BACKENDS, StartedBackend } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface Written {
  readonly id: string;
  readonly version: number;
  readonly position: number;
}

async function write(t: TestApp, path: string, body: unknown): Promise<Written> {
  return (
    await t
      .http()
      .post(path)
      .set(bearer())
      .send(body as object)
      .expect(201)
  ).body as Written;
}

/** Counts the statements the service sends while `work` runs: a 304 must need none. */
async function statementsDuring(sql: SqlQueryable, work: () => Promise<unknown>): Promise<number> {
  const query = sql.query.bind(sql);
  let count = 0;
  sql.query = (...args: Parameters<SqlQueryable['query']>) => {
    count++;
    return query(...args);
  };
  try {
    await work();
  } finally {
    sql.query = query;
  }
  return count;
}

describe.each(BACKENDS)('HTTP caching of public reads (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  const DAY = '2032-07-01';

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
  });
  afterAll(async () => {
    await t.close();
    await backend.cleanup();
  });

  it('answers 304 without a query while nothing moved, and a new tag once anything did', async () => {
    const made = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Opening session', when: onDay(DAY) }));
    const first = await t.http().get(`/timeline/${DAY}?minPosition=${made.position}`).expect(200);
    const url = `/timeline/${DAY}`;
    const fresh = await t.http().get(url).expect(200);
    const etag = fresh.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(fresh.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(fresh.headers['surrogate-key']).toBe(`day:${DAY}`);
    expect(first.headers.etag).not.toBe(etag); // another URL (minPosition), another tag

    let notModified: { status: number; text: string; headers: Record<string, string> } | undefined;
    // The fewest of three tries: a 304 that needed a query would send it every time, while the
    // projector's and the lease's own background statements land in a try now and then on a busy machine.
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) {
      tries.push(
        await statementsDuring(t.storage.sql, async () => {
          notModified = await t.http().get(url).set('If-None-Match', etag);
        }),
      );
      expect(notModified).toMatchObject({ status: 304, text: '' });
      expect(notModified!.headers.etag).toBe(etag);
    }
    expect(Math.min(...tries)).toBe(0);
    // The validators, the caching fields and the request id; not the answer's security headers,
    // which the cache revalidating keeps from the 200 it holds (RFC 9111, section 4.3.4).
    expect(notModified!.headers['cache-control']).toBe(fresh.headers['cache-control']);
    expect(notModified!.headers.vary).toBe(fresh.headers.vary);
    expect(notModified!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers['content-security-policy']).toContain("default-src 'self'");
    expect(notModified!.headers['content-security-policy']).toBeUndefined();
    // While an answer that is not cached does send some.
    expect(await statementsDuring(t.storage.sql, () => t.http().get(`${url}?limit=7`).expect(200))).toBeGreaterThan(0);

    // A write anywhere moves the read models: the old tag is no longer the answer's.
    const elsewhere = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Elsewhere', when: onDay('2032-07-02') }));
    await t.http().get(`/timeline/2032-07-02?minPosition=${elsewhere.position}`).expect(200);
    const moved = await t.http().get(url).set('If-None-Match', etag).expect(200);
    expect(moved.headers.etag).not.toBe(etag);
    expect(moved.body.entries).toEqual(fresh.body.entries);
    await t.http().get(url).set('If-None-Match', `"other", ${moved.headers.etag}`).expect(304);
  });

  it('changes the tag and the answer when an entry of the answer changes', async () => {
    const made = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Draft title', when: onDay(DAY) }));
    const before = await t.http().get(`/timeline/${DAY}?minPosition=${made.position}`).expect(200);
    const url = `/timeline/${DAY}`;
    const tagged = await t.http().get(url).expect(200);
    const amended = await write(t, `/diplomatic-events/${made.id}/amendments`, {
      expectedVersion: 1,
      changes: { title: 'Final title' },
      reason: 'Wording',
    });
    await t.http().get(`/diplomatic-events/${made.id}?minPosition=${amended.position}`).expect(200);
    const after = await t.http().get(url).set('If-None-Match', tagged.headers.etag).expect(200);
    expect(after.headers.etag).not.toBe(tagged.headers.etag);
    const titles = (b: { entries: { id: string; title: string }[] }) => b.entries.filter((e) => e.id === made.id).map((e) => e.title);
    expect(titles(before.body)).toEqual(['Draft title']);
    expect(titles(after.body)).toEqual(['Final title']);
  });

  it('tags a page after the first by its URL alone, for long: the page cannot change', async () => {
    for (let i = 0; i < 3; i++) await write(t, '/diplomatic-events', diplomaticEvent({ title: `Side meeting ${i}`, when: onDay(DAY) }));
    const last = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Closing', when: onDay(DAY) }));
    const first = await t.http().get(`/timeline/${DAY}?limit=2&minPosition=${last.position}`).expect(200);
    const page = `/timeline/${DAY}?limit=2&cursor=${first.body.next}`;
    const second = await t.http().get(page).expect(200);
    expect(second.headers['cache-control']).toBe('public, max-age=86400');
    const more = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Later still', when: onDay(DAY) }));
    await t.http().get(`/timeline/${DAY}?minPosition=${more.position}`).expect(200);
    await t.http().get(page).set('If-None-Match', second.headers.etag).expect(304);
    expect((await t.http().get(page).expect(200)).text).toBe(second.text);
  });

  it('tells the JSON and the HTML of a story apart, names its story, and keeps errors and the desk out of caches', async () => {
    const s = await write(t, '/stories', story());
    const json = await t.http().get(`/stories/${s.id}?minPosition=${s.position}`).expect(200);
    const page = await t.http().get(`/stories/${s.id}?minPosition=${s.position}`).set('Accept', 'text/html').expect(200);
    expect(json.headers.etag).not.toBe(page.headers.etag);
    expect(json.headers['surrogate-key']).toBe(`story:${s.id}`);
    expect(page.headers['surrogate-key']).toBe(`story:${s.id}`);
    const html = await t.http().get(`/stories/${s.id}`).set('Accept', 'text/html').expect(200);
    const again = await t.http().get(`/stories/${s.id}`).set('Accept', 'text/html').set('If-None-Match', html.headers.etag).expect(304);
    // The page's language may come from Accept-Language (docs/languages.md).
    expect(again.headers.vary).toBe('Accept, Accept-Language, Accept-Encoding');
    // The JSON's tag does not answer the page.
    await t.http().get(`/stories/${s.id}`).set('Accept', 'text/html').set('If-None-Match', json.headers.etag).expect(200);
    const missing = await t.http().get('/stories/no-such-story').expect(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
    const reader = await t.http().get('/').set('Accept', 'text/html').expect(200);
    expect(reader.headers['surrogate-key']?.split(' ')).toContain('timeline');
    const range = await t.http().get(`/timeline?from=${DAY}&to=${DAY}`).expect(200);
    expect(range.headers['surrogate-key']?.split(' ')).toEqual(['timeline', `day:${DAY}`]);
    const fact = await write(t, '/diplomatic-events', diplomaticEvent({ storyIds: [s.id] }));
    const event = await t.http().get(`/diplomatic-events/${fact.id}?minPosition=${fact.position}`).expect(200);
    expect(event.headers['surrogate-key']).toBe(`event:${fact.id} story:${s.id}`);
    const desk = await t.http().get('/desk/sign-in').expect(200);
    expect(desk.headers['cache-control']).toBe('no-store');
    expect(desk.headers.etag).toBeUndefined();
  });

  it('gives an asOf view well before the read position a long max-age, and an asPublished one not', async () => {
    const made = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Now', when: onDay(DAY) }));
    await t.http().get(`/timeline/${DAY}?minPosition=${made.position}`).expect(200);
    const past = await t.http().get(`/timeline/${DAY}?asOf=2000-01-01T00:00:00Z`).expect(200);
    expect(past.headers['cache-control']).toBe('public, max-age=86400');
    const published = await t.http().get(`/timeline/${DAY}?asPublished=2000-01-01T00:00:00Z`).expect(200);
    expect(published.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
  });
});

/** A small HTTP server that keeps every purge POSTed to it. */
async function purgeReceiver(answer: (res: ServerResponse) => void = (res) => res.end()): Promise<{
  url: string;
  bodies: { keys: string[]; from: number; to: number }[];
  server: Server;
}> {
  const bodies: { keys: string[]; from: number; to: number }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      bodies.push(JSON.parse(text) as { keys: string[]; from: number; to: number });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, bodies, server };
}

/** Waits until `ok` holds, checking every 20 ms: the purge is sent after the commit, beside the projector. */
async function eventually(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('purge webhook (DATELINE_PURGE_URL)', () => {
  let receiver: Awaited<ReturnType<typeof purgeReceiver>>;
  let t: TestApp;
  beforeAll(async () => {
    receiver = await purgeReceiver();
    t = await startTestApp({ purgeUrl: receiver.url });
  });
  afterAll(async () => {
    await t.close();
    receiver.server.close();
  });

  const keysAfter = async (written: Written): Promise<string[]> => {
    await eventually(() => receiver.bodies.some((b) => b.to >= written.position), `a purge up to ${written.position}`);
    return [...new Set(receiver.bodies.filter((b) => b.from < written.position && b.to >= written.position).flatMap((b) => b.keys))];
  };

  it('names the day, the stories and the event a recorded fact touched, and the timeline', async () => {
    const s = await write(t, '/stories', story());
    const fact = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Summit', when: onDay('2033-02-03'), storyIds: [s.id] }));
    const keys = await keysAfter(fact);
    expect(keys).toEqual(expect.arrayContaining(['timeline', 'day:2033-02-03', `story:${s.id}`, `event:${fact.id}`]));
    expect(keys).not.toContain('day:2033-02-04');
  });

  it('names the day a fact left and the day it moved to, and the days a story revision can sit on', async () => {
    const s = await write(t, '/stories', story({ publishedAt: '2020-03-01T08:00:00Z' }));
    const fact = await write(t, '/diplomatic-events', diplomaticEvent({ title: 'Moved', when: onDay('2033-03-01'), storyIds: [s.id] }));
    await keysAfter(fact);
    const moved = await write(t, `/diplomatic-events/${fact.id}/amendments`, {
      expectedVersion: 1,
      changes: { when: onDay('2033-03-09') },
      reason: 'Wrong day',
    });
    expect(await keysAfter(moved)).toEqual(expect.arrayContaining(['day:2033-03-01', 'day:2033-03-09', `event:${fact.id}`]));
    const revised = await write(t, `/stories/${s.id}/revisions`, {
      expectedRevision: 1,
      body: 'Updated.',
      kind: 'update',
      changeNote: 'New paragraph',
      publishedAt: '2020-03-10T12:00:00Z',
    });
    // On 10 March in UTC; a reader in Tokyo or Honolulu has it on the 11th or the 9th.
    const keys = await keysAfter(revised);
    expect(keys).toEqual(expect.arrayContaining([`story:${s.id}`, 'day:2020-03-09', 'day:2020-03-10', 'day:2020-03-11', 'timeline']));
  });

  it('never holds up the projector: with the purge URL down or silent, writes are read at once, and failures are counted', async () => {
    const silent = await purgeReceiver(() => undefined); // never answers
    const down = await purgeReceiver();
    down.server.close();
    for (const url of [silent.url, down.url]) {
      const other = await startTestApp({ purgeUrl: url, purgeTimeoutMs: 200 });
      try {
        for (let i = 0; i < 3; i++) {
          const made = await write(other, '/diplomatic-events', diplomaticEvent({ title: `Unpurged ${i}`, when: onDay('2033-04-01') }));
          const read = await other.http().get(`/timeline/2033-04-01?minPosition=${made.position}`).expect(200);
          expect(read.headers['x-dateline-caught-up']).toBe('true');
        }
        // Each failure is counted once its request has failed (at once when refused, after 200 ms when silent).
        let metrics = '';
        for (let tries = 0; tries < 100 && !/dateline_purge_requests_total\{outcome="failed"\} [1-9]/.test(metrics); tries++) {
          if (tries > 0) await new Promise((r) => setTimeout(r, 50));
          metrics = (await other.http().get('/metrics').expect(200)).text;
        }
        expect(metrics).toMatch(/dateline_purge_requests_total\{outcome="failed"\} [1-9]/);
        expect(metrics).not.toMatch(/dateline_purge_requests_total\{outcome="sent"\} [1-9]/);
      } finally {
        await other.close();
      }
    }
    silent.server.closeAllConnections();
    silent.server.close();
  });
});
