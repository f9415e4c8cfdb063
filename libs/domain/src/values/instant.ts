import { CalendarDate, isCalendarDate } from './calendar-date';

/** An ISO 8601 instant with an explicit offset: `2025-05-16T12:30:00+03:00` or `…Z`. */
export type Instant = string;

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):([0-5]\d))$/;

export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return m !== null && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(value));
}

/**
 * An instant with its seconds written out: an RFC 3339 `date-time`, the format the event
 * schemas (and so the AsyncAPI contract) promise for occurredAt. ISO 8601 allows leaving the
 * seconds out (`…T12:30+03:00`); RFC 3339 and JSON Schema's `date-time` format do not.
 */
export function isRfc3339Instant(value: unknown): value is Instant {
  return isInstant(value) && /T\d{2}:\d{2}:\d{2}/.test(value);
}

/** The date written in the instant itself, i.e. the local date at its own offset. */
export function localDateOf(instant: Instant): CalendarDate {
  return instant.slice(0, 10);
}
