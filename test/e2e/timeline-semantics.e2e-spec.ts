import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, onDay } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

type Written = { id: string; version: number; position: number };

describe('timeline semantics: as-of, late records, day edges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = async (path: string, body: object): Promise<Written> =>
    (await t.http().post(path).set(bearer()).send(body).expect(201)).body;
  const history = async (id: string, position: number) =>
    (await t.http().get(`/diplomatic-events/${id}?minPosition=${position}`).expect(200)).body.history as {
      version: number;
      recordedAt: string;
    }[];
  const before = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
  const titles = async (date: string, asOf?: string) =>
    (
      await t
        .http()
        .get(`/timeline/${date}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`)
        .expect(200)
    ).body.entries.map((e: { title: string }) => e.title);

  it('amendments and a retraction, checked at the instants they were recorded and just before', async () => {
    const e = await post('/diplomatic-events', diplomaticEvent({ title: 'A1', when: onDay('2019-09-09') }));
    await post(`/diplomatic-events/${e.id}/amendments`, { expectedVersion: 1, changes: { title: 'A2' }, reason: 'r' });
    await post(`/diplomatic-events/${e.id}/amendments`, {
      expectedVersion: 2,
      changes: { title: 'A3', when: onDay('2019-09-10') },
      reason: 'date was wrong',
    });
    const retracted = await post(`/diplomatic-events/${e.id}/retraction`, { expectedVersion: 3, reason: 'r' });
    const [v1, v2, v3, v4] = await history(e.id, retracted.position);

    expect(await titles('2019-09-09', before(v1.recordedAt))).toEqual([]);
    expect(await titles('2019-09-09', v1.recordedAt)).toEqual(['A1']);
    expect(await titles('2019-09-09', before(v2.recordedAt))).toEqual(['A1']);
    expect(await titles('2019-09-09', v2.recordedAt)).toEqual(['A2']);
    // v3 moved the event to the next day.
    expect(await titles('2019-09-09', v3.recordedAt)).toEqual([]);
    expect(await titles('2019-09-10', v3.recordedAt)).toEqual(['A3']);
    expect(await titles('2019-09-10', before(v4.recordedAt))).toEqual(['A3']);
    expect(await titles('2019-09-10', v4.recordedAt)).toEqual([]);
    expect(await titles('2019-09-10')).toEqual([]);
    // Retracted: gone from the timeline, still in history.
    const read = await t.http().get(`/diplomatic-events/${e.id}`).expect(200);
    expect(read.body).toMatchObject({ state: 'retracted', title: 'A3', version: 4 });
  });

  it('an event recorded late (after one dated later) appears only from when it was recorded', async () => {
    const later = await post('/diplomatic-events', diplomaticEvent({ title: 'Dated later, known first', when: onDay('2018-03-20') }));
    const early = await post('/diplomatic-events', diplomaticEvent({ title: 'Dated earlier, known later', when: onDay('2018-03-10') }));
    const [laterV1] = await history(later.id, early.position);
    const [earlyV1] = await history(early.id, early.position);
    const range = async (asOf?: string) =>
      (
        await t
          .http()
          .get(`/timeline?from=2018-03-01&to=2018-03-31${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`)
          .expect(200)
      ).body.days.map((d: { date: string }) => d.date);
    expect(await range(laterV1.recordedAt)).toEqual(['2018-03-20']);
    expect(await range(before(earlyV1.recordedAt))).toEqual(['2018-03-20']);
    expect(await range(earlyV1.recordedAt)).toEqual(['2018-03-10', '2018-03-20']);
  });

  it('events at the edges of local days land on their local day, whatever UTC says', async () => {
    const justAfterMidnight = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Istanbul 00:30',
        when: onDay('2017-05-16', { at: '2017-05-16T00:30:00+03:00', timezone: 'Europe/Istanbul' }),
      }),
    );
    await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Istanbul 23:59',
        when: onDay('2017-05-16', { at: '2017-05-16T20:59:00Z', timezone: 'Europe/Istanbul' }),
      }),
    );
    const last = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Honolulu 23:30',
        when: onDay('2017-05-15', { at: '2017-05-16T09:30:00Z', timezone: 'Pacific/Honolulu' }),
      }),
    );
    const day = async (d: string) =>
      (await t.http().get(`/timeline/${d}?minPosition=${last.position}`).expect(200)).body.entries.map((e: { title: string }) => e.title);
    expect(await day('2017-05-15')).toEqual(['Honolulu 23:30']);
    expect(await day('2017-05-16')).toEqual(['Istanbul 00:30', 'Istanbul 23:59']);
    expect(justAfterMidnight.version).toBe(1);
  });
});
