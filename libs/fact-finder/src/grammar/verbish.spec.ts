import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../testing/read';
import { isFiniteVerb } from './verbish';

const finite = (text: string) => {
  const p = paragraph(text);
  return p.tokens.filter((_, i) => isFiniteVerb(p.tokens, i)).map((t) => t.text);
};

describe('the verbs clauses turn on', () => {
  it('include lexicon verbs the lite model tags as nouns after a subject or a modal', () => {
    expect(finite('Valdora claims that Estmark shelled two villages.')).toEqual(['claims', 'shelled']);
    expect(finite('Turkish officials would open it.')).toEqual(['open']);
  });

  it('leave out infinitives, participles on nouns, reduced passives and noun compounds', () => {
    expect(finite('Okafor plans to present a draft.')).toEqual(['plans']);
    expect(finite('after weeks of shelling along their shared border')).toEqual([]);
    expect(finite("A source quoted by Russia's Interfax agency said it.")).toEqual(['said']);
    expect(finite('Quessan state television said it.')).toEqual(['said']);
  });

  it('take the verb of "is due to" as the clause\'s', () => {
    expect(finite('The exchange is due to take place on Friday.')).toEqual(['take']);
  });
});
