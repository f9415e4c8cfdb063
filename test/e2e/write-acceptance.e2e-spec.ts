import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import { BACKENDS, eventCount as countEvents } from '../support/backends';
import { bearer, TestApp } from '../support/test-app';

/**
 * Issue 13 through HTTP: the write side accepts only what the read side can hold
 * (docs/adr/0007-accepted-date-range.md). Each refusal is a 400 naming the field and appends
 * nothing; afterwards the projections still move (a refused event can no longer stop them).
 */
describe.each(BACKENDS)('the write side refuses what the read side cannot hold, on %s', (_name, start) => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let storyId: string;
  beforeAll(async () => {
    ({ app: t, cleanup } = await start());
    storyId = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'acceptance' }))
        .expect(201)
    ).body.id;
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

  /** A 400 whose messages match `problem`, with nothing appended. */
  const refused = async (path: string, body: unknown, problem: RegExp) => {
    const before = await eventCount();
    const res = await post(path, body);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: expect.objectContaining({ statusCode: 400, error: 'Bad Request' }),
    });
    expect([res.body.message].flat().join('\n')).toMatch(problem);
    expect(await eventCount()).toBe(before);
  };

  /** The projections still move: a new event can be read back at its position. */
  const projectionsMove = async () => {
    const ok = await post('/diplomatic-events', diplomaticEvent({ title: `Still moving ${randomUUID()}`, storyIds: [storyId] })).expect(
      201,
    );
    const read = await t.http().get(`/diplomatic-events/${ok.body.id}?minPosition=${ok.body.position}`).expect(200);
    expect(read.body).toMatchObject({ id: ok.body.id, storyIds: [storyId] });
  };

  it.each([
    ['a day in year 0', { when: onDay('0000-01-01') }, /when\.on must be from 1000-01-01 to 9999-12-31 \(got "0000-01-01"\)/],
    ['a day before 1000', { when: onDay('0999-12-31') }, /when\.on must be from 1000-01-01 to 9999-12-31/],
    [
      'a time in year 10000 in UTC',
      { when: onDay('9999-12-31', { at: '9999-12-31T23:00:00-12:00' }) },
      /when\.at must be from 1000-01-01 to 9999-12-31 in UTC/,
    ],
    [
      'a time without seconds',
      { when: onDay('2024-03-05', { at: '2024-03-05T10:00+01:00' }) },
      /when\.at must be an RFC 3339 instant with seconds/,
    ],
    [
      'a period that ends before it starts',
      { when: { precision: 'period', from: '2024-03-05', until: '2024-03-01', certainty: 'explicit' } },
      /when\.until must not be before when\.from/,
    ],
    [
      'editorial time in the future',
      { publishedAt: '2999-01-01T00:00:00Z' },
      /publishedAt 2999-01-01T00:00:00Z is after this write is recorded/,
    ],
    ['storyIds null', { storyIds: null }, /storyIds must not be null/],
    ['participants null', { participants: null }, /participants must not be null/],
    ['sources null', { sources: null }, /sources must not be null/],
    ['quotes null', { quotes: null }, /quotes must not be null/],
    ['summary null', { summary: null }, /summary must not be null/],
    ['a participant role null', { participants: [{ name: 'A', role: null }] }, /participants\.0\.role must not be null/],
  ])('create: 400 for %s, nothing appended', async (_case, over, problem) => {
    await refused('/diplomatic-events', diplomaticEvent(over), problem);
  });

  it('create: storyIds must name existing stories, each once', async () => {
    const unknown = randomUUID();
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ storyIds: [storyId, unknown] }),
      new RegExp(`storyIds names story ${unknown}, which does not exist`),
    );
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ storyIds: [storyId, storyId.toUpperCase()] }),
      new RegExp(`storyIds lists ${storyId} more than once`),
    );
    // The same UUID in upper case is the same story; it is kept in lower case.
    const created = await post('/diplomatic-events', diplomaticEvent({ storyIds: [storyId.toUpperCase()] })).expect(201);
    const read = await t.http().get(`/diplomatic-events/${created.body.id}?minPosition=${created.body.position}`).expect(200);
    expect(read.body.storyIds).toEqual([storyId]);
  });

  it('amendments: the merged result is checked, null removes only optional fields, storyIds must exist', async () => {
    const { id } = (await post('/diplomatic-events', diplomaticEvent({ when: onDay('2024-03-05') })).expect(201)).body;
    const amend = (changes: Record<string, unknown>) => ({ expectedVersion: 1, changes, reason: 'Correction' });
    await refused(
      `/diplomatic-events/${id}/amendments`,
      amend({ when: onDay('0000-01-01') }),
      /when\.on must be from 1000-01-01 to 9999-12-31/,
    );
    await refused(
      `/diplomatic-events/${id}/amendments`,
      amend({ storyIds: null }),
      /changes\.storyIds cannot be null: send \[\] for an empty list/,
    );
    await refused(`/diplomatic-events/${id}/amendments`, amend({ participants: null }), /changes\.participants cannot be null/);
    await refused(`/diplomatic-events/${id}/amendments`, amend({ when: null }), /changes\.when cannot be removed/);
    const unknown = randomUUID();
    await refused(
      `/diplomatic-events/${id}/amendments`,
      amend({ storyIds: [unknown] }),
      new RegExp(`changes\\.storyIds names story ${unknown}, which does not exist`),
    );
    const ok = await post(`/diplomatic-events/${id}/amendments`, amend({ storyIds: [storyId], summary: null })).expect(201);
    const read = await t.http().get(`/diplomatic-events/${id}?minPosition=${ok.body.position}`).expect(200);
    expect(read.body).toMatchObject({ version: 2, storyIds: [storyId] });
    expect(read.body.summary).toBeUndefined();
  });

  it('expectedVersion and expectedRevision beyond 2^53 - 1 are a 400, not a 409', async () => {
    const { id } = (await post('/diplomatic-events', diplomaticEvent()).expect(201)).body;
    for (const expectedVersion of [9007199254740992, 9007199254740994, 1e20]) {
      await refused(
        `/diplomatic-events/${id}/amendments`,
        { expectedVersion, changes: { title: 'Other' }, reason: 'r' },
        /expectedVersion must not be greater than 9007199254740991/,
      );
      await refused(
        `/diplomatic-events/${id}/retraction`,
        { expectedVersion, reason: 'r' },
        /expectedVersion must not be greater than 9007199254740991/,
      );
      await refused(
        `/stories/${storyId}/revisions`,
        { expectedRevision: expectedVersion, headline: 'Other', changeNote: 'x' },
        /expectedRevision must not be greater than 9007199254740991/,
      );
    }
  });

  it('after all the refusals, the projections still move', async () => {
    await projectionsMove();
  });

  it('the OpenAPI document no longer says null is allowed on create', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const create = doc.components.schemas.RecordDiplomaticEventDto.properties;
    for (const field of ['storyIds', 'participants', 'sources', 'quotes', 'summary', 'location'])
      expect({ field, nullable: create[field].nullable }).toEqual({ field, nullable: undefined });
    const changes = doc.components.schemas.DiplomaticEventChangesDto.properties;
    expect(changes.summary.nullable).toBe(true);
    expect(changes.storyIds.nullable).toBeUndefined();
  });
});
