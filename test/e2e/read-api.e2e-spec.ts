import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('reader API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ minPositionWaitMs: 300 });
  });
  afterAll(async () => t.close());

  const post = async (path: string, body: unknown) =>
    (
      await t
        .http()
        .post(path)
        .set(bearer())
        .send(body as object)
        .expect(201)
    ).body as { id: string; version: number; position: number };

  it('GET /timeline/:date lists the entries of that day, ordered, with the read model position', async () => {
    const late = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Afternoon session',
        when: onDay('2023-06-01', { at: '2023-06-01T15:00:00+02:00', timezone: 'Europe/Zurich' }),
      }),
    );
    const early = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Morning session',
        when: onDay('2023-06-01', { at: '2023-06-01T09:00:00+02:00', timezone: 'Europe/Zurich' }),
      }),
    );
    await post('/diplomatic-events', diplomaticEvent({ title: 'Next day', when: onDay('2023-06-02') }));
    const res = await t.http().get(`/timeline/2023-06-01?minPosition=${early.position}`).expect(200);
    expect(res.headers['x-dateline-caught-up']).toBe('true');
    expect(res.body.date).toBe('2023-06-01');
    expect(res.body.position).toBeGreaterThanOrEqual(early.position);
    expect(res.body.entries.map((e: { title: string }) => e.title)).toEqual(['Morning session', 'Afternoon session']);
    expect(res.body.entries[0]).toMatchObject({
      type: 'diplomatic-event',
      id: early.id,
      version: 1,
      cameo: { name: 'Engage in negotiation', plover: 'CONSULT' },
    });
    expect(late.position).toBeLessThan(early.position);
  });

  it('400 for a date that does not exist', async () => {
    const res = await t.http().get('/timeline/2023-02-29').expect(400);
    expect(res.body.message.join(' ')).toMatch(/real calendar date/);
  });

  it('GET /timeline?from&to groups by day and includes both ends', async () => {
    const first = await post('/diplomatic-events', diplomaticEvent({ title: 'Range start', when: onDay('2022-01-10') }));
    await post('/diplomatic-events', diplomaticEvent({ title: 'Range middle', when: onDay('2022-01-11') }));
    const last = await post('/diplomatic-events', diplomaticEvent({ title: 'Range end', when: onDay('2022-01-12') }));
    await post('/diplomatic-events', diplomaticEvent({ title: 'Outside', when: onDay('2022-01-13') }));
    const res = await t.http().get(`/timeline?from=2022-01-10&to=2022-01-12&minPosition=${last.position}`).expect(200);
    expect(res.body).toMatchObject({ from: '2022-01-10', to: '2022-01-12' });
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(['2022-01-10', '2022-01-11', '2022-01-12']);
    expect(res.body.days[0].entries[0].id).toBe(first.id);
    await t.http().get('/timeline?from=2022-01-12&to=2022-01-10').expect(400);
    await t.http().get('/timeline?from=2022-01-12').expect(400);
  });

  it('filters by participant (name or country), kind and story', async () => {
    const s = await post('/stories', story({ slug: 'filters' }));
    await post('/diplomatic-events', diplomaticEvent({ title: 'With Jane', when: onDay('2021-05-05'), kind: 'meeting', storyIds: [s.id] }));
    const last = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Without Jane',
        when: onDay('2021-05-05'),
        kind: 'statement',
        participants: [{ name: 'Other Person', country: 'IT' }],
      }),
    );
    const titles = async (query: string) =>
      (await t.http().get(`/timeline/2021-05-05?minPosition=${last.position}&${query}`).expect(200)).body.entries.map(
        (e: { title: string }) => e.title,
      );
    expect(await titles('participant=jane%20doe')).toEqual(['With Jane']);
    expect(await titles('participant=IT')).toEqual(['Without Jane']);
    expect(await titles('kind=statement')).toEqual(['Without Jane']);
    expect(await titles(`storyId=${s.id}`)).toEqual(['With Jane']);
    await t.http().get('/timeline/2021-05-05?kind=party').expect(400);
  });

  it('story revisions sit on the date they were recorded, in the tz asked for', async () => {
    const s = await post('/stories', story({ slug: 'tz-check' }));
    const read = await t.http().get(`/stories/${s.id}?minPosition=${s.position}`).expect(200);
    const recordedAt = new Date(read.body.createdAt);
    const inKiritimati = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(recordedAt);
    const inUtc = recordedAt.toISOString().slice(0, 10);
    const day = await t.http().get(`/timeline/${inKiritimati}?tz=Pacific/Kiritimati&storyId=${s.id}`).expect(200);
    expect(day.body.entries).toEqual([expect.objectContaining({ type: 'story-revision', id: s.id, revision: 1, kind: 'created' })]);
    // UTC+14: the same instant is a different calendar day in UTC.
    const utcDay = await t.http().get(`/timeline/${inUtc}?storyId=${s.id}`).expect(200);
    expect(utcDay.body.entries).toHaveLength(1);
    if (inUtc !== inKiritimati) {
      expect((await t.http().get(`/timeline/${inKiritimati}?storyId=${s.id}`).expect(200)).body.entries).toHaveLength(0);
    }
  });

  it('asOf answers as the newsroom knew it: amendments and retractions applied only from when they were recorded', async () => {
    const created = await post('/diplomatic-events', diplomaticEvent({ title: 'Version one', when: onDay('2020-02-02') }));
    const afterCreate = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await post(`/diplomatic-events/${created.id}/amendments`, { expectedVersion: 1, changes: { title: 'Version two' }, reason: 'better' });
    const afterAmend = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const retracted = await post(`/diplomatic-events/${created.id}/retraction`, { expectedVersion: 2, reason: 'wrong' });
    const titlesAsOf = async (asOf?: string) =>
      (
        await t
          .http()
          .get(`/timeline/2020-02-02?minPosition=${retracted.position}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`)
          .expect(200)
      ).body.entries.map((e: { title: string }) => e.title);
    expect(await titlesAsOf('2000-01-01T00:00:00Z')).toEqual([]);
    expect(await titlesAsOf(afterCreate)).toEqual(['Version one']);
    expect(await titlesAsOf(afterAmend)).toEqual(['Version two']);
    expect(await titlesAsOf()).toEqual([]);
  });

  it('minPosition beyond the log answers after the wait with what it has, and says so', async () => {
    const res = await t.http().get('/timeline/2020-02-02?minPosition=9007199254740000').expect(200);
    expect(res.headers['x-dateline-caught-up']).toBe('false');
  });

  it('GET /stories/:id shows the current revision and its linked events', async () => {
    const s = await post('/stories', story({ slug: 'linked' }));
    const e = await post('/diplomatic-events', diplomaticEvent({ storyIds: [s.id] }));
    await post(`/stories/${s.id}/revisions`, { expectedRevision: 1, developing: false, changeNote: 'Story complete' });
    const res = await t
      .http()
      .get(`/stories/${s.id}?minPosition=${e.position + 1}`)
      .expect(200);
    expect(res.body).toMatchObject({
      revision: 2,
      developing: false,
      linkedEvents: [expect.objectContaining({ id: e.id, title: 'Delegations open talks in Geneva' })],
    });
  });
});
