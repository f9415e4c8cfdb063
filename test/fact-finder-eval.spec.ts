import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../bench/fact-eval/evaluate';
import { levelsOf, readLevels } from '../bench/fact-eval/levels';

/**
 * The fact finder (libs/fact-finder) against the gold sets (data/gold), as npm run eval:facts
 * measures it: no figure may fall below the level committed in bench/fact-finder-levels.json,
 * and the goals of issue 18 must hold on the two articles the rules were developed on.
 */
describe('fact finder evaluation', () => {
  const evaluation = evaluate();
  const reached = levelsOf(evaluation).levels;
  const committed = readLevels().levels;

  it('has a level for every article and every figure, and reaches each', () => {
    const below: string[] = [];
    for (const [article, figures] of Object.entries(committed))
      for (const [figure, level] of Object.entries(figures))
        for (const [measure, value] of Object.entries(level)) {
          const now = reached[article]?.[figure as keyof (typeof reached)[string]]?.[measure as keyof typeof level];
          if (now === undefined || now < value) below.push(`${article} ${figure} ${measure}: ${now ?? 'missing'} < ${value}`);
        }
    expect(below).toEqual([]);
    expect(Object.keys(committed).sort()).toEqual(Object.keys(reached).sort());
  });

  it('meets the goals of issue 18 on the two articles', () => {
    expect(evaluation.goals.filter((g) => !g.met).map((g) => `${g.name}: ${g.value} < ${g.target}`)).toEqual([]);
  });
});
