import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../../testing/read';
import { NameBook } from './names';
import { isNegated } from './negation';

const negated = (text: string) => {
  const p = paragraph(text);
  return new NameBook([p])
    .namesIn(p, { from: 0, to: p.tokens.length })
    .filter((n) => isNegated(p, n))
    .map((n) => n.name);
};

describe('negated participation', () => {
  it('after "no" in the same phrase', () => {
    expect(negated('They met alone, with no Turkish or American officials in the room.')).toEqual(['Turkey', 'United States']);
  });

  it('as the subject of an absence', () => {
    expect(negated('Foreign Minister Sergey Lavrov and Yuri Ushakov are both absent.')).toEqual(['Sergey Lavrov', 'Yuri Ushakov']);
    expect(negated("Estmark's defence minister, Paul Dressler, was not present.")).toEqual(['Paul Dressler']);
    expect(negated('Dressler did not attend.')).toEqual(['Dressler']);
  });

  it('not when the sentence only names someone', () => {
    expect(negated('Rubio met Lavrov in Riyadh.')).toEqual([]);
  });
});
