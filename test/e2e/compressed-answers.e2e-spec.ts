import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { diplomaticEvent, onDay } from '../support/fixtures';
import { created, listen, startTestApp, TestApp } from '../support/test-app';

interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A GET whose body is kept as sent (fetch and supertest would decompress it). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const DAY = '2019-06-11';
const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' };

/** Kept answers go to readers who take gzip compressed once, with their own ETag (docs/adr/0019-compressed-answers.md). */
describe('compressed answers', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    let position = 0;
    // Enough entries for an answer worth compressing.
    for (let i = 0; i < 6; i++) {
      ({ position } = await created(t, '/diplomatic-events', diplomaticEvent({ title: `Round ${i} of the talks`, when: onDay(DAY) })));
    }
    await get(base, `/timeline/${DAY}?minPosition=${position}`);
  });
  afterAll(async () => t.close());

  /** The first answer is rendered and sent plain; the hits after it get gzip once it is compressed (off the event loop). */
  async function gzipHit(path: string): Promise<RawAnswer> {
    for (let i = 0; i < 200; i++) {
      const answer = await get(base, path, GZIP);
      if (answer.headers['content-encoding'] === 'gzip') return answer;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${path} was never answered with gzip`);
  }

  it('sends the same bytes gzip-compressed to a reader who takes gzip, under another strong ETag, varying by Accept-Encoding', async () => {
    const path = `/timeline/${DAY}`;
    const zipped = await gzipHit(path);
    const plain = await get(base, path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-gzip"`);
    for (const answer of [plain, zipped]) {
      expect(answer.headers.vary).toContain('Accept-Encoding');
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['cache-control']).toMatch(/^public/);
    }
  });

  it('answers a revalidation with the tag it holds, gzip or plain, by 304', async () => {
    const path = `/timeline/${DAY}`;
    const zipped = await gzipHit(path);
    const plain = await get(base, path);
    const zipped304 = await get(base, path, { ...GZIP, 'If-None-Match': zipped.headers.etag! });
    expect(zipped304.status).toBe(304);
    expect(zipped304.headers.etag).toBe(zipped.headers.etag);
    expect(zipped304.headers.vary).toContain('Accept-Encoding');
    const plain304 = await get(base, path, { 'If-None-Match': plain.headers.etag! });
    expect(plain304.status).toBe(304);
    expect(plain304.headers.etag).toBe(plain.headers.etag);
  });

  it('never sends gzip to a reader who refuses it or does not say', async () => {
    const path = `/timeline/${DAY}`;
    await gzipHit(path);
    const refusals: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'gzip;q=0, *' },
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br' },
    ];
    for (const headers of refusals) {
      const answer = await get(base, path, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(answer.body.toString()).date).toBe(DAY);
    }
  });

  it('compresses the reader page too, and leaves answers too small to gain alone', async () => {
    const page = await gzipHit(`/?from=${DAY}&to=${DAY}`);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(gunzipSync(page.body).toString()).toContain('Round 5 of the talks');
    // An unknown day's answer is a few dozen bytes: not worth a gzip header.
    const empty = `/timeline/1999-01-01`;
    await get(base, empty, GZIP);
    for (let i = 0; i < 5; i++) expect((await get(base, empty, GZIP)).headers['content-encoding']).toBeUndefined();
  });
});
