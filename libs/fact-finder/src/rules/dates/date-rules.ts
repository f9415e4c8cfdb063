import { DateContext, DateFinding } from './date-finding';
import { daysOfTalks } from './days-of-talks';
import { deadlines } from './deadlines';
import { explicitDays } from './explicit-days';
import { lastMinute } from './last-minute';
import { mainEventPhrases } from './main-event-phrases';
import { monthsAndYears } from './months-and-years';
import { previously } from './previously';
import { sameDay } from './same-day';
import { sequence } from './sequence';
import { sinceYear } from './since-year';
import { weekdays } from './weekdays';
import { weeks } from './weeks';

type DateRule = (text: string, offset: number, ctx: DateContext) => DateFinding[];

/**
 * Every date rule, most precise first: when two read the same words, the one listed first
 * keeps them ("shortly before the start" is last-minute, not a weekday; "earlier on Friday" is
 * same-day, with its order, not only a weekday).
 */
const RULES: readonly DateRule[] = [
  lastMinute,
  sameDay,
  mainEventPhrases,
  explicitDays,
  weekdays,
  weeks,
  deadlines,
  monthsAndYears,
  sinceYear,
  daysOfTalks,
  previously,
  sequence,
];

/** The date phrases of a text, each read once. Offsets are in the revision's text. */
export function findDates(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  for (const rule of RULES)
    for (const f of rule(text, offset, ctx)) if (!out.some((o) => f.start < o.end && o.start < f.end && !bothMarks(o, f))) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}

/** A sequence mark or a bare "previously" may sit inside a phrase another rule read ("later in the day" is not "later"). */
function bothMarks(a: DateFinding, b: DateFinding): boolean {
  return a.rule === 'previously' && b.rule === 'previously';
}
