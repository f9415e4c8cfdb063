import { CalendarDate } from '../values/calendar-date';
import { Instant } from '../values/instant';
import { TimeZone } from '../values/time-zone';

/**
 * When a fact itself happened, said no more precisely than the text says it
 * (docs/adr/0013-date-knowledge-v2.md). Every calendar date in it is a local date in the
 * place where it happened: `timezone` names that place's zone when we know it.
 */
export type FactDate = DayDate | MonthDate | YearDate | PeriodDate | BoundedDate;

export const FACT_DATE_PRECISIONS = ['day', 'month', 'year', 'period', 'bounded'] as const;
export type FactDatePrecision = (typeof FACT_DATE_PRECISIONS)[number];

/** `explicit`: the text states it; `inferred`: an editor worked it out from the text. */
export const FACT_DATE_CERTAINTIES = ['explicit', 'inferred'] as const;
export type FactDateCertainty = (typeof FACT_DATE_CERTAINTIES)[number];

/** `YYYY-MM`. */
export type CalendarMonth = string;
/** `YYYY`. */
export type CalendarYear = string;

interface FactDateCommon {
  readonly certainty: FactDateCertainty;
  /** The text's own words for when: "earlier in the day", "this week", "at the last minute". */
  readonly wording?: string;
  /** The IANA zone of the place, whose calendar the dates are in. */
  readonly timezone?: TimeZone;
}

/** It happened on this day; `at` when the time is known too (it must fall on `on` in `timezone`). */
export interface DayDate extends FactDateCommon {
  readonly precision: 'day';
  readonly on: CalendarDate;
  readonly at?: Instant;
}

/** Some day of this month. */
export interface MonthDate extends FactDateCommon {
  readonly precision: 'month';
  readonly on: CalendarMonth;
}

/** Some day of this year ("the 2022 talks"). */
export interface YearDate extends FactDateCommon {
  readonly precision: 'year';
  readonly on: CalendarYear;
}

/** It went on over these days, each of them: "talks held from 14 to 16 May". At least two days. */
export interface PeriodDate extends FactDateCommon {
  readonly precision: 'period';
  readonly from: CalendarDate;
  readonly until: CalendarDate;
}

/**
 * It happened on one day the text does not name, within these bounds, both included: "on or
 * before 16 May" (onOrBefore only), "on or after 12 May" (onOrAfter only), "between 1 and 16
 * May" (both). At least one bound.
 */
export interface BoundedDate extends FactDateCommon {
  readonly precision: 'bounded';
  readonly onOrAfter?: CalendarDate;
  readonly onOrBefore?: CalendarDate;
}

/** The first and last day a date can be on; an open bound is undefined. */
export interface PossibleDays {
  readonly earliest?: CalendarDate;
  readonly latest?: CalendarDate;
}

/** For a valid FactDate (see factDateProblems). */
export function possibleDays(d: FactDate): PossibleDays {
  switch (d.precision) {
    case 'day':
      return { earliest: d.on, latest: d.on };
    case 'month':
      return { earliest: `${d.on}-01`, latest: lastDayOfMonth(d.on) };
    case 'year':
      return { earliest: `${d.on}-01-01`, latest: `${d.on}-12-31` };
    case 'period':
      return { earliest: d.from, latest: d.until };
    case 'bounded':
      return { ...(d.onOrAfter ? { earliest: d.onOrAfter } : {}), ...(d.onOrBefore ? { latest: d.onOrBefore } : {}) };
  }
}

/** `2024-02` → `2024-02-29`. */
export function lastDayOfMonth(month: CalendarMonth): CalendarDate {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
