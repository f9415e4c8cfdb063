import { DateContext, DateFinding } from './date-finding';

const PREVIOUSLY = /\bpreviously\b[^.;"]{0,40}?\b(?:during|at|in) ((?:meetings?|talks|negotiations)\b[^.;"]*)/gi;
const BARE = /\bpreviously\b/gi;

/**
 * "as we have previously said during meetings in Jeddah and Riyadh": earlier meetings, a
 * background fact before the one that mentions them, on or before the publication day and no
 * more precise. A bare "previously" only orders: nothing is known of what came before.
 */
export function previously(text: string, offset: number, ctx: DateContext): DateFinding[] {
  const out: DateFinding[] = [];
  for (const m of text.matchAll(PREVIOUSLY)) {
    const start = offset + (m.index ?? 0);
    out.push({
      rule: 'previously',
      start,
      end: start + m[0].length,
      wording: 'previously',
      background: { precision: 'bounded', onOrBefore: ctx.today, certainty: 'inferred', wording: 'previously' },
      relation: { relation: 'after', to: 'background' },
    });
  }
  if (out.length === 0)
    for (const m of text.matchAll(BARE)) {
      const start = offset + (m.index ?? 0);
      out.push({ rule: 'previously', start, end: start + m[0].length, wording: m[0] });
    }
  return out;
}
