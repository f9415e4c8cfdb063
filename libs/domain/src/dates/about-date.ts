import { FactDate } from './fact-date';
import { factDateProblems } from './fact-date-problems';

/**
 * A date a fact is about, as distinct from when the fact happened: a proposal made some day of
 * a ceasefire "starting May 12", Trump suggesting he "might attend on May 16", a deadline "by
 * 31 May" (a bounded date with onOrBefore only). Any FactDate may be one.
 */
export interface AboutDate {
  /** What happens on that date, in the reader's words: "ceasefire proposed to start". */
  readonly label: string;
  readonly date: FactDate;
}

/** Every problem of the `about` list, each named by its path (`about.0.date.on`), or []. */
export function aboutDatesProblems(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path} must be a list`];
  return value.flatMap((item: unknown, i) => {
    const at = `${path}.${i}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [`${at} must be an object with a label and a date`];
    const a = item as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(a)) if (key !== 'label' && key !== 'date') out.push(`${at}.${key} is not a field of an about date`);
    if (typeof a.label !== 'string' || a.label.trim() === '') out.push(`${at}.label must not be empty`);
    return [...out, ...factDateProblems(a.date, `${at}.date`)];
  });
}
