import { CalendarDate } from './calendar-date';
import { Instant } from './instant';

/**
 * The dates the write side accepts: every calendar date, and every instant once converted to
 * UTC, lies from 1000-01-01 to 9999-12-31 (docs/adr/0007-accepted-date-range.md). Each bound is
 * set by what some part of Dateline can hold:
 * - 9999: four-digit years are what ISO 8601 dates without an agreed expansion, the event
 *   schemas' `^\d{4}-` pattern (AsyncAPI) and JSON Schema's `date`/`date-time` formats allow;
 *   `Date#toISOString()` writes year 10000 as `+010000-…`, which no consumer reads as a date.
 * - 1000: PostgreSQL has no year 0 ("0000-01-01" is out of range: the projector failed on it
 *   forever) and writes earlier years with " BC"; Intl (dateInZone, localTime, the reader page)
 *   writes years below 1000 without padding and year 0 as 1 BC, so "0999-…" never equals what
 *   it formats; `Date.UTC` maps years 0–99 to 1900–1999. A newsroom timeline needs no earlier
 *   date, and a narrower rule is cheaper to keep than fixes in every consumer.
 * Instants are checked in UTC, not as written: 9999-12-31T23:00:00-12:00 is year 10000 in UTC,
 * and offsets reach ±14 h (time zones' historical local mean times reach ±16 h).
 */
export const EARLIEST_DATE: CalendarDate = '1000-01-01';
export const LATEST_DATE: CalendarDate = '9999-12-31';

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00.000Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** "from 1000-01-01 to 9999-12-31": the range in the words of a problem. */
export const DATE_RANGE_TEXT = `from ${EARLIEST_DATE} to ${LATEST_DATE}`;

/** For a real calendar date (see isCalendarDate): four-digit dates compare as strings. */
export function isDateInRange(date: CalendarDate): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/** For a parseable instant (see isInstant): true when it lies in the range in UTC. */
export function isInstantInRange(instant: Instant): boolean {
  const ms = Date.parse(instant);
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}
