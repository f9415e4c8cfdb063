import { CalendarDate, daysBetween } from '../values/calendar-date';

/**
 * The longest date range one read may ask for: about ten years. It bounds the work of a
 * single request the same way on every route that reads a range (GET /timeline, the
 * TimelineJS export, the reader page).
 */
export const MAX_RANGE_DAYS = 3660;

/** What is wrong with the range `from`..`to` (both real dates, both included), or undefined. */
export function readRangeProblem(from: CalendarDate, to: CalendarDate): string | undefined {
  if (to < from) return 'from must not be after to';
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return `a range may span at most ${MAX_RANGE_DAYS} days`;
  return undefined;
}
