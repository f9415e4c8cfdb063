import { CalendarDate } from '../values/calendar-date';
import { FactDate, possibleDays } from './fact-date';
import { PlaceableFact, Placement, placement } from './placement';

/** How a fact found by a range query is dated, so the reader sees how sure "in this range" is. */
export const RANGE_DATINGS = ['exact-day', 'period', 'between', 'on-or-before', 'on-or-after', 'month', 'year'] as const;
export type RangeDating = (typeof RANGE_DATINGS)[number];

export interface RangeMatch {
  readonly placement: Placement;
  readonly dating: RangeDating;
  /**
   * True when it certainly falls in the range: every day it can have happened on lies in it,
   * or (a period) it was going on during the range. False: it can, but need not.
   */
  readonly certain: boolean;
}

/**
 * Every fact, and every date a fact is about, that can fall in `from`..`to` (both included),
 * in placement order. Unlike a day's page, which shows only what is filed there, a range query
 * leaves out nothing that may belong to it: "on or before 16 May" is in 1–10 May too.
 */
export function whichFallIn(facts: readonly PlaceableFact[], range: { from: CalendarDate; to: CalendarDate }): RangeMatch[] {
  const out: RangeMatch[] = [];
  for (const fact of facts) {
    const dates = [fact.when, ...(fact.about ?? []).map((a) => a.date)];
    placement(fact).forEach((p, i) => {
      const match = matchOf(dates[i], range);
      if (match) out.push({ placement: p, ...match });
    });
  }
  return out.sort((a, b) => (a.placement.sortKey < b.placement.sortKey ? -1 : a.placement.sortKey > b.placement.sortKey ? 1 : 0));
}

function matchOf(d: FactDate, range: { from: CalendarDate; to: CalendarDate }): Omit<RangeMatch, 'placement'> | undefined {
  const { earliest, latest } = possibleDays(d);
  if ((earliest !== undefined && earliest > range.to) || (latest !== undefined && latest < range.from)) return undefined;
  const within = earliest !== undefined && latest !== undefined && earliest >= range.from && latest <= range.to;
  return { dating: datingOf(d), certain: d.precision === 'period' || within };
}

/** How a date is dated, in the words of a range answer. */
export function datingOf(d: FactDate): RangeDating {
  if (d.precision === 'day') return 'exact-day';
  if (d.precision !== 'bounded') return d.precision;
  if (d.onOrAfter === undefined) return 'on-or-before';
  return d.onOrBefore === undefined ? 'on-or-after' : 'between';
}
