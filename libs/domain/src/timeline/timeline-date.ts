import { CalendarDate } from '../values/calendar-date';
import { dateInZone, TimeZone } from '../values/time-zone';

/**
 * Where a story revision sits on a timeline: the date it was published (its editorial time, or
 * when it was recorded), as seen in the reader's time zone (docs/architecture.md section 3).
 * Diplomatic events sit where their date knowledge places them instead (docs/dates.md).
 */
export function revisionTimelineDate(publishedAt: string, tz: TimeZone = 'UTC'): CalendarDate {
  return dateInZone(new Date(publishedAt), tz);
}
