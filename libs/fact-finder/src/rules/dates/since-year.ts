import { DateContext, DateFinding } from './date-finding';

const SINCE = /\b(?:(?:first|last)\s+\w+(?:\s+\w+)?\s+)?since (\d{4})\b/gi;

/**
 * "their first direct talks since 2022": the fact comes after something in 2022, which the
 * phrase names as a background fact of its own (year precision), and says nothing more about
 * when this fact happened.
 */
export function sinceYear(text: string, offset: number, _ctx: DateContext): DateFinding[] {
  return [...text.matchAll(SINCE)].map((m) => {
    const start = offset + (m.index ?? 0);
    return {
      rule: 'since-year',
      start,
      end: start + m[0].length,
      wording: `since ${m[1]}`,
      background: { precision: 'year', on: m[1], certainty: 'explicit', wording: `since ${m[1]}` },
      relation: { relation: 'after', to: 'background' },
    };
  });
}
