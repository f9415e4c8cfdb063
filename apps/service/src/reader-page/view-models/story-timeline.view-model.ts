import { DiplomaticEventEntry, StoryRevisionEntry, TimelineEntry } from '@dateline/domain';
import { StoredEntry } from '@dateline/projections';
import { queryString } from '../html';
import { entryOrder, parsedOnDay } from '../page-entries';
import { StoryNames } from './story-links';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { DayPage, dayViews, latestFacts, SectionView } from './timeline-page.view-model';

/** A revision of the story, marked on the day it was published: "Corrected · revision 4, 13:05 UTC: <note>". */
export interface RevisionMarkView {
  readonly domId: string;
  readonly revision: number;
  readonly kind: StoryRevisionEntry['kind'];
  /** "Published", "Updated", "Corrected". */
  readonly kindLabel: string;
  readonly publishedAt: string;
  /** "14:50 UTC". */
  readonly timeLabel: string;
  readonly changeNote?: string;
  /** The revision on the story page; from revision 2 on, its word diff against the one before. */
  readonly href: string;
}

/** One day of the story's timeline: its facts under their headings, then the story's revisions of that day, each marked. */
export interface StoryTimelineDayView {
  readonly date: string;
  readonly heading: string;
  readonly sections: readonly SectionView[];
  readonly revisions: readonly RevisionMarkView[];
}

export interface StoryTimelineView {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly developing: boolean;
  /** The story page. */
  readonly storyHref: string;
  /** This timeline's first page. */
  readonly timelineHref: string;
  readonly position: number;
  /** Oldest day first. */
  readonly days: readonly StoryTimelineDayView[];
  /** The next page, when more entries follow. */
  readonly nextHref?: string;
  /** This page continues the timeline from a cursor. */
  readonly continued: boolean;
  /** How many facts the page shows (the dates they name not counted), and how many revisions. */
  readonly factCount: number;
  readonly revisionCount: number;
}

export interface StoryTimelineInput {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly developing: boolean;
  readonly position: number;
  /** The page's entries, as stored, in reading order. */
  readonly entries: readonly StoredEntry[];
  /** The facts behind dates named on the page whose fact is not on it. */
  readonly namedOnly: readonly DiplomaticEventEntry[];
  readonly storyNames: StoryNames;
  /** The next page's cursor; `continued`: this page was read from a cursor. */
  readonly next?: string;
  readonly continued: boolean;
  /** The page size asked for, kept in the link to the next page. */
  readonly limit?: number;
  /** The page's language; English when not given. */
  readonly messages?: Messages;
}

/**
 * A story's timeline, as the page and the embed show it: the page's entries in their stored
 * order, laid out by the same day sections as the global timeline (`dayViews`: a fact under the
 * heading its date knowledge gives), oldest day first, and every revision of the story marked on
 * the day it was published rather than folded into one line per day.
 */
export function storyTimelineView(input: StoryTimelineInput): StoryTimelineView {
  const m = input.messages ?? messagesFor();
  const parsed = input.entries.map((e) => JSON.parse(e.json) as TimelineEntry);
  const facts = latestFacts([...parsed, ...input.namedOnly]);
  const revisions = parsed.filter((e): e is StoryRevisionEntry => e.type === 'story-revision');
  const dates = [...new Set(input.entries.map((e) => e.date))];
  // Every day of the page is shown in part: exactly the page's entries, in the page's order.
  const dayPages = new Map<string, DayPage>(dates.map((d) => [d, { order: entryOrder(parsedOnDay(input.entries, parsed, d)) }]));
  const days = dayViews(dates, facts, [], {}, dayPages, new Map(), input.storyNames, m);
  const timelineHref = `/stories/${input.slug}/timeline`;
  return {
    id: input.id,
    slug: input.slug,
    headline: input.headline,
    developing: input.developing,
    storyHref: `/stories/${input.slug}`,
    timelineHref,
    position: input.position,
    days: days.map((d) => ({
      date: d.date,
      heading: m.dates.dayHeading(d.date),
      sections: d.sections,
      revisions: revisions.filter((r) => r.date === d.date).map((r) => revisionMark(r, input.slug, m)),
    })),
    ...(input.next ? { nextHref: `${timelineHref}${queryString({ limit: input.limit, cursor: input.next })}` } : {}),
    continued: input.continued,
    factCount: parsed.filter((e) => e.type === 'diplomatic-event').length,
    revisionCount: revisions.length,
  };
}

function revisionMark(r: StoryRevisionEntry, slug: string, m: Messages): RevisionMarkView {
  return {
    domId: `story-${r.id}-r${r.revision}`,
    revision: r.revision,
    kind: r.kind,
    kindLabel: m.updates.kinds[r.kind],
    publishedAt: r.publishedAt,
    timeLabel: m.dates.timeUtc(r.publishedAt),
    ...(r.changeNote ? { changeNote: r.changeNote } : {}),
    href:
      r.revision > 1
        ? `/stories/${slug}${queryString({ from: r.revision - 1, to: r.revision })}#compare`
        : `/stories/${slug}#revision-${r.revision}`,
  };
}
