import {
  addDays,
  DayFact,
  daySectionsByDay,
  DiplomaticEventEntry,
  factKnowledge,
  headingKey,
  headingWords,
  placement,
  Placement,
  StoryRevisionEntry,
  TimelineEntry,
} from '@dateline/domain';
import { timelineJsonLd } from '../../exports/json-ld';
import { queryString } from '../html';
import { EntryView, toAboutView, toEntryView } from './entry.view-model';
import { titlesOf } from './fact-words';
import { RevisionTimes } from './provenance-words';
import { StoryNames } from './story-links';
import { StoryUpdateView, storyUpdates } from './story-updates.view-model';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/** A day: its facts under their headings first, then one line per story that changed that day. */
export interface DayView {
  readonly date: string;
  readonly heading: string;
  readonly sections: readonly SectionView[];
  readonly updates: readonly StoryUpdateView[];
  /** The day has more entries than a page: where the next ones are. */
  readonly moreHref?: string;
  /** This page shows the day from a cursor on, not from its start. */
  readonly continued?: boolean;
}

/**
 * A day shown in part, as a page of its entries (issue 19): which entries, in reading order
 * (`order`: a fact's id, an about date's key, a revision's `<story id>#<revision>`, to its place),
 * and the link to the rest when there is more.
 */
export interface DayPage {
  readonly order: ReadonlyMap<string, number>;
  readonly moreHref?: string;
  readonly continued?: boolean;
}

/** The entries filed on a day under one heading, in their order within the day (docs/dates.md). */
export interface SectionView {
  /** `headingKey` of the day and heading: the live stream names the section a fact goes to by it. */
  readonly key: string;
  /** "On or before 16 May 2025"; absent for the day's own facts, which the day's heading already dates. */
  readonly heading?: string;
  readonly entries: readonly EntryView[];
}

/**
 * A past view of the timeline: `asOf` as the system had recorded it (the audit view), or
 * `asPublished` as the newsroom had published it (editorial time: an archive story brought in
 * today keeps its days). docs/dates.md, section 5.
 */
export interface PointInTime {
  readonly by: 'asOf' | 'asPublished';
  readonly instant: string;
}

export interface TimelinePageView {
  readonly title: string;
  readonly from?: string;
  readonly to?: string;
  /** The point in time asked for, its instant normalised to ISO UTC. */
  readonly at?: PointInTime;
  /** An `asOf` instant for the form's datetime-local input (UTC wall clock). */
  readonly asOfInput?: string;
  readonly atLabel?: string;
  /** The same range without a point in time. */
  readonly nowHref: string;
  readonly position: number;
  /** Newest day first. */
  readonly days: readonly DayView[];
  readonly olderHref?: string;
  readonly newestHref?: string;
  /** A page after a day's first, pinned to the position the day was first shown at: the link to the whole day now. */
  readonly pinned?: { readonly dayHref: string };
  /** Live updates: where the page's script may place new entries, and the position it shows. Absent for an as-of view or a pinned page. */
  readonly live?: { readonly from?: string; readonly to?: string; readonly since: number };
  readonly jsonLd: unknown;
  readonly exportHref?: string;
}

export interface TimelinePageInput {
  readonly from?: string;
  readonly to?: string;
  readonly at?: PointInTime;
  readonly position: number;
  /** The dates shown, newest first. */
  readonly dates: readonly string[];
  /** Older days with entries exist beyond the oldest date shown. */
  readonly hasOlder: boolean;
  readonly entries: readonly TimelineEntry[];
  /** Days shown in part; every other day is shown whole. */
  readonly dayPages?: ReadonlyMap<string, DayPage>;
  /** The page continues one day from a cursor: no live updates (it shows a past position), a link to the day now. */
  readonly pinned?: boolean;
  /** When the story revisions the facts' provenances name were published: "From the story of 16 May 2025". */
  readonly revisionTimes?: RevisionTimes;
  /** The headlines of the stories the entries belong to: each entry links to all of them. */
  readonly storyNames?: StoryNames;
  /** The page's language; English when not given. */
  readonly messages?: Messages;
}

export function timelinePageView(input: TimelinePageInput): TimelinePageView {
  const m = input.messages ?? messagesFor();
  const facts = latestFacts(input.entries);
  const revisions = input.entries.filter((e): e is StoryRevisionEntry => e.type === 'story-revision');
  const at = input.at;
  const atQuery = at ? { [at.by]: at.instant } : {};
  const days = dayViews(
    input.dates,
    facts,
    revisions,
    atQuery,
    input.dayPages ?? new Map(),
    input.revisionTimes ?? new Map(),
    input.storyNames,
    m,
  );
  const oldest = input.dates.at(-1);
  const newest = input.dates[0];
  const title = pageTitle(input.from, input.to, m);
  return {
    title,
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(at
      ? { at, atLabel: m.dates.instantUtc(at.instant, true), ...(at.by === 'asOf' ? { asOfInput: at.instant.slice(0, 19) } : {}) }
      : {}),
    nowHref: `/${queryString({ from: input.from, to: input.to })}`,
    position: input.position,
    days,
    ...(input.hasOlder && oldest ? { olderHref: `/${queryString({ from: input.from, to: addDays(oldest, -1), ...atQuery })}` } : {}),
    ...(input.to ? { newestHref: `/${queryString({ from: input.from, ...atQuery })}` } : {}),
    ...(input.pinned && newest ? { pinned: { dayHref: `/${queryString({ from: newest, to: newest, ...atQuery })}` } } : {}),
    ...(at || input.pinned
      ? {}
      : {
          live: {
            ...(input.hasOlder && oldest ? { from: oldest } : input.from ? { from: input.from } : {}),
            ...(input.to ? { to: input.to } : {}),
            since: input.position,
          },
        }),
    jsonLd: timelineJsonLd(facts, title),
    ...(oldest && newest ? { exportHref: `/timeline/export/timelinejs${queryString({ from: oldest, to: newest, ...atQuery })}` } : {}),
  };
}

/**
 * The days' sections by `daySectionsByDay` over the facts given, whatever day the read model filed
 * them on: the domain's placement decides the heading and the order. A fact the placement puts
 * on no day shown stays on the read model's day, under its own heading, rather than vanish.
 */
export function dayViews(
  dates: readonly string[],
  facts: readonly DiplomaticEventEntry[],
  revisions: readonly StoryRevisionEntry[],
  atQuery: Record<string, string>,
  dayPages: ReadonlyMap<string, DayPage>,
  revisionTimes: RevisionTimes,
  storyNames?: StoryNames,
  m: Messages = messagesFor(),
): DayView[] {
  const titles = titlesOf(facts);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const dayFacts: DayFact[] = facts.map((f) => {
    const k = factKnowledge(f);
    return { id: f.id, when: k.when, about: k.about, relations: k.relations };
  });
  // Each fact placed once for the whole page, not once per day shown.
  const own = new Map(dayFacts.map((f) => [f.id, placement(f)[0]]));
  const sectionsByDay = daySectionsByDay(dayFacts);
  const href = (id: string) => {
    const day = own.get(id)!.day;
    return `/${queryString({ from: day, to: day, ...atQuery })}#event-${id}`;
  };
  const shown = new Set<string>();
  // A day shown in part keeps the entries of its page, in the page's order (the read model's order, which pages follow).
  const onPage = (date: string, list: readonly Placement[]): readonly Placement[] => {
    const order = dayPages.get(date)?.order;
    return order ? list.filter((p) => order.has(p.key)).sort((a, b) => order.get(a.key)! - order.get(b.key)!) : list;
  };
  const sectionsOf = (date: string): SectionView[] =>
    (sectionsByDay.get(date) ?? []).flatMap((s) => {
      const entries = onPage(date, s.entries);
      if (entries.length === 0) return [];
      return [
        {
          key: headingKey(date, s.heading),
          ...(s.heading.kind === 'day' ? {} : { heading: headingWords(s.heading) }),
          entries: entries.map((p, i) => {
            shown.add(p.key);
            const fact = byId.get(p.fact)!;
            const sortKey = String(i).padStart(4, '0');
            return p.role === 'fact'
              ? toEntryView(fact, titles, sortKey, revisionTimes, storyNames, m, date)
              : toAboutView(fact, p, href(fact.id), sortKey, storyNames, m);
          }),
        },
      ];
    });
  const days = dates.map((date) => ({ date, sections: sectionsOf(date) }));
  for (const day of days) {
    const left = new Map<string, DiplomaticEventEntry[]>();
    const order = dayPages.get(day.date)?.order;
    for (const f of facts.filter((x) => x.date === day.date && !shown.has(x.id) && (!order || order.has(x.id)))) {
      const heading = headingWords(own.get(f.id)!.heading);
      left.set(heading, [...(left.get(heading) ?? []), f]);
    }
    for (const [heading, list] of left)
      day.sections.push({
        key: `${day.date}|left|${heading}`,
        heading,
        entries: list.map((f, i) => toEntryView(f, titles, `~${String(i).padStart(4, '0')}`, revisionTimes, storyNames, m, day.date)),
      });
  }
  return days.map(({ date, sections }) => {
    const page = dayPages.get(date);
    return {
      date,
      heading: m.dates.dayHeading(date),
      sections,
      updates: storyUpdates(
        revisions.filter((r) => r.date === date && (!page || page.order.has(`${r.id}#${r.revision}`))),
        m,
      ),
      ...(page?.moreHref ? { moreHref: page.moreHref } : {}),
      ...(page?.continued ? { continued: true } : {}),
    };
  });
}

/** Each fact once, in its latest version: the list is in recording order, which the order within a day falls back on. */
export function latestFacts(entries: readonly TimelineEntry[]): DiplomaticEventEntry[] {
  const byId = new Map<string, DiplomaticEventEntry>();
  for (const e of entries) {
    if (e.type !== 'diplomatic-event') continue;
    const known = byId.get(e.id);
    if (!known || known.version < e.version) byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => (a.firstRecordedAt < b.firstRecordedAt ? -1 : a.firstRecordedAt > b.firstRecordedAt ? 1 : 0));
}

function pageTitle(from: string | undefined, to: string | undefined, m: Messages): string {
  const [t, day] = [m.timeline, m.dates.calendarDate];
  if (from && to) return from === to ? t.titleDay(day(from)) : t.titleRange(day(from), day(to));
  if (from) return t.titleFrom(day(from));
  if (to) return t.titleTo(day(to));
  return t.title;
}
