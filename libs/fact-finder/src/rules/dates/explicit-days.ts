import * as chrono from 'chrono-node';
import type { FactDate } from '@dateline/domain';
import { calendarDate, MONTHS } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const MONTH = MONTHS.join('|');
const ANY_MONTH = new RegExp(`\\b(${MONTH})\\b`, 'i');
/** "between 1 and 16 May", "between 1 May and 16 May 2025" */
const BETWEEN = new RegExp(`\\bbetween (\\d{1,2})(?: (${MONTH}))? and (\\d{1,2}) (${MONTH})(?:,? (\\d{4}))?\\b`, 'gi');
/** "from 14 to 16 May", "14-16 May" (a period: every day of it) */
const FROM_TO = new RegExp(
  `\\b(?:from )?(\\d{1,2})(?: (${MONTH}))?(?: to |\\s?[-\\u2013]\\s?)(\\d{1,2}) (${MONTH})(?:,? (\\d{4}))?\\b`,
  'gi',
);

/**
 * Days the text names: "on 16 May", "May 16", "3 March 2024", read by chrono-node's strict
 * parser (its casual one reads "from 12 May" as 12 o'clock on 1 May), with our own words around
 * them: "from"/"starting" 12 May is when something is to start, a date the fact is about;
 * "by" 31 May is a deadline (on or before); "between 1 and 16 May" and "from 14 to 16 May" are
 * bounds and a period, which chrono-node reads as one day. A day without a year is in the
 * publication's year.
 */
export function explicitDays(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  // chrono-node is the costly part of a sentence's reading: only a month's name can give a day here.
  if (!ANY_MONTH.test(text)) return out;
  const year = Number(ctx.today.slice(0, 4));
  const taken: [number, number][] = [];
  // "between …" first: its span is taken, so FROM_TO does not read "1 and 16 May" again.
  for (const [pattern, precision] of [
    [BETWEEN, 'bounded'],
    [FROM_TO, 'period'],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const start = offset + (m.index ?? 0);
      if (taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
      const y = m[5] ? Number(m[5]) : year;
      const to = monthIndex(m[4]);
      const first = calendarDate(y, m[2] ? monthIndex(m[2]) : to, Number(m[1]));
      const last = calendarDate(y, to, Number(m[3]));
      taken.push([start, start + m[0].length]);
      out.push({
        rule: 'explicit-days',
        start,
        end: start + m[0].length,
        wording: m[0],
        when:
          precision === 'bounded'
            ? { precision, onOrAfter: first, onOrBefore: last, certainty: 'explicit' }
            : { precision, from: first, until: last, certainty: 'explicit' },
      });
    }
  }
  for (const r of chrono.strict.parse(text, { instant: new Date(ctx.publishedAt), timezone: ctx.zone })) {
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const start = offset + r.index;
    const end = start + r.text.length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const y = r.start.isCertain('year') ? (r.start.get('year') ?? year) : year;
    const date: FactDate = {
      precision: 'day',
      on: calendarDate(y, r.start.get('month') ?? 1, r.start.get('day') ?? 1),
      certainty: 'explicit',
    };
    const before = text.slice(0, r.index).toLowerCase();
    const wording = r.text.trim();
    if (/\b(from|starting|starting on|starting from|beginning|as of|effective)\s*$/.test(before))
      out.push({ rule: 'explicit-days', start, end, wording, about: date });
    else if (/\b(by|until|till|no later than)\s*$/.test(before))
      out.push({
        rule: 'explicit-days',
        start,
        end,
        wording,
        deadline: true,
        when: { precision: 'bounded', onOrBefore: date.on, certainty: 'explicit' },
      });
    else out.push({ rule: 'explicit-days', start, end, wording, when: date });
  }
  return out;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase() as (typeof MONTHS)[number]) + 1;
}
