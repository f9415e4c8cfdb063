import { CalendarDate } from '../values/calendar-date';
import { Instant } from '../values/instant';
import { TimeZone } from '../values/time-zone';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** "16 May 2025". */
export function formatCalendarDate(date: CalendarDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "Friday 16 May 2025". */
export function formatDayHeading(date: CalendarDate): string {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${weekday} ${formatCalendarDate(date)}`;
}

/** "1–16 May 2025", "28 April – 3 May 2025", "28 December 2024 – 3 January 2025". */
export function formatDateSpan(from: CalendarDate, until: CalendarDate): string {
  if (from === until) return formatCalendarDate(from);
  const a = parts(from);
  const b = parts(until);
  if (a.year !== b.year) return `${formatCalendarDate(from)} – ${formatCalendarDate(until)}`;
  if (a.month !== b.month) return `${a.day} ${MONTH_NAMES[a.month - 1]} – ${formatCalendarDate(until)}`;
  return `${a.day}–${b.day} ${MONTH_NAMES[b.month - 1]} ${b.year}`;
}

/**
 * One clock per zone, made once: making an Intl.DateTimeFormat cost about 100 times formatting
 * with one (350 µs against 3), and every fact dated to the minute in a zone made one each time a
 * page, the TimelineJS export or the live stream worded it. Stored zones passed isTimeZone, so
 * they are a few hundred at most; the cap keeps odd spellings of them from growing it without end.
 */
const clocks = new Map<string, Intl.DateTimeFormat>();
const CLOCKS_MAX = 1000;

/** Wall-clock "HH:MM" of an instant in a zone, or at the instant's own offset without one. */
export function localTime(instant: Instant, zone?: TimeZone): string {
  if (!zone) return instant.slice(11, 16);
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (clocks.size < CLOCKS_MAX) clocks.set(zone, clock);
  }
  return clock.format(new Date(instant));
}

/** "27 November 2026, 19:14:05 UTC": an instant as a reader reads it, in UTC. */
export function formatInstantUtc(instant: Instant, withSeconds = false): string {
  const iso = new Date(instant).toISOString();
  return `${formatCalendarDate(iso.slice(0, 10))}, ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}
