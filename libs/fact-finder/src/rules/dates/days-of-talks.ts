import { DateContext, DateFinding } from './date-finding';

const NUMBERS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, several: 0 };
const DAYS_OF = /\bafter (two|three|four|five|six|seven|\d{1,2}) days of (?:talks|negotiations|meetings)\b/gi;

/**
 * "agreed on Monday … after two days of talks": the talks are a fact of their own, a period of
 * that many days ending on the day of the fact that names them, and before it. The period is
 * worked out once that fact's day is known (find-candidates.ts); "several days" gives no length,
 * so only the order.
 */
export function daysOfTalks(text: string, offset: number, _ctx: DateContext): DateFinding[] {
  return [...text.matchAll(DAYS_OF)].map((m) => {
    const start = offset + (m.index ?? 0);
    const days = NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
    return {
      rule: 'days-of-talks',
      start,
      end: start + m[0].length,
      wording: m[0].replace(/^after /i, ''),
      backgroundDays: days,
      relation: { relation: 'after', to: 'background' },
    };
  });
}
