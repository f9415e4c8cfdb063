import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

type Written = { id: string; version: number; position: number };
interface Entry {
  type: string;
  id: string;
  title?: string;
  date: string;
  heading: { kind: string };
  dating: string;
  publishedAt: string;
}

/**
 * Where the timeline puts a fact, through HTTP (docs/dates.md): a day's page shows what is filed
 * on it, a range read everything that can fall in the range and how each is dated, and the
 * day's facts come in reading order, their relations included, and a date a fact is about is an
 * entry of its own on that day. The read side's rules have their specs in
 * libs/domain/src/timeline/timeline-order.spec.ts.
 */
describe('timeline placement and order through HTTP', () => {
  let t: TestApp;
  let last = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = async (path: string, body: object): Promise<Written> => {
    const written = (await t.http().post(path).set(bearer()).send(body).expect(201)).body as Written;
    last = Math.max(last, written.position);
    return written;
  };
  const day = async (date: string, query = '') =>
    (await t.http().get(`/timeline/${date}?minPosition=${last}${query}`).expect(200)).body as { entries: Entry[]; asPublished?: string };
  const range = async (from: string, to: string, query = '') =>
    (await t.http().get(`/timeline?from=${from}&to=${to}&minPosition=${last}${query}`).expect(200)).body as {
      days: { date: string; entries: Entry[] }[];
    };
  const titles = (entries: Entry[]) => entries.map((e) => e.title);

  it('a fact known only to lie between two days sits on the latest, under "between", never on the first; a range finds it on any day of it', async () => {
    const span = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Envoys meet some day between 1 and 16 May',
        when: { precision: 'bounded', onOrAfter: '2013-05-01', onOrBefore: '2013-05-16', certainty: 'inferred' },
      }),
    );
    await post('/diplomatic-events', diplomaticEvent({ title: 'Talks on 16 May', when: onDay('2013-05-16') }));

    expect((await day('2013-05-01')).entries).toEqual([]);
    const may16 = (await day('2013-05-16')).entries;
    // The day's own facts first, then the "between" heading.
    expect(titles(may16)).toEqual(['Talks on 16 May', 'Envoys meet some day between 1 and 16 May']);
    expect(may16[1]).toMatchObject({
      id: span.id,
      date: '2013-05-16',
      heading: { kind: 'between', from: '2013-05-01', until: '2013-05-16' },
      dating: 'between',
    });
    expect(may16[0]).toMatchObject({ heading: { kind: 'day', day: '2013-05-16' }, dating: 'exact-day' });

    // Asked for 5 to 6 May, the range answers the fact that can fall then, on the day its page shows it.
    const early = await range('2013-05-05', '2013-05-06');
    expect(early.days).toEqual([{ date: '2013-05-16', entries: [expect.objectContaining({ id: span.id, dating: 'between' })] }]);
    // Not a fact that surely lies elsewhere, and nothing before the window or after it.
    expect((await range('2013-04-01', '2013-04-30')).days).toEqual([]);
    expect((await range('2013-05-17', '2013-05-31')).days).toEqual([]);
    // The window's first day alone finds it too: it can have happened then, although no page files it there.
    expect(titles((await range('2013-05-01', '2013-05-01')).days.flatMap((d) => d.entries))).toEqual([
      'Envoys meet some day between 1 and 16 May',
    ]);
  });

  it('within a day: facts with a local time by instant, whatever the order they were recorded in, then those without one', async () => {
    await post('/diplomatic-events', diplomaticEvent({ title: 'No time given', when: onDay('2012-03-05') }));
    await post(
      '/diplomatic-events',
      diplomaticEvent({ title: 'Evening in Geneva', when: onDay('2012-03-05', { at: '2012-03-05T19:00:00+01:00' }) }),
    );
    await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Morning in Kyiv',
        when: onDay('2012-03-05', { at: '2012-03-05T09:00:00+02:00', timezone: 'Europe/Kyiv' }),
      }),
    );
    expect(titles((await day('2012-03-05')).entries)).toEqual(['Morning in Kyiv', 'Evening in Geneva', 'No time given']);
  });

  it('zone edges as before: a fact sits on its local day, in a range read too', async () => {
    await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Honolulu 23:30',
        when: onDay('2011-05-15', { at: '2011-05-16T09:30:00Z', timezone: 'Pacific/Honolulu' }),
      }),
    );
    expect(titles((await day('2011-05-15')).entries)).toEqual(['Honolulu 23:30']);
    expect((await day('2011-05-16')).entries).toEqual([]);
    expect((await range('2011-05-16', '2011-05-20')).days).toEqual([]);
    expect((await range('2011-05-15', '2011-05-15')).days).toEqual([
      { date: '2011-05-15', entries: [expect.objectContaining({ title: 'Honolulu 23:30', dating: 'exact-day' })] },
    ]);
  });

  it('an open bound: "on or before" sits on its bound, under its own heading after the day\'s facts; a range finds it on any earlier day', async () => {
    const open = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Proposal made on or before 16 May',
        when: { precision: 'bounded', onOrBefore: '2014-05-16', certainty: 'explicit' },
      }),
    );
    await post('/diplomatic-events', diplomaticEvent({ title: 'Talks on 16 May', when: onDay('2014-05-16') }));
    const may16 = (await day('2014-05-16')).entries;
    expect(titles(may16)).toEqual(['Talks on 16 May', 'Proposal made on or before 16 May']);
    expect(may16[1]).toMatchObject({ id: open.id, heading: { kind: 'on-or-before', day: '2014-05-16' }, dating: 'on-or-before' });
    // Any day before the bound can be the day; the page that files it is the bound's.
    const years = await range('2013-06-01', '2013-06-02');
    expect(years.days.flatMap((d) => d.entries.map((e) => [d.date, e.title, e.dating]))).toContainEqual([
      '2014-05-16',
      'Proposal made on or before 16 May',
      'on-or-before',
    ]);
    expect((await range('2014-05-17', '2014-05-31')).days).toEqual([]);
  });

  it('a relation chain orders untimed facts of one day: recorded last, said to come first, shown first', async () => {
    const s = await post('/stories', story({ headline: 'Chain story' }));
    const talks = await post('/diplomatic-events', diplomaticEvent({ title: 'Talks', when: onDay('2015-05-16'), storyIds: [s.id] }));
    const after = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Press conference after the talks',
        when: onDay('2015-05-16'),
        relations: [{ relation: 'after', fact: talks.id }],
        storyIds: [s.id],
      }),
    );
    const meeting = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Hosts meet the delegations, earlier in the day',
        when: onDay('2015-05-16', { wording: 'earlier in the day' }),
        relations: [{ relation: 'before', fact: talks.id }],
        storyIds: [s.id],
      }),
    );
    const may16 = (await day('2015-05-16')).entries;
    expect(may16.filter((e) => e.type === 'diplomatic-event').map((e) => e.id)).toEqual([meeting.id, talks.id, after.id]);
    // A relation that would close a loop is refused, naming the facts, and changes nothing.
    const loop = await t
      .http()
      .post('/diplomatic-events')
      .set(bearer())
      .send(
        diplomaticEvent({
          title: 'Loop',
          when: onDay('2015-05-16'),
          relations: [
            { relation: 'after', fact: after.id },
            { relation: 'before', fact: meeting.id },
          ],
          storyIds: [s.id],
        }),
      )
      .expect(400);
    expect(JSON.stringify(loop.body.message)).toMatch(/relations/);
    expect((await day('2015-05-16')).entries.filter((e) => e.type === 'diplomatic-event')).toHaveLength(3);
  });

  it('an about date is an entry of its own on that day, linked to the fact that names it; an amendment that drops it removes it', async () => {
    const fact = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Allies call for a ceasefire',
        when: onDay('2016-05-10'),
        about: [{ label: 'ceasefire proposed to start', date: onDay('2016-05-12') }],
      }),
    );
    const may12 = (await day('2016-05-12')).entries as (Entry & { fact?: string; label?: string; factTitle?: string })[];
    expect(may12).toEqual([
      expect.objectContaining({
        type: 'about-date',
        id: `${fact.id}/about/0`,
        fact: fact.id,
        factTitle: 'Allies call for a ceasefire',
        label: 'ceasefire proposed to start',
        heading: { kind: 'day', day: '2016-05-12' },
        dating: 'exact-day',
      }),
    ]);
    expect(titles((await day('2016-05-10')).entries)).toEqual(['Allies call for a ceasefire']);
    await post(`/diplomatic-events/${fact.id}/amendments`, { expectedVersion: 1, changes: { about: [] }, reason: 'no start date given' });
    expect((await day('2016-05-12')).entries).toEqual([]);
    expect(titles((await day('2016-05-10')).entries)).toEqual(['Allies call for a ceasefire']);
  });

  it('asPublished answers by editorial time, beside asOf; a story read as published before it was gives a 404 that says so', async () => {
    const s = await post('/stories', story({ headline: 'Archive story' }));
    const e = await post('/diplomatic-events', diplomaticEvent({ title: 'First wording', when: onDay('2010-02-02') }));
    const v1 = (await day('2010-02-02')).entries[0];
    await post(`/diplomatic-events/${e.id}/amendments`, { expectedVersion: 1, changes: { title: 'Second wording' }, reason: 'r' });
    const v2 = (await day('2010-02-02')).entries[0];
    expect(v2).toMatchObject({ title: 'Second wording' });
    // Events that carry no editorial time were published when they were recorded.
    expect(v1.publishedAt).toBe((await t.http().get(`/diplomatic-events/${e.id}`).expect(200)).body.history[0].recordedAt);

    const between = new Date(Date.parse(v2.publishedAt) - 1).toISOString();
    const asPublished = await day('2010-02-02', `&asPublished=${encodeURIComponent(between)}`);
    expect(asPublished).toMatchObject({ asPublished: between });
    expect(titles(asPublished.entries)).toEqual(['First wording']);
    expect(titles((await day('2010-02-02', `&asPublished=${encodeURIComponent(v2.publishedAt)}`)).entries)).toEqual(['Second wording']);
    const before = new Date(Date.parse(v1.publishedAt) - 1).toISOString();
    expect((await day('2010-02-02', `&asPublished=${encodeURIComponent(before)}`)).entries).toEqual([]);

    const created = (await t.http().get(`/stories/${s.id}`).expect(200)).body as { publishedAt: string; firstPublishedAt: string };
    expect(created.firstPublishedAt).toBe(created.publishedAt);
    const early = new Date(Date.parse(created.publishedAt) - 1).toISOString();
    const notYet = await t
      .http()
      .get(`/stories/${s.id}?asPublished=${encodeURIComponent(early)}`)
      .expect(404);
    expect(notYet.body.message).toBe(
      `story ${s.id} was not yet published at ${early}: its first revision was published ${created.publishedAt}`,
    );
    await t
      .http()
      .get(`/stories/${s.id}/revisions?asPublished=${encodeURIComponent(early)}`)
      .expect(404);
    const read = await t
      .http()
      .get(`/stories/${s.id}?asPublished=${encodeURIComponent(created.publishedAt)}`)
      .expect(200);
    expect(read.body).toMatchObject({ headline: 'Archive story', asPublished: created.publishedAt });

    const bad = await t.http().get('/timeline/2010-02-02?asPublished=yesterday').expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('asPublished');
    await t.http().get(`/stories/${s.id}?asPublished=soon`).expect(400);
  });
});
