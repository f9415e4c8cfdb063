import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, story } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Issue 13 (parts 6 and 8): read inputs that reached PostgreSQL or a lenient parse and came
 * back as a 500, or were read as something else. Each is a 400 that names the parameter, and
 * a write whose body is not UTF-8 is refused rather than stored with U+FFFD in it.
 */
describe('read inputs are parsed strictly', () => {
  let t: TestApp;
  let storyId: string;

  beforeAll(async () => {
    t = await startTestApp({ minPositionWaitMs: 100 });
    storyId = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'strict-reads' }))
        .expect(201)
    ).body.id;
    await t
      .http()
      .post(`/stories/${storyId}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, body: 'Changed.', changeNote: 'c' })
      .expect(201);
    await t
      .http()
      .post('/diplomatic-events')
      .set(bearer())
      .send(diplomaticEvent({ storyIds: [storyId] }))
      .expect(201);
  });
  afterAll(async () => t?.close());

  /** The answer's messages, as one string (JSON or the HTML error page). */
  const problem = async (path: string, accept = 'application/json') => {
    const res = await t.http().get(path).set('Accept', accept);
    return { status: res.status, message: res.type === 'application/json' ? [res.body.message].flat().join('; ') : res.text };
  };

  it.each([
    ['/timeline?from=2024-03-01&to=2024-03-31&participant=%00'],
    ['/timeline?from=2024-03-01&to=2024-03-31&participant=UA%00'],
    ['/timeline/2024-03-05?participant=%00'],
    ['/timeline/export/timelinejs?from=2024-03-01&to=2024-03-31&participant=a%00b'],
  ])('a NUL in participant is a 400 naming it: %s', async (path) => {
    const { status, message } = await problem(path);
    expect({ status, message }).toEqual({ status: 400, message: expect.stringMatching(/participant/) });
  });

  it.each([
    ['revisions/2147483648', /\bn\b/],
    ['revisions/99999999999999999999', /\bn\b/],
    ['revisions/1e3', /\bn\b/],
    ['revisions/0x1', /\bn\b/],
    ['diff?from=1&to=2147483648', /\bto\b/],
    ['diff?from=4294967297&to=2', /\bfrom\b/],
    ['diff?from=0x1&to=2', /\bfrom\b/],
    ['diff?from=1&to=2e0', /\bto\b/],
  ])('a revision number out of range or not decimal is a 400 naming it: %s', async (tail, name) => {
    const { status, message } = await problem(`/stories/${storyId}/${tail}`);
    expect({ status, message }).toEqual({ status: 400, message: expect.stringMatching(name) });
  });

  it('revision numbers up to 2^31 - 1 are still read (and are simply not there)', async () => {
    expect(await problem(`/stories/${storyId}/revisions/2147483647`)).toEqual({
      status: 404,
      message: expect.stringMatching(/no revision 2147483647/),
    });
    expect((await t.http().get(`/stories/${storyId}/revisions/2`)).body.revision).toBe(2);
  });

  it.each([['the story page', (q: string) => `/stories/STORY?from=1&to=${q}`, BROWSER_ACCEPT]])(
    '%s: out-of-range and non-decimal revisions are a 400 too',
    async (_, path, accept) => {
      for (const bad of ['2147483648', '1e0', '0x2', ' 2']) {
        const { status, message } = await problem(path(encodeURIComponent(bad)).replace('STORY', storyId), accept);
        expect({ bad, status, message }).toEqual({ bad, status: 400, message: expect.stringMatching(/\bto\b/) });
      }
    },
  );

  it.each([['1e3'], ['0x10'], [''], ['1.0'], ['-1'], ['+1'], [' 1'], ['9007199254740992'], ['99999999999999999999']])(
    'minPosition=%p is a 400 naming it, on every read route',
    async (value) => {
      const q = `minPosition=${encodeURIComponent(value)}`;
      for (const [path, accept] of [
        [`/timeline/2024-03-05?${q}`, 'application/json'],
        [`/timeline?from=2024-03-01&to=2024-03-02&${q}`, 'application/json'],
        [`/timeline/export/timelinejs?from=2024-03-01&to=2024-03-02&${q}`, 'application/json'],
        [`/stories/${storyId}?${q}`, 'application/json'],
        [`/stories/${storyId}/revisions?${q}`, 'application/json'],
        [`/stories/${storyId}/diff?from=1&to=2&${q}`, 'application/json'],
        [`/?${q}`, BROWSER_ACCEPT],
        [`/stories/${storyId}?${q}`, BROWSER_ACCEPT],
      ]) {
        const { status, message } = await problem(path, accept);
        expect({ path, status, message }).toEqual({ path, status: 400, message: expect.stringMatching(/minPosition/) });
      }
    },
  );

  it('minPosition in decimal digits is still read, up to the largest safe integer', async () => {
    for (const value of ['0', '007', '9007199254740991']) {
      const res = await t.http().get(`/timeline/2024-03-05?minPosition=${value}`).expect(200);
      expect(res.headers['x-dateline-caught-up']).toBe(value === '9007199254740991' ? 'false' : 'true');
    }
  });

  it('the reader page refuses the ranges the API refuses, with the same message', async () => {
    const api = await problem('/timeline?from=0001-01-01&to=9999-12-31');
    const page = await problem('/?from=0001-01-01&to=9999-12-31', BROWSER_ACCEPT);
    expect(api).toEqual({ status: 400, message: expect.stringMatching(/at most 3660 days/) });
    expect(page).toEqual({ status: 400, message: expect.stringMatching(/at most 3660 days/) });
    // The same order rule too, in the same words.
    expect((await problem('/timeline?from=2024-03-05&to=2024-03-01')).message).toMatch(/from must not be after to/);
    expect((await problem('/?from=2024-03-05&to=2024-03-01', BROWSER_ACCEPT)).message).toMatch(/from must not be after to/);
    await t.http().get('/?from=2014-03-01&to=2024-03-01').set('Accept', BROWSER_ACCEPT).expect(200);
  });
});

describe('write bodies must be UTF-8', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const send = (contentType: string, bytes: Buffer) =>
    t
      .http()
      .post('/stories')
      .set(bearer())
      .set('Content-Type', contentType)
      .serialize((b: unknown) => b as string)
      .send(bytes);
  const count = async () => t.storage.store.countEvents();

  it.each([['iso-8859-1'], ['ISO-8859-1'], ['latin1'], ['windows-1252'], ['utf-16'], ['"utf-16le"'], ['']])(
    'a body declared charset=%s is a 415 naming the charset, and stores nothing',
    async (charset) => {
      const before = await count();
      const res = await send(
        `application/json; charset=${charset}`,
        Buffer.from(JSON.stringify(story({ slug: 'latin', headline: 'Zürich' })), 'latin1'),
      );
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 415, message: expect.stringMatching(/charset/) });
      expect(await count()).toBe(before);
    },
  );

  it('utf-8 in any spelling of the charset is taken', async () => {
    for (const [i, charset] of ['utf-8', 'UTF-8', 'utf8', '"utf-8"'].entries()) {
      const res = await send(
        `application/json; charset=${charset}`,
        Buffer.from(JSON.stringify(story({ slug: `utf-${i}`, headline: 'Zürich — 東京' })), 'utf8'),
      );
      expect({ charset, status: res.status }).toEqual({ charset, status: 201 });
    }
  });

  it('a body that is not valid UTF-8 is a 400 saying so, and stores nothing', async () => {
    const before = await count();
    // "Zürich" in ISO-8859-1: 0xFC is not UTF-8.
    const res = await send('application/json', Buffer.from(JSON.stringify(story({ slug: 'not-utf8', headline: 'Zürich' })), 'latin1'));
    expect({ status: res.status, message: [res.body.message].flat().join(' ') }).toEqual({
      status: 400,
      message: expect.stringMatching(/UTF-8/),
    });
    expect(await count()).toBe(before);
  });
});
