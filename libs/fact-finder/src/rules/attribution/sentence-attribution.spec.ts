import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../../testing/read';
import { wordsBetween } from '../../grammar/token';
import { NameBook } from '../participants/names';
import { sentenceAttribution } from './sentence-attribution';

function read(text: string) {
  const p = paragraph(text);
  const a = sentenceAttribution(p, p.sentences[0], new NameBook([p]));
  return {
    sources: a.sources.map(({ attribution, name }) => ({ attribution, name })),
    core: wordsBetween(p.tokens, a.core.from, a.core.to),
  };
}

describe('attribution of a whole sentence', () => {
  it('"According to Sky News, …" is a named source, cut off from the statement', () => {
    expect(read("According to Sky News, Kyiv's delegation intends to raise a ceasefire.")).toEqual({
      sources: [{ attribution: 'named-source', name: 'Sky News' }],
      core: "Kyiv's delegation intends to raise a ceasefire",
    });
  });

  it('", X and Y reported." names each outlet', () => {
    expect(read('Negotiators sat down in Istanbul on 16 May, Sky News and the Russian state agency TASS reported.').sources).toEqual([
      { attribution: 'named-source', name: 'Sky News' },
      { attribution: 'named-source', name: 'TASS' },
    ]);
  });

  it('", a diplomat familiar with the preparations said." and ", diplomats said." name no one', () => {
    expect(read('Valdora later accepted the Swiss offer, a diplomat familiar with the preparations said.').sources).toEqual([
      { attribution: 'unnamed-source', name: undefined },
    ]);
    expect(read('Estmark might send a larger team, diplomats said.').sources).toEqual([{ attribution: 'unnamed-source', name: undefined }]);
  });

  it('", according to a statement from the UN mission" is the body that issued it', () => {
    expect(read('Okafor met Reyne, according to a statement from the UN mission.').sources).toEqual([
      { attribution: 'named-source', name: 'UN mission' },
    ]);
  });

  it('leaves a sentence that attributes nothing as it is', () => {
    expect(read('Russia has turned the proposal down.')).toEqual({ sources: [], core: 'Russia has turned the proposal down' });
  });
});
