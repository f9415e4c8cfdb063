import type { CalendarDate } from '@dateline/domain';

/**
 * One formatter per zone, made once: making an Intl.DateTimeFormat costs far more than using
 * one, and a rebuild asks for the date of every story revision (it was a third of the fact
 * finder's time in a profile of one).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws on an unknown zone, as before, and nothing is kept.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The calendar date of an instant in a zone: "2025-05-16T22:30:00Z" in Europe/Istanbul is 2025-05-17. */
export function localDate(instant: string, zone: string): CalendarDate {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 Monday … 7 Sunday (ISO). */
export function isoWeekday(date: CalendarDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Monday and Sunday of the week a date is in (the ISO week newsrooms in Europe use). */
export function weekOf(date: CalendarDate): { monday: CalendarDate; sunday: CalendarDate } {
  const monday = addDays(date, 1 - isoWeekday(date));
  return { monday, sunday: addDays(monday, 6) };
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** The last day of the week (Sunday), month or year a date is in. */
export function lastDayOfPeriod(date: CalendarDate, unit: 'week' | 'month' | 'year'): CalendarDate {
  if (unit === 'week') return weekOf(date).sunday;
  if (unit === 'year') return `${date.slice(0, 4)}-12-31`;
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
