import { DateContext, DateFinding } from './date-finding';

const EVENT = '(?:talks|negotiations|meeting|session|summit)';
const BEFORE = new RegExp(`\\bbefore the ${EVENT}(?: (?:began|started|opened|got under way))?\\b`, 'gi');
const AFTER = new RegExp(
  `\\b(?:after|once|as soon as) the ${EVENT}(?: (?:began|started|opened|ended|closed|had begun|had ended|got under way|(?:was|were) under way))?\\b`,
  'gi',
);
const DURING = new RegExp(`\\b(?:during|at) the ${EVENT}\\b`, 'gi');

/**
 * "before the negotiations began", "after the talks", "once the talks were under way", "during
 * the meeting": the story's main event by its common name, and this fact's order against it.
 * Before it: on or before its day, never a day of its own. After it: between its day and the
 * publication day (the same day when they are one). During it: its day.
 */
export function mainEventPhrases(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const main = ctx.mainEventDay ?? ctx.today;
  const out: DateFinding[] = [];
  const at = (m: RegExpExecArray | RegExpMatchArray) => offset + (m.index ?? 0);
  for (const m of text.matchAll(BEFORE))
    out.push({
      rule: 'main-event-phrases',
      start: at(m),
      end: at(m) + m[0].length,
      wording: m[0],
      when: { precision: 'bounded', onOrBefore: main, certainty: 'inferred', wording: m[0] },
      relation: { relation: 'before', to: 'main-event' },
    });
  for (const m of text.matchAll(AFTER))
    out.push({
      rule: 'main-event-phrases',
      start: at(m),
      end: at(m) + m[0].length,
      wording: m[0],
      when:
        main >= ctx.today
          ? { precision: 'day', on: main, certainty: 'inferred', wording: m[0] }
          : { precision: 'bounded', onOrAfter: main, onOrBefore: ctx.today, certainty: 'inferred', wording: m[0] },
      relation: { relation: 'after', to: 'main-event' },
    });
  for (const m of text.matchAll(DURING))
    out.push({
      rule: 'main-event-phrases',
      start: at(m),
      end: at(m) + m[0].length,
      wording: m[0],
      when: { precision: 'day', on: main, certainty: 'inferred', wording: m[0] },
      relation: { relation: 'same-day', to: 'main-event' },
    });
  return out;
}
