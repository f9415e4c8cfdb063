import { MONTHS } from './calendar';
import { DateContext, DateFinding } from './date-finding';

const MONTH = MONTHS.join('|');
// "May" alone is the modal verb as often as the month: it needs a preposition or a year.
const IN_MONTH = new RegExp(`\\b(?:in|during|since|until|early|late|mid-?|by early|by late)\\s+(${MONTH})(?:\\s+(\\d{4}))?\\b`, 'gi');
const IN_YEAR = /\b(?:in|during)\s+(\d{4})\b/gi;
/** "the 2022 negotiations": a past event named by its year. */
const YEAR_EVENT = /\bthe (\d{4}) (talks|negotiations|meeting|summit|war|agreement|deal|elections?)\b/gi;

/**
 * A month or a year the text names: "in January", "in April", "in 2019". A month without a year
 * is the last such month up to the publication, or for what is to come the next one. "The 2022
 * negotiations" names an earlier event by its year: a background fact, not this fact's date.
 */
export function monthsAndYears(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  const [year, month] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
  for (const m of text.matchAll(IN_MONTH)) {
    const index = MONTHS.indexOf(m[1].toLowerCase() as (typeof MONTHS)[number]) + 1;
    const y = m[2] ? Number(m[2]) : ctx.future ? (index < month ? year + 1 : year) : index > month ? year - 1 : year;
    const start = offset + (m.index ?? 0);
    out.push({
      rule: 'months-and-years',
      start,
      end: start + m[0].length,
      wording: m[0],
      when: { precision: 'month', on: `${y}-${String(index).padStart(2, '0')}`, certainty: 'explicit' },
    });
  }
  for (const m of text.matchAll(IN_YEAR)) {
    const start = offset + (m.index ?? 0);
    if (out.some((f) => f.start <= start && f.end > start)) continue;
    out.push({
      rule: 'months-and-years',
      start,
      end: start + m[0].length,
      wording: m[0],
      when: { precision: 'year', on: m[1], certainty: 'explicit' },
    });
  }
  for (const m of text.matchAll(YEAR_EVENT)) {
    const start = offset + (m.index ?? 0);
    out.push({
      rule: 'months-and-years',
      start,
      end: start + m[0].length,
      wording: m[0],
      background: { precision: 'year', on: m[1], certainty: 'explicit' },
    });
  }
  return out;
}
