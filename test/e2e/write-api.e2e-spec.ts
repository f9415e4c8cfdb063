import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import { BACKENDS, eventCount as countEvents } from '../support/backends';
import { ADMIN_TOKEN, bearer, TestApp } from '../support/test-app';

describe.each(BACKENDS)('write API on %s', (_name, start) => {
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

  const createStory = async (over: Record<string, unknown> = {}) => {
    const res = await t.http().post('/stories').set(bearer()).send(story(over)).expect(201);
    return res.body as { id: string; version: number; position: number; revision: number };
  };
  const recordEvent = async (over: Record<string, unknown> = {}) => {
    const res = await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent(over)).expect(201);
    return res.body as { id: string; version: number; position: number };
  };

  describe('authentication', () => {
    it('401 without a token, with an unknown token, or with another scheme', async () => {
      for (const auth of [undefined, 'Bearer wrong-token', 'Basic YWxpY2U6c2VjcmV0', 'Bearer']) {
        const req = t.http().post('/stories').send(story());
        if (auth) req.set('Authorization', auth);
        const res = await req.expect(401);
        expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      }
    });

    it('403 for a token without the role; reads stay public', async () => {
      const res = await t.http().get('/admin/status').set(bearer()).expect(403);
      expect(res.body.message).toContain('admin');
      await t.http().get('/admin/status').set(bearer(ADMIN_TOKEN)).expect(200);
      await t.http().get('/timeline/2024-03-05').expect(200);
    });

    it('an admin token may write too, and the editor name goes into the history', async () => {
      const created = await t.http().post('/diplomatic-events').set(bearer(ADMIN_TOKEN)).send(diplomaticEvent()).expect(201);
      const read = await t.http().get(`/diplomatic-events/${created.body.id}?minPosition=${created.body.position}`).expect(200);
      expect(read.body.history[0]).toMatchObject({ version: 1, editor: 'root' });
    });
  });

  describe('stories', () => {
    it('POST /stories answers 201 with id, version, revision and position, and the story reads back', async () => {
      const created = await createStory();
      expect(created).toEqual({ id: expect.any(String), version: 1, revision: 1, position: expect.any(Number) });
      const read = await t.http().get(`/stories/${created.id}?minPosition=${created.position}`).expect(200);
      expect(read.body).toMatchObject({
        id: created.id,
        slug: expect.stringMatching(/^geneva-summit-\d+$/),
        headline: 'Leaders meet in Geneva',
        developing: true,
        revision: 1,
        tags: ['geneva'],
      });
      expect(read.body.position).toBeGreaterThanOrEqual(created.position);
    });

    it('400 names every bad field and unknown fields, and writes nothing', async () => {
      const before = await eventCount();
      const res = await t.http().post('/stories').set(bearer()).send({ slug: 'Not A Slug', body: 5, extra: true }).expect(400);
      const message = (res.body.message as string[]).join('\n');
      expect(message).toMatch(/slug must be lowercase/);
      expect(message).toMatch(/headline/);
      expect(message).toMatch(/body must be a string/);
      expect(message).toMatch(/extra is not a field of this request/);
      expect(await eventCount()).toBe(before);
    });

    it('400 for malformed JSON, and for a body that is not an object', async () => {
      const bad = await t.http().post('/stories').set(bearer()).set('Content-Type', 'application/json').send('{"slug":').expect(400);
      expect(String(bad.body.message)).toMatch(/JSON/);
      await t.http().post('/stories').set(bearer()).send([story()]).expect(400);
      await t.http().post('/stories').set(bearer()).set('Content-Type', 'application/json').send('"text"').expect(400);
    });

    it('413 for a body over the limit, 415 for a body that is not JSON', async () => {
      const big = story({ body: 'x'.repeat(1_100_000) });
      const res = await t.http().post('/stories').set(bearer()).send(big).expect(413);
      expect(res.body.statusCode).toBe(413);
      await t.http().post('/stories').set(bearer()).set('Content-Type', 'text/plain').send('hello').expect(415);
    });

    it('revisions: 201 with the next revision; 409 with currentVersion on a stale revision', async () => {
      const { id } = await createStory();
      const r2 = await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, body: 'Updated body.', changeNote: 'More detail' })
        .expect(201);
      expect(r2.body).toMatchObject({ id, version: 2, revision: 2 });
      const stale = await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'Other', changeNote: 'x' })
        .expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, currentVersion: 2 });
      const read = await t.http().get(`/stories/${id}?minPosition=${r2.body.position}`).expect(200);
      expect(read.body).toMatchObject({ revision: 2, body: 'Updated body.', headline: 'Leaders meet in Geneva' });
    });

    it('a revision must change something, needs a change note, and takes only update or correction', async () => {
      const { id } = await createStory();
      const same = await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'Leaders meet in Geneva', changeNote: 'none' })
        .expect(400);
      expect(same.body.message.join(' ')).toMatch(/changes nothing/);
      const noNote = await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'New' })
        .expect(400);
      expect(noNote.body.message.join(' ')).toMatch(/changeNote/);
      await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'New', changeNote: 'x', kind: 'rewrite' })
        .expect(400);
      await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'Leaders meet in Genève', changeNote: 'Spelling', kind: 'correction' })
        .expect(201);
    });

    it('404 for an unknown story, also for an id that is not a UUID', async () => {
      await t
        .http()
        .post(`/stories/${randomUUID()}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, headline: 'x', changeNote: 'x' })
        .expect(404);
      await t.http().get(`/stories/${randomUUID()}`).expect(404);
      await t.http().get('/stories/not-a-uuid').expect(404);
    });

    it('concurrent revisions at one revision: one wins, the others get 409, nothing is lost', async () => {
      const { id } = await createStory();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t
            .http()
            .post(`/stories/${id}/revisions`)
            .set(bearer())
            .send({ expectedRevision: 1, body: `Version ${i}`, changeNote: `editor ${i}` }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 201)!;
      const read = await t.http().get(`/stories/${id}?minPosition=${winner.body.position}`).expect(200);
      expect(read.body.revision).toBe(2);
    });
  });

  describe('idempotency', () => {
    it('the same key and body answer the first answer again and append nothing', async () => {
      const key = `k-${randomUUID()}`;
      const first = await t
        .http()
        .post('/stories')
        .set(bearer())
        .set('Idempotency-Key', key)
        .send(story({ slug: 'idem' }))
        .expect(201);
      const again = await t
        .http()
        .post('/stories')
        .set(bearer())
        .set('Idempotency-Key', key)
        .send(story({ slug: 'idem' }))
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // The head is read below the oldest open transaction of the whole server (ADR 0001): another
      // suite's long transaction may hold it back for a moment, so wait for it to pass ours.
      const head = async () => (await t.http().get('/admin/status').set(bearer(ADMIN_TOKEN))).body.log.head as number;
      const deadline = Date.now() + 30_000;
      while ((await head()) < first.body.position && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await head()).toBe(first.body.position);
    });

    it('answers the first answer even after the state moved on', async () => {
      const { id } = await createStory();
      const key = `k-${randomUUID()}`;
      const body = { expectedRevision: 1, body: 'Second', changeNote: 'more' };
      const first = await t.http().post(`/stories/${id}/revisions`).set(bearer()).set('Idempotency-Key', key).send(body).expect(201);
      await t
        .http()
        .post(`/stories/${id}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 2, body: 'Third', changeNote: 'more' })
        .expect(201);
      const again = await t.http().post(`/stories/${id}/revisions`).set(bearer()).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.body).toEqual(first.body);
    });

    it('422 when a key comes back with a different body, and nothing is appended', async () => {
      const key = `k-${randomUUID()}`;
      await t.http().post('/diplomatic-events').set(bearer()).set('Idempotency-Key', key).send(diplomaticEvent()).expect(201);
      const before = await eventCount();
      const res = await t
        .http()
        .post('/diplomatic-events')
        .set(bearer())
        .set('Idempotency-Key', key)
        .send(diplomaticEvent({ title: 'Other' }))
        .expect(422);
      expect(res.body.message).toMatch(/Idempotency-Key/);
      expect(await eventCount()).toBe(before);
    });

    it('400 for a key that is too long', async () => {
      await t.http().post('/stories').set(bearer()).set('Idempotency-Key', 'k'.repeat(201)).send(story()).expect(400);
    });
  });

  describe('diplomatic events', () => {
    it('records an event with partial knowledge and reads it back with its history', async () => {
      const when = {
        precision: 'bounded',
        onOrAfter: '2024-03-01',
        onOrBefore: '2024-03-07',
        certainty: 'inferred',
        wording: 'earlier this week',
      };
      const about = [{ label: 'ceasefire to start', date: { precision: 'day', on: '2024-03-12', certainty: 'explicit' } }];
      const created = await recordEvent({ when, status: 'expected', about, publishedAt: '2024-03-07T18:00:00Z' });
      expect(created).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const read = await t.http().get(`/diplomatic-events/${created.id}?minPosition=${created.position}`).expect(200);
      expect(read.body).toMatchObject({
        id: created.id,
        state: 'active',
        status: 'expected',
        version: 1,
        when,
        about,
        relations: [],
        sources: [
          { attribution: 'named-source', name: 'Wire service' },
          { attribution: 'reportedly', name: 'Local paper', wording: 'reportedly' },
        ],
        quotes: [{ text: 'We came to talk.', speaker: 'Jane Doe', speakerInferred: false }],
      });
      expect(read.body.history).toEqual([expect.objectContaining({ version: 1, type: 'DiplomaticEventRecorded', editor: 'alice' })]);
    });

    it.each([
      [{ when: onDay('2025-02-30') }, /when\.on must be a real calendar date/],
      [{ when: onDay('2025-5-16') }, /when\.on must be a real calendar date YYYY-MM-DD/],
      [{ when: onDay('2024-03-05', { timezone: 'Mars/Olympus' }) }, /when\.timezone must be an IANA time zone/],
      [{ when: onDay('2024-03-05', { timezone: '+03:00' }) }, /when\.timezone must be an IANA time zone/],
      [
        { when: onDay('2024-03-05', { at: '2024-03-05T23:30:00Z', timezone: 'Europe/Zurich' }) },
        /when\.at 2024-03-05T23:30:00Z falls on 2024-03-06 in Europe\/Zurich, not on when\.on 2024-03-05/,
      ],
      [{ when: onDay('2024-03-05', { at: 'yesterday' }) }, /when\.at must be an RFC 3339 instant/],
      [{ when: { precision: 'week', on: '2024-03-05', certainty: 'explicit' } }, /when\.precision must be one of/],
      [{ when: { precision: 'day', on: '2024-03-05' } }, /when\.certainty is required/],
      [{ when: { precision: 'period', from: '2024-03-05', until: '2024-03-05', certainty: 'explicit' } }, /use precision day/],
      [{ when: onDay('2024-03-05', { until: '2024-03-09' }) }, /when\.until is not allowed with precision day/],
      [{ status: 'rumoured' }, /status must be one of the following values: happened, expected, cancelled, postponed, did-not-happen/],
      [{ relations: [{ relation: 'before', fact: 'talks' }] }, /relations\.0\.fact must be a UUID/],
      [
        { about: [{ label: 'ceasefire', date: { precision: 'month', on: '2024-13', certainty: 'explicit' } }] },
        /about\.0\.date\.on must be a month/,
      ],
      [{ publishedAt: 'yesterday' }, /publishedAt must be an RFC 3339 instant/],
      [{ kind: 'summit' }, /kind must be one of/],
      [{ cameoCode: '999' }, /cameoCode "999" is not in the CAMEO 1.1b3 codebook/],
      [{ cameoCode: 'abc' }, /cameoCode must be a CAMEO code/],
      [{ sources: [{ name: 'X' }] }, /sources\.0\.attribution is required/],
      [{ sources: [{ attribution: 'party-claim' }] }, /sources\.0\.name is required when attribution is party-claim/],
      [{ sources: [{ name: 'X', attribution: 'reportedly', hedged: true }] }, /sources\.0\.hedged is not a field of this request/],
      // v1 request bodies are refused, pointing at the v2 field (docs/adr/0014-diplomatic-events-v2.md).
      [{ occurredOn: '2024-03-05' }, /occurredOn is a field of diplomatic events v1: send when/],
      [{ datePrecision: 'span', occurredUntil: '2024-03-09' }, /occurredUntil is a field of diplomatic events v1: send when/],
      [{ quotes: [{ text: 'x', speaker: 'y', speakerInferred: false, mood: 'angry' }] }, /quotes\.0\.mood is not a field of this request/],
      [{ participants: [{ name: 'A', country: 'France' }] }, /participants\.0\.country must be an ISO 3166-1 alpha-2/],
      [{ storyIds: ['nope'] }, /storyIds/],
      [{ title: '' }, /title should not be empty/],
    ])('400 for %j', async (over, message) => {
      const res = await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent(over)).expect(400);
      expect((res.body.message as string[]).join('\n')).toMatch(message);
    });

    it('amendments: 201 with the next version; stale 409; no-op and invalid results 400; unknown 404', async () => {
      const { id } = await recordEvent();
      const amended = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 1, changes: { title: 'Talks open in Geneva' }, reason: 'Clearer title' })
        .expect(201);
      expect(amended.body).toMatchObject({ id, version: 2 });
      const stale = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 1, changes: { summary: 'x' }, reason: 'r' })
        .expect(409);
      expect(stale.body.currentVersion).toBe(2);
      const noop = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { title: 'Talks open in Geneva' }, reason: 'r' })
        .expect(400);
      expect(noop.body.message.join(' ')).toMatch(/changes nothing/);
      const invalid = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { when: onDay('2024-03-06', { at: '2024-03-05T10:00:00+01:00' }) }, reason: 'r' })
        .expect(400);
      expect(invalid.body.message.join(' ')).toMatch(/not on when\.on 2024-03-06/);
      const removeRequired = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { title: null }, reason: 'r' })
        .expect(400);
      expect(removeRequired.body.message.join(' ')).toMatch(/changes.title cannot be removed/);
      await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { title: 'x' } })
        .expect(400);
      await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { colour: 'red' }, reason: 'r' })
        .expect(400);
      await t
        .http()
        .post(`/diplomatic-events/${randomUUID()}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 1, changes: { title: 'x' }, reason: 'r' })
        .expect(404);
      // null removes an optional field
      const removed = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({
          expectedVersion: 2,
          changes: { when: onDay('2024-03-05', { certainty: 'inferred' }), cameoCode: null },
          reason: 'Time was wrong',
          publishedAt: '2024-03-06T08:00:00Z',
        })
        .expect(201);
      const read = await t.http().get(`/diplomatic-events/${id}?minPosition=${removed.body.position}`).expect(200);
      expect(read.body.when).toEqual({ precision: 'day', on: '2024-03-05', certainty: 'inferred' });
      expect(read.body.cameoCode).toBeUndefined();
      expect(read.body.history.map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    });

    it('retraction: 201; then amending or retracting again is a 409', async () => {
      const { id } = await recordEvent();
      const retracted = await t
        .http()
        .post(`/diplomatic-events/${id}/retraction`)
        .set(bearer())
        .send({ expectedVersion: 1, reason: 'Report withdrawn' })
        .expect(201);
      expect(retracted.body).toMatchObject({ id, version: 2 });
      const amend = await t
        .http()
        .post(`/diplomatic-events/${id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 2, changes: { title: 'x' }, reason: 'r' })
        .expect(409);
      expect(amend.body).toMatchObject({ currentVersion: 2, message: expect.stringMatching(/retracted/) });
      await t.http().post(`/diplomatic-events/${id}/retraction`).set(bearer()).send({ expectedVersion: 2, reason: 'again' }).expect(409);
      await t.http().post(`/diplomatic-events/${id}/retraction`).set(bearer()).send({ expectedVersion: 2 }).expect(400);
      await t
        .http()
        .post(`/diplomatic-events/${randomUUID()}/retraction`)
        .set(bearer())
        .send({ expectedVersion: 1, reason: 'r' })
        .expect(404);
      const read = await t.http().get(`/diplomatic-events/${id}?minPosition=${retracted.body.position}`).expect(200);
      expect(read.body).toMatchObject({ state: 'retracted', status: 'happened', version: 2 });
      expect(read.body.history[1]).toMatchObject({ type: 'DiplomaticEventRetracted', reason: 'Report withdrawn' });
    });
  });

  describe('never a 500 for what a client sent', () => {
    it.each([
      ['POST', '/stories', null],
      ['POST', '/stories', 42],
      ['POST', '/stories', { slug: { $gt: '' }, headline: ['a'], body: {} }],
      [
        'POST',
        '/diplomatic-events',
        { title: 'x', kind: 'talks', when: { precision: 'day', on: '2024-01-01', certainty: 'explicit' }, participants: 'all' },
      ],
      [
        'POST',
        '/diplomatic-events',
        { title: 'x', kind: 'talks', when: { precision: 'day', on: '2024-01-01', certainty: 'explicit' }, location: [] },
      ],
      ['POST', '/diplomatic-events', { title: 'x', kind: 'talks', when: '2024-01-01' }],
      ['POST', `/diplomatic-events/${randomUUID()}/amendments`, { expectedVersion: '1', changes: 'x', reason: 1 }],
      ['POST', `/diplomatic-events/${randomUUID()}/amendments`, { expectedVersion: 1, changes: null, reason: 'r' }],
      ['POST', `/stories/${randomUUID()}/revisions`, { expectedRevision: -1, changeNote: 'x' }],
      ['GET', '/timeline?from=2025-01-01&to=2025-01-02&minPosition=-5', undefined],
      ['GET', '/timeline?from=2025-01-01&to=2025-01-02&asOf=never', undefined],
      ['GET', '/timeline?from=2025-01-01&to=2025-01-02&tz=Nowhere/Land', undefined],
    ])('%s %s %j is a 4xx', async (method, path, body) => {
      const req =
        method === 'POST'
          ? t.http().post(path).set(bearer()).set('Content-Type', 'application/json').send(JSON.stringify(body))
          : t.http().get(path);
      const res = await req;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.message).toBeDefined();
    });
  });
});
