import { CalendarDate } from './calendar-date';

/** An IANA time zone name (`Europe/Istanbul`, `UTC`). Offsets such as `+03:00` are not zones. */
export type TimeZone = string;

const NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export function isTimeZone(value: unknown): value is TimeZone {
  if (typeof value !== 'string' || !NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant as seen on a wall clock in `zone`. */
export function dateInZone(instant: Date, zone: TimeZone): CalendarDate {
  let f = formatters.get(zone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f.format(instant);
}
