import { findCandidates } from '@dateline/fact-finder';
import { GOLD_FILES, loadGoldSet } from './gold-sets';
import { ArticleScore, Field, FIELDS, Figure, scoreArticle } from './score';

export interface Evaluation {
  readonly articles: readonly (ArticleScore & { readonly heldOut: boolean })[];
  /** The two articles the rules were developed on, together: counts summed, figures recomputed. The goals are read here. */
  readonly overall: { readonly facts: Figure; readonly fields: Readonly<Record<Field, Figure>> };
  readonly goals: readonly Goal[];
  /** The same goals read on the held-out article alone. */
  readonly heldOutGoals: readonly Goal[];
}

/** The goals of issue 18, each read off the overall figures. */
export interface Goal {
  readonly name: string;
  readonly value: number;
  readonly target: number;
  readonly met: boolean;
}

/** Runs the fact finder on each gold set's article (its whole text, as a first revision) and scores it. */
export function evaluate(): Evaluation {
  const articles = GOLD_FILES.map(({ file, heldOut }) => {
    const gold = loadGoldSet(file);
    const candidates = findCandidates({
      storyId: gold.storyId,
      revision: gold.revision,
      publishedAt: gold.publishedAt,
      zone: gold.zone,
      text: gold.text,
    });
    return { ...scoreArticle(gold, candidates), heldOut };
  });
  const developed = articles.filter((a) => !a.heldOut);
  const overall = {
    facts: sum(developed.map((a) => a.facts)),
    fields: Object.fromEntries(FIELDS.map((f) => [f, sum(developed.map((a) => a.fields[f]))])) as Record<Field, Figure>,
  };
  const heldOut = articles.find((a) => a.heldOut);
  return { articles, overall, goals: goalsOf(overall), heldOutGoals: heldOut ? goalsOf(heldOut) : [] };
}

function goalsOf(s: { readonly facts: Figure; readonly fields: Readonly<Record<Field, Figure>> }): Goal[] {
  const goal = (name: string, value: number, target: number): Goal => ({ name, value, target, met: value >= target });
  return [
    goal('recall of dated facts', s.facts.recall, 0.9),
    goal('date or bounds correct, of the facts found', s.fields.date.accuracy, 0.85),
    goal('attribution level correct, of the facts found', s.fields.attribution.accuracy, 0.85),
    goal('status correct, of the facts found', s.fields.status.accuracy, 0.85),
    goal('quote speakers correct, of the quotations found', s.fields.quoteSpeakers.accuracy, 0.95),
  ];
}

function sum(figures: readonly Figure[]): Figure {
  const correct = figures.reduce((n, f) => n + f.correct, 0);
  const proposed = figures.reduce((n, f) => n + f.proposed, 0);
  const expected = figures.reduce((n, f) => n + f.expected, 0);
  const matched = figures.reduce((n, f) => n + f.matched, 0);
  const r = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  const precision = r(correct, proposed);
  const recall = r(correct, expected);
  const f1 = precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000;
  return { precision, recall, f1, accuracy: r(correct, matched), correct, proposed, expected, matched };
}
