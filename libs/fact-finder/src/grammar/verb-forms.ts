/**
 * Inflected forms of the verbs the rules care about. wink-nlp's lite model tags some of them as
 * nouns or adjectives in news sentences ("Valdora claims that…", "Okafor plans to…", "would open
 * it"); a form listed here after a subject or a modal is read as a verb all the same.
 */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  hold: ['held'],
  meet: ['met'],
  sit: ['sat'],
  put: ['put'],
  send: ['sent'],
  come: ['came'],
  go: ['went', 'gone'],
  make: ['made'],
  give: ['gave', 'given'],
  take: ['took', 'taken'],
  begin: ['began', 'begun'],
  lead: ['led'],
  fly: ['flew', 'flown'],
  turn: ['turned'],
  grow: ['grew', 'grown'],
  draw: ['drew', 'drawn'],
  break: ['broke', 'broken'],
  sign: ['signed'],
  strike: ['struck'],
  seek: ['sought'],
  speak: ['spoke', 'spoken'],
  free: ['freed'],
  lift: ['lifted'],
};

/** Every form of a base verb: base, -s, -ed, -ing, and the irregular ones. */
export function formsOf(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const doubled = /^[a-z]*[^aeiou][aeiou][bdglmnprt]$/.test(base) && !/(en|er|on|it)$/.test(base) ? base + base.slice(-1) : base;
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${doubled}ed`;
  const ing = base.endsWith('ie')
    ? `${base.slice(0, -2)}ying`
    : base.endsWith('e') && !base.endsWith('ee')
      ? `${stem}ing`
      : `${doubled}ing`;
  return [base, third, past, ing, ...(IRREGULAR[base] ?? [])];
}

/** A map from each form to its base, for the given base verbs. */
export function formIndex(bases: readonly string[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const base of bases) for (const form of formsOf(base)) if (!out.has(form)) out.set(form, base);
  return out;
}
