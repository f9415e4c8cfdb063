import { CalendarDate } from '../values/calendar-date';
import { dateInZone, TimeZone } from '../values/time-zone';

/**
 * Where a story revision sits on a timeline: the date it was recorded, as seen in the reader's
 * time zone (docs/architecture.md section 3). Diplomatic events sit at their own `occurredOn` instead.
 */
export function revisionTimelineDate(recordedAt: string, tz: TimeZone = 'UTC'): CalendarDate {
  return dateInZone(new Date(recordedAt), tz);
}
