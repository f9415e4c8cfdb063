import { DateContext, DateFinding } from './date-finding';

const LAST_MINUTE =
  /\b(at the last (?:minute|moment)|(?:shortly|just|moments|minutes|hours|only hours) before (?:the start|the (?:talks|negotiations|meeting|session)(?: (?:began|started|opened))?))\b/gi;

/**
 * "at the last minute", "shortly before the start": on the day of the main event, before it.
 * chrono-node reads "at the last minute" as a clock time (a minute before publication), which
 * the text never says.
 */
export function lastMinute(text: string, offset: number, ctx: DateContext): DateFinding[] {
  return [...text.matchAll(LAST_MINUTE)].map((m) => {
    const start = offset + (m.index ?? 0);
    const wording = m[0];
    return {
      rule: 'last-minute',
      start,
      end: start + wording.length,
      wording,
      when: { precision: 'day', on: ctx.mainEventDay ?? ctx.today, certainty: 'inferred', wording },
      relation: { relation: 'before', to: 'main-event' },
    };
  });
}
