import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import { created, startTestApp, TestApp } from '../support/test-app';

interface Slide {
  start_date: Record<string, number | string>;
  end_date?: Record<string, number | string>;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
  display_date?: string;
}

describe('TimelineJS export', () => {
  let t: TestApp;
  let timed: string;
  let span: string;
  let inferred: string;
  let storyId: string;
  let last: number;

  const post = (path: string, body: unknown) => created(t, path, body);
  const exportOf = async (query: string) =>
    (await t.http().get(`/timeline/export/timelinejs?${query}&minPosition=${last}`).expect(200)).body as {
      title?: { text: { headline: string } };
      events: Slide[];
    };

  beforeAll(async () => {
    t = await startTestApp();
    storyId = (await post('/stories', story({ slug: 'export-story' }))).id;
    timed = (
      await post(
        '/diplomatic-events',
        diplomaticEvent({
          title: 'Opening <b>session</b>',
          when: onDay('2019-07-02', { at: '2019-07-02T07:30:00Z', timezone: 'Europe/Istanbul' }),
        }),
      )
    ).id;
    span = (
      await post(
        '/diplomatic-events',
        diplomaticEvent({
          title: 'Ceasefire proposed',
          kind: 'proposal',
          when: { precision: 'bounded', onOrAfter: '2019-06-20', onOrBefore: '2019-07-02', certainty: 'inferred' },
          participants: [{ name: 'Beta ministry', country: 'IT' }],
        }),
      )
    ).id;
    inferred = (
      await post(
        '/diplomatic-events',
        diplomaticEvent({
          title: 'Side meeting',
          kind: 'meeting',
          when: onDay('2019-07-01', { certainty: 'inferred' }),
          participants: [],
        }),
      )
    ).id;
    last = (await post('/diplomatic-events', diplomaticEvent({ title: 'Outside the range', when: onDay('2019-08-01') }))).position;
  });
  afterAll(async () => t.close());

  it('one slide per timeline entry, with a stable unique_id from the event id', async () => {
    const doc = await exportOf('from=2019-06-01&to=2019-07-31');
    const range = (await t.http().get(`/timeline?from=2019-06-01&to=2019-07-31`).expect(200)).body as {
      days: { entries: { id: string }[] }[];
    };
    const ids = range.days.flatMap((d) => d.entries.map((e) => `event-${e.id}`));
    expect(doc.events.map((e) => e.unique_id)).toEqual(ids);
    expect(doc.events.map((e) => e.unique_id).sort()).toEqual([`event-${inferred}`, `event-${span}`, `event-${timed}`].sort());
    expect(doc.title?.text.headline).toBe('Dateline timeline');
    // The same id after an amendment.
    const amended = await post(`/diplomatic-events/${inferred}/amendments`, {
      expectedVersion: 1,
      changes: { title: 'Side meeting, confirmed' },
      reason: 'confirmed',
    });
    const again = (
      await t.http().get(`/timeline/export/timelinejs?from=2019-07-01&to=2019-07-01&minPosition=${amended.position}`).expect(200)
    ).body as { events: Slide[] };
    expect(again.events).toEqual([
      expect.objectContaining({ unique_id: `event-${inferred}`, text: expect.objectContaining({ headline: 'Side meeting, confirmed' }) }),
    ]);
  });

  it('dates: a known time in local hours, a day without hour, a span as start and end; uncertain dates in words', async () => {
    const doc = await exportOf('from=2019-06-01&to=2019-07-31');
    const slide = (id: string) => doc.events.find((e) => e.unique_id === `event-${id}`)!;
    expect(slide(timed).start_date).toEqual({ year: 2019, month: 7, day: 2, hour: 10, minute: 30 });
    expect(slide(timed).display_date).toBeUndefined();
    expect(slide(inferred).start_date).toEqual({ year: 2019, month: 7, day: 1, display_date: 'on 1 July 2019 (inferred)' });
    expect(slide(inferred).display_date).toBe('on 1 July 2019 (inferred)');
    expect(slide(span).start_date).toMatchObject({ year: 2019, month: 6, day: 20 });
    expect(slide(span).start_date.hour).toBeUndefined();
    expect(slide(span).end_date).toEqual({ year: 2019, month: 7, day: 2 });
    expect(slide(span).display_date).toBe('between 20 June and 2 July 2019 (inferred)');
  });

  it('groups by kind, or by first participant; escapes what TimelineJS renders as HTML', async () => {
    const byKind = await exportOf('from=2019-06-01&to=2019-07-31');
    expect(Object.fromEntries(byKind.events.map((e) => [e.unique_id, e.group]))).toEqual({
      [`event-${timed}`]: 'Talks',
      [`event-${span}`]: 'Proposal',
      [`event-${inferred}`]: 'Meeting',
    });
    const byParticipant = await exportOf('from=2019-06-01&to=2019-07-31&group=participant');
    expect(Object.fromEntries(byParticipant.events.map((e) => [e.unique_id, e.group]))).toEqual({
      [`event-${timed}`]: 'Alpha delegation',
      [`event-${span}`]: 'Beta ministry',
      [`event-${inferred}`]: 'No named participant',
    });
    const opening = byKind.events.find((e) => e.unique_id === `event-${timed}`)!;
    expect(opening.text.headline).toBe('Opening &lt;b&gt;session&lt;/b&gt;');
    expect(opening.text.text).toContain('<strong>Attribution:</strong> according to Wire service; reportedly, according to Local paper');
    expect(opening.text.text).toContain('<blockquote>“We came to talk.” — Jane Doe</blockquote>');
  });

  it('story revisions are slides too, in the Story group, at the instant they were recorded', async () => {
    const s = (await t.http().get(`/stories/${storyId}`).expect(200)).body as { createdAt: string };
    const day = s.createdAt.slice(0, 10);
    const doc = await exportOf(`from=${day}&to=${day}&storyId=${storyId}`);
    const at = new Date(s.createdAt);
    expect(doc.events).toEqual([
      expect.objectContaining({
        unique_id: `story-${storyId}-r1`,
        group: 'Story',
        start_date: {
          year: at.getUTCFullYear(),
          month: at.getUTCMonth() + 1,
          day: at.getUTCDate(),
          hour: at.getUTCHours(),
          minute: at.getUTCMinutes(),
        },
      }),
    ]);
  });

  it('asOf leaves out what was not known yet', async () => {
    const doc = await exportOf(`from=2019-06-01&to=2019-07-31&asOf=2000-01-01T00:00:00Z`);
    expect(doc.events).toEqual([]);
  });

  it('bad input is a 400 naming the problem', async () => {
    const problem = async (query: string) =>
      ((await t.http().get(`/timeline/export/timelinejs?${query}`).expect(400)).body as { message: string[] }).message.join('; ');
    expect(await problem('from=2019-07-31&to=2019-06-01')).toMatch(/from must not be after to/);
    expect(await problem('from=2019-02-30&to=2019-03-01')).toMatch(/from must be a real calendar date/);
    expect(await problem('from=2019-06-01')).toMatch(/to is required/);
    expect(await problem('from=2019-06-01&to=2019-07-01&group=colour')).toMatch(/group must be one of/);
    expect(await problem('from=2019-06-01&to=2019-07-01&asOf=noon')).toMatch(/asOf must be an ISO 8601 instant/);
    expect(await problem('from=1990-01-01&to=2019-07-01')).toMatch(/at most 3660 days/);
  });
});
