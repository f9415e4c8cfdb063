import { addDays, DiplomaticEventEntry, formatCalendarDate, formatDayHeading, formatInstantUtc, TimelineEntry } from '@dateline/domain';
import { timelineJsonLd } from '../../exports/json-ld';
import { queryString } from '../html';
import { EntryView, toEntryView } from './entry.view-model';

export interface DayView {
  readonly date: string;
  readonly heading: string;
  readonly entries: readonly EntryView[];
}

export interface TimelinePageView {
  readonly title: string;
  readonly from?: string;
  readonly to?: string;
  /** The instant asked for, normalised to ISO UTC. */
  readonly asOf?: string;
  /** The same instant for the datetime-local input (UTC wall clock). */
  readonly asOfInput?: string;
  readonly asOfLabel?: string;
  /** The same range without "as of". */
  readonly nowHref: string;
  readonly position: number;
  /** Newest day first. */
  readonly days: readonly DayView[];
  readonly olderHref?: string;
  readonly newestHref?: string;
  /** Live updates: where the page's script may place new entries, and the position the page shows. Absent for an as-of view. */
  readonly live?: { readonly from?: string; readonly to?: string; readonly since: number };
  readonly jsonLd: unknown;
  readonly exportHref?: string;
}

export interface TimelinePageInput {
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
  readonly position: number;
  /** The dates shown, newest first. */
  readonly dates: readonly string[];
  /** Older days with entries exist beyond the oldest date shown. */
  readonly hasOlder: boolean;
  readonly entries: readonly TimelineEntry[];
}

export function timelinePageView(input: TimelinePageInput): TimelinePageView {
  const byDate = new Map<string, EntryView[]>(input.dates.map((d) => [d, []]));
  // About-date entries are left out until the page words them (reader-v2, issue 16).
  for (const e of input.entries) if (e.type !== 'about-date') byDate.get(e.date)?.push(toEntryView(e));
  const days = input.dates.map((date) => ({ date, heading: formatDayHeading(date), entries: byDate.get(date) ?? [] }));
  const oldest = input.dates.at(-1);
  const newest = input.dates[0];
  const title = pageTitle(input.from, input.to);
  const events = input.entries.filter((e): e is DiplomaticEventEntry => e.type === 'diplomatic-event');
  return {
    title,
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.asOf ? { asOf: input.asOf, asOfInput: input.asOf.slice(0, 19), asOfLabel: formatInstantUtc(input.asOf, true) } : {}),
    nowHref: `/${queryString({ from: input.from, to: input.to })}`,
    position: input.position,
    days,
    ...(input.hasOlder && oldest ? { olderHref: `/${queryString({ from: input.from, to: addDays(oldest, -1), asOf: input.asOf })}` } : {}),
    ...(input.to ? { newestHref: `/${queryString({ from: input.from, asOf: input.asOf })}` } : {}),
    ...(input.asOf
      ? {}
      : {
          live: {
            ...(input.hasOlder && oldest ? { from: oldest } : input.from ? { from: input.from } : {}),
            ...(input.to ? { to: input.to } : {}),
            since: input.position,
          },
        }),
    jsonLd: timelineJsonLd(events, title),
    ...(oldest && newest
      ? { exportHref: `/timeline/export/timelinejs${queryString({ from: oldest, to: newest, asOf: input.asOf })}` }
      : {}),
  };
}

function pageTitle(from: string | undefined, to: string | undefined): string {
  if (from && to)
    return from === to ? `Timeline, ${formatCalendarDate(from)}` : `Timeline, ${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;
  if (from) return `Timeline from ${formatCalendarDate(from)}`;
  if (to) return `Timeline up to ${formatCalendarDate(to)}`;
  return 'Timeline';
}
