import { describe, expect, it } from '@jest/globals';
import { DiplomaticEventEntry, diplomaticEventEntries, DiplomaticEventFields, StoryRevisionEntry, withDefaults } from '@dateline/domain';
import { storyFacts } from './story-facts.view-model';
import { timelinePageView } from './timeline-page.view-model';

const STORY = '11111111-1111-4111-8111-111111111111';

function fact(id: string, recordedAt: string, fields: Partial<DiplomaticEventFields> & Pick<DiplomaticEventFields, 'title' | 'when'>) {
  const times = { recordedAt, firstRecordedAt: recordedAt, publishedAt: recordedAt };
  return diplomaticEventEntries({ id, version: 1, fields: withDefaults({ kind: 'meeting', storyIds: [STORY], ...fields }), times })[0];
}

function revision(n: number, recordedAt: string): StoryRevisionEntry {
  return {
    type: 'story-revision',
    id: STORY,
    slug: 'a-story',
    revision: n,
    date: recordedAt.slice(0, 10),
    recordedAt,
    headline: `Headline ${n}`,
    kind: n === 1 ? 'created' : 'update',
    changeNote: `note ${n}`,
    publishedAt: recordedAt,
  };
}

// Recorded in this order; the talks are timed, the side meeting only "earlier in the day".
const talks = fact('talks', '2025-05-16T09:00:00Z', {
  title: 'Talks open',
  when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T12:30:00+03:00', timezone: 'Europe/Istanbul', certainty: 'explicit' },
});
const loose = fact('loose', '2025-05-16T09:01:00Z', {
  title: 'A loosely dated proposal',
  when: { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'explicit' },
  sources: [{ attribution: 'reportedly', name: 'Wire' }],
});
const side = fact('side', '2025-05-16T09:02:00Z', {
  title: 'A side meeting',
  when: { precision: 'day', on: '2025-05-16', wording: 'earlier in the day', certainty: 'explicit' },
});

describe('the timeline page view', () => {
  it("given a day with timed, untimed and loosely dated facts and the story's revisions, when laid out, then facts come under their headings and one update line per story follows", () => {
    const entries = [loose, talks, side, revision(1, '2025-05-16T10:40:00Z'), revision(2, '2025-05-16T11:55:00Z')];
    const view = timelinePageView({ position: 9, dates: ['2025-05-16'], hasOlder: false, entries });
    const [day] = view.days;
    expect(day.sections.map((s) => [s.heading, s.entries.map((e) => e.headline)])).toEqual([
      [undefined, ['Talks open', 'A side meeting']],
      ['Between 1 and 16 May 2025', ['A loosely dated proposal']],
    ]);
    const proposal = day.sections[1].entries[0];
    expect(proposal.words).toMatchObject({
      when: 'between 1 and 16 May 2025',
      attributions: ['reportedly, according to Wire'],
      uncertain: true,
    });
    expect(proposal.words.datetime).toBeUndefined();
    expect(day.sections[0].entries[0].words).toMatchObject({
      when: 'on 16 May 2025 at 12:30 (Europe/Istanbul)',
      datetime: '2025-05-16T12:30:00+03:00',
    });
    expect(day.updates).toEqual([
      expect.objectContaining({ storyId: STORY, revision: 2, count: 2, changeNote: 'note 2', kindLabel: 'Updated' }),
    ]);
  });

  it('given a fact the read model filed on a day its placement does not give, when that day is shown, then the fact stays there under its own heading', () => {
    // A read model of an older placement files it on its first day; the placement would put it on 16 May, which is not shown.
    const filedEarly: DiplomaticEventEntry = { ...loose, date: '2025-05-01' };
    const view = timelinePageView({ position: 1, dates: ['2025-05-01'], hasOlder: false, entries: [filedEarly] });
    expect(view.days[0].sections.map((s) => [s.heading, s.entries.map((e) => e.domId)])).toEqual([
      ['Between 1 and 16 May 2025', ['event-loose']],
    ]);
  });
});

describe("the story page's facts", () => {
  it('given facts recorded out of date order, when listed, then by date and order within the day, not by title or recording', () => {
    const early = fact('early', '2025-05-16T09:03:00Z', {
      title: 'Z: the earliest',
      when: { precision: 'day', on: '2025-05-10', certainty: 'explicit' },
    });
    const groups = storyFacts([talks, loose, side, early]);
    expect(groups.map((g) => [g.heading, g.facts.map((f) => f.title)])).toEqual([
      ['Saturday 10 May 2025', ['Z: the earliest']],
      ['Friday 16 May 2025', ['Talks open', 'A side meeting']],
      ['Between 1 and 16 May 2025', ['A loosely dated proposal']],
    ]);
    expect(groups.flatMap((g) => g.facts.map((f) => f.day))).toEqual(['2025-05-10', '2025-05-16', '2025-05-16', '2025-05-16']);
  });
});
