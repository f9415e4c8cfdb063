import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../../testing/read';
import { NameBook } from './names';
import { participantsIn } from './participants';

function who(text: string): string[] {
  const p = paragraph(text);
  return participantsIn(p, [{ from: 0, to: p.tokens.length }], new NameBook([p])).map((x) => x.name);
}

describe('participants', () => {
  it('leaves out those whose part the sentence denies', () => {
    expect(who('Kyiv said Moscow asked to see the Ukrainian side alone, with no Turkish or American officials in the room.')).toEqual([
      'Ukraine',
      'Russia',
    ]);
    expect(who("Okafor met Reyne; Estmark's defence minister, Paul Dressler, was not present.")).toEqual(['Okafor', 'Reyne']);
  });

  it('leaves out what a fact is about and whose someone is', () => {
    expect(who("Kyiv's delegation intends to raise the prospect of Volodymyr Zelensky and Vladimir Putin meeting.")).toEqual(['Ukraine']);
    expect(who("Okafor met Valdora's foreign minister, Tomas Reyne.")).toEqual(['Okafor', 'Tomas Reyne']);
    expect(who('Valdora later accepted the Swiss offer.')).toEqual(['Valdora']);
  });

  it('keeps a country that acts through its people, and "X and its allies"', () => {
    expect(who("Estmark's artillery shelled two villages.")).toEqual(['Estmark']);
    expect(who('Ukraine and its allies have called on Russia to accept a ceasefire.')).toEqual(['Ukraine', "Ukraine's allies", 'Russia']);
  });

  it('leaves out places', () => {
    expect(who('Trump landed in Dubai after meetings in Jeddah and Riyadh.')).toEqual(['Trump']);
  });
});
