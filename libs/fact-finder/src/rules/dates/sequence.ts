import { DateContext, DateFinding } from './date-finding';

const FIRST = /\b(initially|at first|originally)\b/gi;
// Not "later in the day" (same-day.ts) nor "at a later date" (no order at all).
const LATER = /\b(later|subsequently|afterwards|eventually)\b(?! (?:in the day|that day|today|this week|on \w+day))/gi;

/**
 * "initially … later", "at first … later": two facts in order, whatever day each was. The marks
 * are found here; which facts they order is decided across the story's sentences
 * (relations.ts), the later one after the first.
 */
export function sequence(text: string, offset: number, _ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  for (const m of text.matchAll(FIRST)) {
    const start = offset + (m.index ?? 0);
    out.push({ rule: 'sequence', start, end: start + m[0].length, wording: m[0], sequence: 'first' });
  }
  for (const m of text.matchAll(LATER)) {
    const start = offset + (m.index ?? 0);
    if (/\ba\s*$/i.test(text.slice(0, m.index))) continue; // "at a later date"
    out.push({ rule: 'sequence', start, end: start + m[0].length, wording: m[0], sequence: 'later' });
  }
  return out;
}
