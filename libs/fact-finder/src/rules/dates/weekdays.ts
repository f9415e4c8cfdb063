import * as chrono from 'chrono-node';
import { calendarDate } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const RELATIVE_DAY = /\b(yesterday|today|tomorrow)\b/i;

/**
 * Weekdays and today/yesterday/tomorrow, by chrono-node anchored at the publication instant in
 * the newsroom's zone: "on Thursday" in a story of Friday 14 March is 13 March; for what is to
 * come ("will meet on Tuesday") the next one. chrono-node also reads "sat" in "sat down" as a
 * Saturday: only a weekday written out, with its capital, counts.
 */
export function weekdays(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  // chrono-node is the costly part of a sentence's reading: ask it only when a weekday or a relative day is there.
  if (!WEEKDAY.test(text) && !RELATIVE_DAY.test(text)) return out;
  const results = chrono.casual.parse(
    text,
    { instant: new Date(ctx.publishedAt), timezone: ctx.zone },
    { forwardDate: ctx.future === true },
  );
  for (const r of results) {
    if (!WEEKDAY.test(r.text) && !RELATIVE_DAY.test(r.text)) continue;
    if (r.start.isCertain('month')) continue; // an explicit day: explicit-days reads it
    const day = calendarDate(r.start.get('year') ?? 0, r.start.get('month') ?? 1, r.start.get('day') ?? 1);
    const start = offset + r.index;
    const wording = r.text.replace(/[\s,]+$/, '');
    out.push({ rule: 'weekdays', start, end: start + wording.length, wording, when: { precision: 'day', on: day, certainty: 'explicit' } });
  }
  return out;
}
