import { CalendarDate } from '../values/calendar-date';
import { AboutDate } from './about-date';
import { CalendarMonth, CalendarYear, FactDate, lastDayOfMonth } from './fact-date';

/**
 * The heading a fact is filed under on a day's page (docs/dates.md). The rule: a fact sits
 * under a day only when the text gives that day; otherwise it is filed once, on the latest day
 * it can have happened, under a heading that says how little we know ("On or before 16 May
 * 2025", "Some time in May 2025"); with only a lower bound, on that day ("On or after …").
 */
export type Heading =
  | { readonly kind: 'day'; readonly day: CalendarDate }
  | { readonly kind: 'on-or-after'; readonly day: CalendarDate }
  | { readonly kind: 'between'; readonly from: CalendarDate; readonly until: CalendarDate }
  | { readonly kind: 'on-or-before'; readonly day: CalendarDate }
  | { readonly kind: 'month'; readonly month: CalendarMonth }
  | { readonly kind: 'year'; readonly year: CalendarYear };

/** Headings on one day, in this order: the day's own facts first, then from the most to the least precise. */
const HEADING_RANK: Record<Heading['kind'], number> = { day: 0, 'on-or-after': 1, between: 2, 'on-or-before': 3, month: 4, year: 5 };

/** What a fact places where: itself, or one of the dates it is about. */
export interface PlaceableFact {
  readonly id: string;
  readonly when: FactDate;
  readonly about?: readonly AboutDate[];
}

export interface Placement {
  /** The fact's id; an about entry is linked to the fact that names it by this id. */
  readonly fact: string;
  /** Unique among a story's placements: the fact id, or `<id>/about/<index>` for an about entry. */
  readonly key: string;
  /** `fact`: when the fact happened; `about`: a date the fact is about. */
  readonly role: 'fact' | 'about';
  /** For an about entry: its label ("ceasefire proposed to start") and index in the fact's list. */
  readonly about?: { readonly index: number; readonly label: string };
  /** The day whose page shows it. */
  readonly day: CalendarDate;
  readonly heading: Heading;
  /** Orders placements across days and headings; equal for placements under one heading. */
  readonly sortKey: string;
}

/** Where a fact is filed: once for when it happened, and once for each date it is about. */
export function placement(fact: PlaceableFact): Placement[] {
  const own = place(fact.when, { fact: fact.id, key: fact.id, role: 'fact' });
  const about = (fact.about ?? []).map((a, index) =>
    place(a.date, { fact: fact.id, key: `${fact.id}/about/${index}`, role: 'about', about: { index, label: a.label } }),
  );
  return [own, ...about];
}

/** The heading of a date and the day it is filed on. */
export function headingOf(d: FactDate): { day: CalendarDate; heading: Heading } {
  switch (d.precision) {
    case 'day':
      return { day: d.on, heading: { kind: 'day', day: d.on } };
    // A period went on every day from `from`: its first day is a day the text gives.
    case 'period':
      return { day: d.from, heading: { kind: 'day', day: d.from } };
    case 'month':
      return { day: lastDayOfMonth(d.on), heading: { kind: 'month', month: d.on } };
    case 'year':
      return { day: `${d.on}-12-31`, heading: { kind: 'year', year: d.on } };
    case 'bounded':
      if (d.onOrBefore === undefined) return { day: d.onOrAfter!, heading: { kind: 'on-or-after', day: d.onOrAfter! } };
      if (d.onOrAfter === undefined) return { day: d.onOrBefore, heading: { kind: 'on-or-before', day: d.onOrBefore } };
      return { day: d.onOrBefore, heading: { kind: 'between', from: d.onOrAfter, until: d.onOrBefore } };
  }
}

/** Equal for two placements under the same heading on the same day. */
export function headingKey(day: CalendarDate, h: Heading): string {
  return `${day}|${HEADING_RANK[h.kind]}|${h.kind === 'between' ? h.from : ''}`;
}

function place(d: FactDate, base: Pick<Placement, 'fact' | 'key' | 'role' | 'about'>): Placement {
  const { day, heading } = headingOf(d);
  const sortKey = headingKey(day, heading);
  // Written out rather than `{ ...base, day, … }`: on Node 20 a spread followed by more
  // properties cost about 2 µs an object, most of a page's placing; same keys, same order.
  return base.about
    ? { fact: base.fact, key: base.key, role: base.role, about: base.about, day, heading, sortKey }
    : { fact: base.fact, key: base.key, role: base.role, day, heading, sortKey };
}
