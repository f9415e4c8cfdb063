import { CalendarDate } from './calendar-date';

/** An IANA time zone name (`Europe/Istanbul`, `UTC`). Offsets such as `+03:00` are not zones. */
export type TimeZone = string;

const NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * Zones already asked about. Building an Intl.DateTimeFormat to test a name costs about 100 µs,
 * which showed as 7% of a write's CPU; the answers never change while the process runs. Only
 * names that pass NAME get here, and ICU knows a few hundred zones, so the cache stays small;
 * the cap guards against a client trying many made-up names.
 */
const known = new Map<string, boolean>();
const KNOWN_MAX = 2000;

export function isTimeZone(value: unknown): value is TimeZone {
  if (typeof value !== 'string' || !NAME.test(value)) return false;
  let valid = known.get(value);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      valid = true;
    } catch {
      // RangeError: not a zone this runtime knows, which is the answer.
      valid = false;
    }
    if (known.size < KNOWN_MAX) known.set(value, valid);
  }
  return valid;
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
