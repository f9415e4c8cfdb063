import * as chrono from 'chrono-node';
import { calendarDate } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const SAME_DAY = /\b(earlier|later) (in the day|today|that day|on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/gi;

/**
 * "earlier in the day", "later that day", "earlier on Friday": the day of the story's main
 * event (the talks), or the weekday named, and an order against the main event. chrono-node,
 * anchored at 16 May, reads "earlier in the day" as 17 May: these phrases never go to it.
 * When the weekday is not the main event's day, only the day is said, no order.
 */
export function sameDay(text: string, offset: number, ctx: DateContext): DateFinding[] {
  return [...text.matchAll(SAME_DAY)].map((m) => {
    const start = offset + (m.index ?? 0);
    const relation = m[1].toLowerCase() === 'earlier' ? 'before' : 'after';
    const wording = m[0];
    let day = ctx.mainEventDay ?? ctx.today;
    let certainty: 'explicit' | 'inferred' = 'inferred';
    if (m[3]) {
      const r = chrono.casual.parseDate(`on ${m[3]}`, { instant: new Date(ctx.publishedAt), timezone: ctx.zone });
      if (r) {
        const parsed = chrono.casual.parse(`on ${m[3]}`, { instant: new Date(ctx.publishedAt), timezone: ctx.zone })[0];
        day = calendarDate(parsed.start.get('year') ?? 0, parsed.start.get('month') ?? 1, parsed.start.get('day') ?? 1);
        certainty = 'explicit';
      }
    }
    const ordered = ctx.mainEventDay === undefined || ctx.mainEventDay === day;
    return {
      rule: 'same-day',
      start,
      end: start + wording.length,
      wording,
      when: { precision: 'day', on: day, certainty, wording },
      ...(ordered ? { relation: { relation, to: 'main-event' } } : {}),
    } satisfies DateFinding;
  });
}
