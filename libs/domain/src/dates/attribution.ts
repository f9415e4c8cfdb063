/**
 * Who a fact rests on, per source, instead of one yes/no hedge: readers weigh "according to Sky
 * News", "Interfax, citing a source" and "reportedly" differently, and so must the timeline.
 * - `own-reporting`: the newsroom's own reporting or knowledge;
 * - `named-source`: a named outlet, agency or person reports it ("according to Sky News");
 * - `unnamed-source`: it rests on a source the report does not name ("citing a source"); `name`
 *   is who relays it, when someone does (Interfax);
 * - `reportedly`: the text says "reportedly" and names no one;
 * - `party-claim`: a party to the matter says so ("Moscow claims"): a claim, not a finding.
 */
export const ATTRIBUTIONS = ['own-reporting', 'named-source', 'unnamed-source', 'reportedly', 'party-claim'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export interface AttributedSource {
  readonly attribution: Attribution;
  /** The outlet, agency, person or party; required for named sources and party claims. */
  readonly name?: string;
  /** The article's own words: "according to Sky News", "Russian news agency Interfax reported, citing a source". */
  readonly wording?: string;
  readonly url?: string;
  readonly note?: string;
}

/** Levels whose phrase needs a name to say anything. */
const NAME_REQUIRED: readonly Attribution[] = ['named-source', 'party-claim'];

/** Every problem of one source, named by its path (`sources.0.name`), or []. */
export function attributedSourceProblems(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path} must be an object with an attribution`];
  const s = value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(s))
    if (!['attribution', 'name', 'wording', 'url', 'note'].includes(key)) out.push(`${path}.${key} is not a field of a source`);
  if (!(ATTRIBUTIONS as readonly unknown[]).includes(s.attribution)) {
    out.push(`${path}.attribution must be one of ${ATTRIBUTIONS.join(', ')}`);
  } else if (NAME_REQUIRED.includes(s.attribution as Attribution) && (typeof s.name !== 'string' || s.name.trim() === '')) {
    out.push(`${path}.name is required when attribution is ${String(s.attribution)}`);
  }
  for (const key of ['name', 'wording', 'url', 'note'])
    if (s[key] !== undefined && (typeof s[key] !== 'string' || s[key].trim() === ''))
      out.push(`${path}.${key} must be a non-empty text when given`);
  return out;
}
