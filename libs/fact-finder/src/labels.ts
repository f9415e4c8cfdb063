import { DateFinding } from './rules/dates/date-finding';
import { FactReading } from './reading/fact-reading';

/**
 * A label for a date a fact is about, in the text's words: "proposed start of the full,
 * unconditional ceasefire" (from 12 May), "proposed: holding talks in Turkey" (this week),
 * "said: he could travel to them" (on 16 May).
 */
export function aboutLabel(text: string, f: DateFinding, objectStart: number | undefined, r: FactReading): string {
  if (
    /^(from|starting|beginning|as of|effective)\b/i.test(
      text
        .slice(Math.max(0, f.start - 12), f.start)
        .trim()
        .split(' ')
        .pop() ?? '',
    )
  ) {
    const before = text
      .slice(Math.max(0, f.start - 60), f.start)
      .replace(/\s*\b(from|starting|starting on|starting from|beginning|as of|effective)\s*$/i, '')
      .split(/[,;]?\s+(?=to\b|accept\b)/)
      .pop()
      ?.replace(/^(to |accept )+/, '')
      .replace(/^(a|an|the)\s+/i, '')
      .trim();
    return `${r.kind === 'proposal' ? 'proposed start of the' : 'start of the'} ${before ?? 'event'}`;
  }
  const from = objectStart ?? f.start;
  const words = text
    .slice(from, f.start)
    .replace(/^to\s+/, '')
    .replace(/\s*\b(on|in|at|by)\s*$/i, '')
    .trim();
  const what = words.length > 0 ? words : f.wording;
  return r.role === 'statement' ? `said: ${what}` : r.kind === 'proposal' ? `proposed: ${what}` : what;
}

/** A title for a background fact a phrase names: "Earlier direct talks, in 2022", "Earlier meetings in Jeddah and Riyadh …". */
export function backgroundTitle(phrase: string, f: DateFinding): string {
  if (f.rule === 'since-year') {
    const what =
      phrase
        .replace(/^(?:their |its |the )?(?:first|last)\s+/i, '')
        .replace(/\s*since \d{4}$/i, '')
        .trim() || 'event';
    return `Earlier ${what}, in ${f.background?.precision === 'year' ? f.background.on : ''}`.trim();
  }
  const m = /\b(?:during|at|in) ((?:meetings?|talks|negotiations)\b.*)$/i.exec(phrase);
  return `Earlier ${m ? m[1] : phrase}`.replace(/[\s,.]+$/, '');
}
