import { addDays, weekOf } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const WEEK = /\b(earlier |later )?(this|next|last|previous) week\b/gi;

/**
 * "this week", "next week", "last week": bounds, Monday to Sunday of that week around the
 * publication day; "earlier this week" ends today, "later this week" starts today. A week is
 * never a day: chrono-node reads "this week" as its Sunday.
 */
export function weeks(text: string, offset: number, ctx: DateContext): DateFinding[] {
  return [...text.matchAll(WEEK)].map((m) => {
    const shift = { this: 0, next: 7, last: -7, previous: -7 }[m[2].toLowerCase() as 'this' | 'next' | 'last' | 'previous'];
    const { monday, sunday } = weekOf(addDays(ctx.today, shift));
    const edge = m[1]?.trim().toLowerCase();
    const onOrAfter = edge === 'later' ? ctx.today : monday;
    const onOrBefore = edge === 'earlier' ? ctx.today : sunday;
    const start = offset + (m.index ?? 0);
    const wording = m[0];
    return {
      rule: 'weeks',
      start,
      end: start + wording.length,
      wording,
      when:
        onOrAfter === onOrBefore
          ? { precision: 'day', on: onOrAfter, certainty: 'inferred', wording }
          : { precision: 'bounded', onOrAfter, onOrBefore, certainty: 'inferred', wording },
    };
  });
}
