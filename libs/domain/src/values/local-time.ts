import { CalendarDate, isCalendarDate } from './calendar-date';
import { Instant } from './instant';
import { isTimeZone, TimeZone } from './time-zone';

/** A wall-clock time of day, `HH:MM`, 24-hour. */
export type LocalTime = string;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && TIME.test(value);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** What a wall clock in `zone` shows at `t`, as if that were UTC: its offset is the difference. */
function wallClock(t: number, zone: TimeZone): number {
  let f = clocks.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clocks.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  const utc = new Date(0);
  utc.setUTCFullYear(p.year, p.month - 1, p.day);
  utc.setUTCHours(p.hour, p.minute, p.second, 0);
  return utc.getTime();
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The instant at which a wall clock in `zone` shows `time` on `date`, written with that zone's
 * offset then: ("2025-05-16", "12:30", "Europe/Istanbul") → "2025-05-16T12:30:00+03:00". Editors
 * know the local time of what they report, not its offset, which the zone's rules decide (summer
 * time included). A time the clocks skip (a spring-forward gap) gives the instant just after the
 * change, written as the clock then reads. Undefined when an argument is not what it must be.
 */
export function instantAtLocalTime(date: CalendarDate, time: LocalTime, zone: TimeZone): Instant | undefined {
  if (!isCalendarDate(date) || !isLocalTime(time) || !isTimeZone(zone)) return undefined;
  const wanted = new Date(0);
  wanted.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  wanted.setUTCHours(Number(time.slice(0, 2)), Number(time.slice(3, 5)), 0, 0);
  const local = wanted.getTime();
  // Two steps find the offset in force at that instant, also when it differs from the first guess's.
  let t = local - (wallClock(local, zone) - local);
  t = local - (wallClock(t, zone) - t);
  const offsetMinutes = Math.round((wallClock(t, zone) - t) / 60_000);
  const shown = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shown}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
