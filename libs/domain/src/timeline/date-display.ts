import { DiplomaticEventFieldsV1 } from '../diplomatic-event/diplomatic-event-fields-v1';
import { CalendarDate } from '../values/calendar-date';
import { Instant } from '../values/instant';
import { TimeZone } from '../values/time-zone';

/** What a fact says about when it happened: those fields of the v1 fields (v1FieldsOf). */
export type DateKnowledge = Pick<
  DiplomaticEventFieldsV1,
  'occurredOn' | 'occurredUntil' | 'occurredAt' | 'timezone' | 'datePrecision' | 'dateCertainty' | 'dateText'
>;

/** When something happened, in words a reader can trust: never more precise than we know. */
export interface WhenDescription {
  /** e.g. "16 May 2025, 10:00 (Europe/Istanbul)", "c. 16 May 2025 (inferred)", "between 1 and 16 May 2025 (approximate, inferred)". */
  readonly text: string;
  /** The date part alone, without the qualifiers: "16 May 2025", "1–16 May 2025". */
  readonly date: string;
  /** Local wall-clock time where it happened, when known: "10:00". */
  readonly time?: string;
  /** Only a span of days is known. */
  readonly approximate: boolean;
  /** The report does not state the date; we inferred it. */
  readonly inferred: boolean;
}

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

/** Wall-clock "HH:MM" of an instant in a zone, or at the instant's own offset without one. */
export function localTime(instant: Instant, zone?: TimeZone): string {
  if (!zone) return instant.slice(11, 16);
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The words for when a fact happened, with "inferred" and "approximate" said out loud. */
export function describeWhen(k: DateKnowledge): WhenDescription {
  const inferred = k.dateCertainty === 'inferred';
  if (k.datePrecision === 'span' && k.occurredUntil) {
    const date = formatDateSpan(k.occurredOn, k.occurredUntil);
    const words = k.occurredOn === k.occurredUntil ? date : `between ${spanWords(k.occurredOn, k.occurredUntil)}`;
    return { text: `${words} (approximate${inferred ? ', inferred' : ''})`, date, approximate: true, inferred };
  }
  const date = formatCalendarDate(k.occurredOn);
  const time = k.occurredAt ? localTime(k.occurredAt, k.timezone) : undefined;
  const at = time ? `${date}, ${time}${k.timezone ? ` (${k.timezone})` : ` (UTC${offsetOf(k.occurredAt!)})`}` : date;
  return { text: inferred ? `c. ${at} (inferred)` : at, date, ...(time ? { time } : {}), approximate: false, inferred };
}

function offsetOf(instant: Instant): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(instant)?.[1] ?? 'Z';
  return offset === 'Z' ? '' : offset;
}

/** "1 and 16 May 2025": a span in running text. */
function spanWords(from: CalendarDate, until: CalendarDate): string {
  const a = parts(from);
  const b = parts(until);
  if (a.year !== b.year) return `${formatCalendarDate(from)} and ${formatCalendarDate(until)}`;
  if (a.month !== b.month) return `${a.day} ${MONTH_NAMES[a.month - 1]} and ${formatCalendarDate(until)}`;
  return `${a.day} and ${formatCalendarDate(until)}`;
}

/** "27 November 2026, 19:14:05 UTC": an instant as a reader reads it, in UTC. */
export function formatInstantUtc(instant: Instant, withSeconds = false): string {
  const iso = new Date(instant).toISOString();
  return `${formatCalendarDate(iso.slice(0, 10))}, ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}
