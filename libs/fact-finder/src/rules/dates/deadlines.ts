import { addDays, lastDayOfPeriod } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const END_OF = /\bby the end of (the|this|next) (week|month|year)\b/gi;

/**
 * "by the end of the month": a deadline, on or before the period's last day. chrono-node reads
 * "end of the month" as that day itself; a deadline is not the day something happens.
 */
export function deadlines(text: string, offset: number, ctx: DateContext): DateFinding[] {
  return [...text.matchAll(END_OF)].map((m) => {
    const unit = m[2].toLowerCase() as 'week' | 'month' | 'year';
    const which = m[1].toLowerCase();
    const anchor = which === 'next' ? addDays(ctx.today, unit === 'week' ? 7 : unit === 'month' ? 31 : 366) : ctx.today;
    const start = offset + (m.index ?? 0);
    return {
      rule: 'deadlines',
      start,
      end: start + m[0].length,
      wording: m[0],
      deadline: true,
      when: { precision: 'bounded', onOrBefore: lastDayOfPeriod(anchor, unit), certainty: 'inferred', wording: m[0] },
    };
  });
}
