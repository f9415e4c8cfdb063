import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { story } from '../support/fixtures';
import { BACKENDS, eventCount as countEvents } from '../support/backends';
import { bearer, startTestApp, TestApp } from '../support/test-app';

// Issue 14: a slug belongs to one story, stories are addressed by slug, and errors say what to do.
describe.each(BACKENDS)('slugs and error messages on %s', (_name, start) => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ app: t, cleanup } = await start());
  });
  afterAll(async () => {
    await t.close();
    await cleanup();
  });

  const eventCount = () => countEvents(t);
  const post = (path: string, body: unknown) =>
    t
      .http()
      .post(path)
      .set(bearer())
      .send(body as object);
  const messages = (res: { body: { message: unknown } }) => res.body.message as string[];

  describe('unique slugs', () => {
    it('a second story with a slug is a 409 naming the first, and writes nothing', async () => {
      const first = (await post('/stories', story({ slug: 'istanbul-peace-talks-2025' })).expect(201)).body;
      const before = await eventCount();
      const res = await post('/stories', story({ slug: 'istanbul-peace-talks-2025', headline: 'Another' })).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', slug: 'istanbul-peace-talks-2025', storyId: first.id });
      expect(res.body.message).toContain(`slug istanbul-peace-talks-2025 already belongs to story ${first.id}`);
      expect(await eventCount()).toBe(before);
    });

    it('32 concurrent creates of one slug: one 201, the rest 409 naming it', async () => {
      const responses = await Promise.all(
        Array.from({ length: 32 }, (_, i) => post('/stories', story({ slug: 'race-for-a-slug', headline: `Take ${i}` }))),
      );
      const created = responses.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      const winner = created[0].body.id as string;
      for (const r of responses.filter((r) => r.status !== 201)) {
        expect(r.status).toBe(409);
        expect(r.body).toMatchObject({ slug: 'race-for-a-slug', storyId: winner });
      }
      const stories = await t.storage.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM dateline_events WHERE type = 'StoryCreated' AND data->>'slug' = 'race-for-a-slug'`,
      );
      expect(stories.rows[0].n).toBe(1);
    });

    it('an idempotent retry of a create answers its first 201, not a 409 about its own slug', async () => {
      const key = `slug-retry-${randomUUID()}`;
      const body = story({ slug: 'retried-create' });
      const first = await t.http().post('/stories').set(bearer()).set('Idempotency-Key', key).send(body).expect(201);
      const again = await t.http().post('/stories').set(bearer()).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('stories by slug', () => {
    let id: string;
    let position: number;
    beforeAll(async () => {
      id = (await post('/stories', story({ slug: 'geneva-by-slug', headline: 'Talks open in Geneva' })).expect(201)).body.id;
      // Revised by slug, right after creation (before the read models may know the slug).
      position = (
        await post('/stories/geneva-by-slug/revisions', {
          expectedRevision: 1,
          headline: 'Talks open in Geneva, day two',
          changeNote: 'Day two',
        }).expect(201)
      ).body.position;
    });

    it('GET /stories/:slug and its sub-routes answer as by id', async () => {
      const byId = await t.http().get(`/stories/${id}?minPosition=${position}`).expect(200);
      const bySlug = await t.http().get(`/stories/geneva-by-slug?minPosition=${position}`).expect(200);
      expect(bySlug.body).toMatchObject({ id, slug: 'geneva-by-slug', revision: 2, headline: 'Talks open in Geneva, day two' });
      expect(bySlug.body.headline).toBe(byId.body.headline);
      expect((await t.http().get('/stories/geneva-by-slug/revisions').expect(200)).body).toMatchObject({
        id,
        revisions: [{ revision: 1 }, { revision: 2 }],
      });
      expect((await t.http().get('/stories/geneva-by-slug/revisions/1').expect(200)).body).toMatchObject({
        id,
        revision: 1,
        headline: 'Talks open in Geneva',
      });
      expect((await t.http().get('/stories/geneva-by-slug/diff?from=1&to=2').expect(200)).body).toMatchObject({ id, from: 1, to: 2 });
    });

    it('the HTML story page by slug', async () => {
      const page = await t.http().get('/stories/geneva-by-slug').set('Accept', 'text/html').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Talks open in Geneva, day two');
    });

    it('a revision that is not there says which there are', async () => {
      const res = await t.http().get('/stories/geneva-by-slug/diff?from=1&to=3').expect(404);
      expect(res.body.message).toBe('story geneva-by-slug has no revision 3: its revisions are 1 to 2');
    });
  });

  describe('404 for anything that names no story or diplomatic event', () => {
    const zero = '00000000-0000-0000-0000-000000000000';
    it.each(['no-such-story', zero, randomUUID(), 'not a uuid!', '12345'])('story %s', async (address) => {
      const path = `/stories/${encodeURIComponent(address)}`;
      for (const p of [path, `${path}/revisions`, `${path}/revisions/1`, `${path}/diff?from=1&to=2`]) {
        const res = await t.http().get(p).expect(404);
        expect(res.body.message).toMatch(/not found/);
      }
      const before = await eventCount();
      await post(`${path}/revisions`, { expectedRevision: 1, headline: 'x', changeNote: 'x' }).expect(404);
      expect(await eventCount()).toBe(before);
    });

    it.each(['not-a-uuid', zero])('diplomatic event %s', async (address) => {
      expect((await t.http().get(`/diplomatic-events/${address}`).expect(404)).body.message).toMatch(/diplomatic event .* not found/);
      await post(`/diplomatic-events/${address}/amendments`, { expectedVersion: 1, changes: { title: 'x' }, reason: 'r' }).expect(404);
      await post(`/diplomatic-events/${address}/retraction`, { expectedVersion: 1, reason: 'r' }).expect(404);
    });
  });

  describe('400s that say what to do', () => {
    it('a missing headline is "headline is required", nothing else about it', async () => {
      const { headline: _h, ...body } = story();
      const res = await post('/stories', body).expect(400);
      expect(messages(res).filter((m) => m.startsWith('headline'))).toEqual(['headline is required']);
    });

    it('a present but bad headline gets its real problems', async () => {
      expect(messages(await post('/stories', story({ headline: 5 })).expect(400))).toEqual(['headline must be a string']);
      expect(messages(await post('/stories', story({ headline: 'x'.repeat(301) })).expect(400))).toEqual([
        'headline must be shorter than or equal to 300 characters',
      ]);
    });

    it('every problem of a body at once, the unknown field included', async () => {
      const before = await eventCount();
      const res = await post('/stories', { slug: 'Bad Slug', headline: '   ', body: 'text', extra: 1 }).expect(400);
      expect(messages(res)).toEqual(
        expect.arrayContaining([
          'extra is not a field of this request (remove it)',
          'slug must be lowercase words joined by hyphens, e.g. istanbul-peace-talks',
          'headline must not be empty',
        ]),
      );
      expect(messages(res)).toHaveLength(3);
      expect(await eventCount()).toBe(before);
    });
  });

  it('a stale expectedRevision is a 409 in revisions, with currentRevision and currentVersion', async () => {
    const s = (await post('/stories', story()).expect(201)).body;
    await post(`/stories/${s.id}/revisions`, { expectedRevision: 1, body: 'Second.', changeNote: 'more' }).expect(201);
    const res = await post(`/stories/${s.id}/revisions`, { expectedRevision: 1, body: 'Third.', changeNote: 'stale' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, currentRevision: 2, currentVersion: 2 });
    expect(res.body.message).toMatch(/^expectedRevision 1 is stale: the story is at revision 2/);
  });

  it('a 401 says where the tokens are configured, and nothing of them', async () => {
    for (const auth of [undefined, 'Bearer wrong-token']) {
      const req = t.http().post('/stories').send(story());
      if (auth) req.set('Authorization', auth);
      const res = await req.expect(401);
      expect(res.body.message).toMatch(/DATELINE_EDITOR_TOKENS.*DATELINE_ADMIN_TOKENS/);
      expect(res.body.message).not.toContain('editor-token-for-tests');
    }
  });
});

describe('401 on the embedded default (generated tokens)', () => {
  it('names the editor-token file in the data directory', async () => {
    const t = await startTestApp({ editorTokens: [], adminTokens: [] });
    try {
      const res = await t.http().post('/stories').set('Authorization', 'Bearer wrong').send(story()).expect(401);
      expect(res.body.message).toMatch(/editor-token .*data directory \(DATELINE_DATA_DIR/);
      expect(res.body.message).not.toContain(t.generatedToken!.token);
    } finally {
      await t.close();
    }
  });
});
