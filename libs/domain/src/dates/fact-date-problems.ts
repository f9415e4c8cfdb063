import { isCalendarDate } from '../values/calendar-date';
import { DATE_RANGE_TEXT, isDateInRange, isInstantInRange } from '../values/date-range';
import { isRfc3339Instant, localDateOf } from '../values/instant';
import { dateInZone, isTimeZone } from '../values/time-zone';
import { FACT_DATE_CERTAINTIES, FACT_DATE_PRECISIONS, FactDatePrecision } from './fact-date';

/** The fields each precision may carry; anything else is named, so that a typo is not silently dropped. */
const FIELDS: Record<FactDatePrecision, readonly string[]> = {
  day: ['on', 'at'],
  month: ['on'],
  year: ['on'],
  period: ['from', 'until'],
  bounded: ['onOrAfter', 'onOrBefore'],
};
const COMMON = ['precision', 'certainty', 'wording', 'timezone'];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/**
 * Every problem of a fact date, each named by its path (`when.on`, `about.0.date.until`), or [].
 * Takes what a client sent, unchecked: the dates are the accepted ones of ADR 0007
 * (docs/adr/0007-accepted-date-range.md), and a date of one day is a day, not a one-day period
 * or bounds that meet, so that each piece of knowledge has one spelling.
 */
export function factDateProblems(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path} must be an object with a precision`];
  const d = value as Record<string, unknown>;
  const precision = d.precision as FactDatePrecision;
  if (!FACT_DATE_PRECISIONS.includes(precision)) return [`${path}.precision must be one of ${FACT_DATE_PRECISIONS.join(', ')}`];
  const out: string[] = [];
  const allowed = [...COMMON, ...FIELDS[precision]];
  for (const key of Object.keys(d))
    if (!allowed.includes(key)) out.push(`${path}.${key} is not allowed with precision ${precision} (allowed: ${allowed.join(', ')})`);
  if (!(FACT_DATE_CERTAINTIES as readonly unknown[]).includes(d.certainty))
    out.push(`${path}.certainty must be one of ${FACT_DATE_CERTAINTIES.join(', ')}`);
  if (d.wording !== undefined && (typeof d.wording !== 'string' || d.wording.trim() === ''))
    out.push(`${path}.wording must be a non-empty text when given`);
  const zoneOk = d.timezone === undefined || isTimeZone(d.timezone);
  if (!zoneOk) out.push(`${path}.timezone must be an IANA time zone name such as Europe/Istanbul (got ${JSON.stringify(d.timezone)})`);
  switch (precision) {
    case 'day': {
      const onOk = dateProblem(d.on, `${path}.on`, out);
      if (d.at !== undefined) atProblems(d.at, d.on as string, onOk && zoneOk ? (d.timezone as string | undefined) : null, path, out);
      break;
    }
    case 'month':
      if (typeof d.on !== 'string' || !MONTH.test(d.on) || d.on < '1000')
        out.push(`${path}.on must be a month YYYY-MM from 1000-01 to 9999-12 (got ${JSON.stringify(d.on)})`);
      break;
    case 'year':
      if (typeof d.on !== 'string' || !YEAR.test(d.on) || d.on < '1000')
        out.push(`${path}.on must be a year YYYY from 1000 to 9999 (got ${JSON.stringify(d.on)})`);
      break;
    case 'period':
      if (dateProblem(d.from, `${path}.from`, out) && dateProblem(d.until, `${path}.until`, out)) {
        if (d.until === d.from) out.push(`${path} is a period of one day (${JSON.stringify(d.from)}): use precision day`);
        else if ((d.until as string) < (d.from as string)) out.push(`${path}.until must not be before ${path}.from`);
      }
      break;
    case 'bounded': {
      if (d.onOrAfter === undefined && d.onOrBefore === undefined) {
        out.push(`${path} needs onOrAfter, onOrBefore or both`);
        break;
      }
      const afterOk = d.onOrAfter === undefined || dateProblem(d.onOrAfter, `${path}.onOrAfter`, out);
      const beforeOk = d.onOrBefore === undefined || dateProblem(d.onOrBefore, `${path}.onOrBefore`, out);
      if (afterOk && beforeOk && d.onOrAfter !== undefined && d.onOrBefore !== undefined) {
        if (d.onOrAfter === d.onOrBefore) out.push(`${path} bounds are the same day (${JSON.stringify(d.onOrAfter)}): use precision day`);
        else if ((d.onOrBefore as string) < (d.onOrAfter as string)) out.push(`${path}.onOrBefore must not be before ${path}.onOrAfter`);
      }
      break;
    }
  }
  return out;
}

/** Adds the problem of a calendar date field, if any; true when it is a real date in the accepted range. */
function dateProblem(value: unknown, path: string, out: string[]): boolean {
  if (!isCalendarDate(value)) {
    out.push(`${path} must be a real calendar date YYYY-MM-DD (got ${JSON.stringify(value)})`);
    return false;
  }
  if (!isDateInRange(value)) {
    out.push(`${path} must be ${DATE_RANGE_TEXT} (got ${JSON.stringify(value)})`);
    return false;
  }
  return true;
}

/** `zone` null: `on` or the zone is already wrong, so where `at` falls cannot be compared. */
function atProblems(at: unknown, on: string, zone: string | undefined | null, path: string, out: string[]): void {
  if (!isRfc3339Instant(at)) {
    out.push(
      `${path}.at must be an RFC 3339 instant with seconds and an offset, e.g. 2025-05-16T12:30:00+03:00 (got ${JSON.stringify(at)})`,
    );
    return;
  }
  if (!isInstantInRange(at)) {
    out.push(`${path}.at must be ${DATE_RANGE_TEXT} in UTC (got ${at}, which is ${new Date(at).toISOString()})`);
    return;
  }
  if (zone === null) return;
  // `on` is the local date where it happened: in its zone when we know it, else at the instant's own offset.
  const local = zone ? dateInZone(new Date(at), zone) : localDateOf(at);
  if (local !== on) out.push(`${path}.at ${at} falls on ${local}${zone ? ` in ${zone}` : ''}, not on ${path}.on ${on}`);
}
