import { formatCalendarDate, formatDayHeading, localTime, MONTH_NAMES } from '../timeline/date-display';
import { CalendarDate } from '../values/calendar-date';
import { AboutDate } from './about-date';
import { AttributedSource } from './attribution';
import { FactDate } from './fact-date';
import { FactRelation } from './fact-relations';
import { FactStatus } from './fact-status';
import { Heading } from './placement';

/**
 * The plain English a reader sees, never more precise than the date knowledge: "on or before 16
 * May 2025", "in May 2025", "reportedly", "earlier in the day, before the talks".
 */

/**
 * "on 16 May 2025 at 10:30 (Europe/Istanbul)", "from 14 to 16 May 2025", "between 1 and 16 May 2025", "in 2022";
 * " (inferred)" when an editor inferred it.
 */
export function factDateWords(d: FactDate): string {
  return `${dateWords(d)}${d.certainty === 'inferred' ? ' (inferred)' : ''}`;
}

function dateWords(d: FactDate): string {
  switch (d.precision) {
    case 'day': {
      if (!d.at) return `on ${formatCalendarDate(d.on)}`;
      const zone = d.timezone ? d.timezone : `UTC${/[+-]\d{2}:\d{2}$/.exec(d.at)?.[0] ?? ''}`;
      return `on ${formatCalendarDate(d.on)} at ${localTime(d.at, d.timezone)} (${zone})`;
    }
    case 'month':
      return `in ${MONTH_NAMES[Number(d.on.slice(5, 7)) - 1]} ${d.on.slice(0, 4)}`;
    case 'year':
      return `in ${d.on}`;
    case 'period':
      return `from ${twoDates(d.from, d.until, 'to')}`;
    case 'bounded':
      if (d.onOrAfter === undefined) return `on or before ${formatCalendarDate(d.onOrBefore!)}`;
      if (d.onOrBefore === undefined) return `on or after ${formatCalendarDate(d.onOrAfter)}`;
      return `between ${twoDates(d.onOrAfter, d.onOrBefore, 'and')}`;
  }
}

/** A day page's heading: "Friday 16 May 2025", "On or before 16 May 2025", "Some time in May 2025". */
export function headingWords(h: Heading): string {
  switch (h.kind) {
    case 'day':
      return formatDayHeading(h.day);
    case 'on-or-after':
      return `On or after ${formatCalendarDate(h.day)}`;
    case 'on-or-before':
      return `On or before ${formatCalendarDate(h.day)}`;
    case 'between':
      return `Between ${twoDates(h.from, h.until, 'and')}`;
    case 'month':
      return `Some time in ${MONTH_NAMES[Number(h.month.slice(5, 7)) - 1]} ${h.month.slice(0, 4)}`;
    case 'year':
      return `Some time in ${h.year}`;
  }
}

/** "expected", "cancelled", …; nothing for a fact that happened, which is what a timeline says by default. */
export function statusWords(status: FactStatus): string | undefined {
  return status === 'happened' ? undefined : status === 'did-not-happen' ? 'did not happen' : status;
}

/**
 * Who a fact rests on, in our words and the same for every story: "according to Sky News",
 * "Interfax, citing a source", "reportedly", "Moscow claims". The article's wording stays in
 * `wording` for whoever wants the original; own reporting needs no words.
 */
export function attributionWords(s: AttributedSource): string | undefined {
  switch (s.attribution) {
    case 'own-reporting':
      return undefined;
    case 'named-source':
      return `according to ${s.name ?? 'a named source'}`;
    case 'unnamed-source':
      return s.name ? `${s.name}, citing a source` : 'citing a source';
    case 'reportedly':
      return s.name ? `reportedly, according to ${s.name}` : 'reportedly';
    case 'party-claim':
      return `${s.name ?? 'a party'} claims`;
  }
}

/**
 * The text's words for when, followed by the relations those words do not already say:
 * "earlier in the day" with "before" the talks reads "earlier in the day, before the talks";
 * "before the negotiations" already says before, so the relation adds nothing. `nameOf` gives
 * the other fact's short name ("the talks"); a relation to a fact without one is left out.
 */
export function timingWords(
  when: FactDate,
  relations: readonly FactRelation[],
  nameOf: (factId: string) => string | undefined,
): string | undefined {
  const wording = when.wording?.trim();
  const said = (wording ?? '').toLowerCase();
  const parts = wording ? [wording] : [];
  for (const r of relations) {
    const name = nameOf(r.fact);
    const words = r.relation === 'same-day' ? 'the same day as' : r.relation;
    if (name && !said.includes(r.relation === 'same-day' ? 'same day' : r.relation)) parts.push(`${words} ${name}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** "ceasefire proposed to start on 12 May 2025". */
export function aboutWords(a: AboutDate): string {
  return `${a.label} ${factDateWords(a.date)}`;
}

/** "1 and 16 May 2025", "28 April to 3 May 2025", "28 December 2024 and 3 January 2025". */
function twoDates(from: CalendarDate, until: CalendarDate, joiner: 'and' | 'to'): string {
  const [fy, fm, fd] = [from.slice(0, 4), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  if (fy !== until.slice(0, 4)) return `${formatCalendarDate(from)} ${joiner} ${formatCalendarDate(until)}`;
  if (fm !== Number(until.slice(5, 7))) return `${fd} ${MONTH_NAMES[fm - 1]} ${joiner} ${formatCalendarDate(until)}`;
  return `${fd} ${joiner} ${formatCalendarDate(until)}`;
}
