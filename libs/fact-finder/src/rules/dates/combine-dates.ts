import type { FactDate, FactStatus } from '@dateline/domain';
import { DateContext, DateFinding, RelationTarget } from './date-finding';

/** What a fact's date phrases say together. */
export interface CombinedDates {
  readonly when: FactDate;
  readonly about: readonly { readonly date: FactDate; readonly finding: DateFinding }[];
  readonly relations: readonly {
    readonly relation: 'before' | 'after' | 'same-day';
    readonly to: RelationTarget;
    readonly finding: DateFinding;
  }[];
  readonly sequence?: 'first' | 'later';
  /** A rule (not the default) gave `when`. */
  readonly dated: boolean;
}

const PRECISE = new Set(['explicit-days', 'weekdays', 'months-and-years']);
const RELATIVE = new Set(['same-day', 'last-minute', 'main-event-phrases']);

/**
 * A fact's `when` from the phrases in its clause, by this order: a date the text names (a day,
 * a weekday, a month, a year, bounds, a period); then a phrase that ties it to the main event
 * ("earlier in the day", "before the negotiations"); then a week; then a deadline. With none,
 * what the publication allows and no more: on or before the publication day for what happened,
 * on or after it for what is expected; a fact about the main event as such ("would open it")
 * on the main event's day. Phrases in `about` (a proposal's object, a speaker's own hypothetical)
 * are dates the fact is about.
 */
export function combineDates(
  findings: readonly DateFinding[],
  opts: { readonly status: FactStatus; readonly aboutFrom?: number; readonly aboutTo?: number; readonly onMainEventDay?: boolean },
  ctx: DateContext,
): CombinedDates {
  const inAbout = (f: DateFinding) => opts.aboutFrom !== undefined && f.start >= opts.aboutFrom && f.end <= (opts.aboutTo ?? Infinity);
  const about = findings.flatMap((f) => {
    if (f.about) return [{ date: f.about, finding: f }];
    if (f.when && inAbout(f) && !RELATIVE.has(f.rule)) return [{ date: f.when, finding: f }];
    return [];
  });
  const own = findings.filter((f) => f.when && !inAbout(f));
  const pick =
    own.find((f) => PRECISE.has(f.rule) && !f.deadline) ??
    own.find((f) => RELATIVE.has(f.rule)) ??
    own.find((f) => f.rule === 'weeks') ??
    own.find((f) => f.deadline);
  const relations = findings.flatMap((f) => (f.relation && !inAbout(f) ? [{ ...f.relation, finding: f }] : []));
  const seq = findings.find((f) => f.sequence)?.sequence;
  const seqWording = findings.find((f) => f.sequence)?.wording;
  let when: FactDate;
  if (pick?.when) {
    when = withWording(pick.when, pick.wording);
    if (pick.deadline && opts.status === 'expected' && when.precision === 'bounded' && when.onOrBefore && when.onOrBefore > ctx.today)
      when = { ...when, onOrAfter: ctx.today };
  } else if (opts.onMainEventDay && ctx.mainEventDay) {
    when = { precision: 'day', on: ctx.mainEventDay, certainty: 'inferred' };
    relations.push({ relation: 'same-day', to: 'main-event', finding: { rule: 'main-event', start: 0, end: 0, wording: '' } });
  } else if (opts.status === 'expected' || opts.status === 'postponed') {
    when = { precision: 'bounded', onOrAfter: ctx.today, certainty: 'inferred' };
  } else {
    when = { precision: 'bounded', onOrBefore: ctx.today, certainty: 'inferred', ...(seqWording ? { wording: seqWording } : {}) };
  }
  return { when: collapse(when), about, relations, ...(seq ? { sequence: seq } : {}), dated: pick !== undefined };
}

function withWording(date: FactDate, wording: string): FactDate {
  return date.wording ? date : { ...date, wording };
}

/** Bounds that meet are a day (the domain refuses them otherwise: "use precision day"). */
function collapse(date: FactDate): FactDate {
  if (date.precision === 'bounded' && date.onOrAfter && date.onOrAfter === date.onOrBefore) {
    const { onOrAfter, onOrBefore: _b, precision: _p, ...rest } = date;
    return { ...rest, precision: 'day', on: onOrAfter };
  }
  return date;
}
