/** A span of the article's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Pairs candidates with gold facts by the overlap of their evidence: each pair's score is the
 * overlap over the union of the two spans (so a candidate on the whole sentence and one on
 * "since 2022" go to the gold facts they fit best); the best pairs are taken first, each
 * candidate and each gold fact at most once, and pairs that share no character never.
 */
export function matchByEvidence<C extends Span, G extends Span>(candidates: readonly C[], gold: readonly G[]): [C, G][] {
  const pairs: { c: number; g: number; score: number }[] = [];
  candidates.forEach((c, ci) =>
    gold.forEach((g, gi) => {
      const overlap = Math.min(c.end, g.end) - Math.max(c.start, g.start);
      if (overlap <= 0) return;
      const union = Math.max(c.end, g.end) - Math.min(c.start, g.start);
      pairs.push({ c: ci, g: gi, score: overlap / union });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.c - b.c || a.g - b.g);
  const usedC = new Set<number>();
  const usedG = new Set<number>();
  const out: [C, G][] = [];
  for (const p of pairs) {
    if (usedC.has(p.c) || usedG.has(p.g)) continue;
    usedC.add(p.c);
    usedG.add(p.g);
    out.push([candidates[p.c], gold[p.g]]);
  }
  return out;
}
