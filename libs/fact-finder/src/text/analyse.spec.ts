import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../testing/read';

describe('analysing a paragraph with wink-nlp', () => {
  it("gives every token its place in the revision's text", () => {
    const text = 'Negotiators from Ukraine and Russia sat down in Istanbul on 16 May, Sky News reported.';
    const p = paragraph(text);
    for (const t of p.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(p.tokens.find((t) => t.text === 'sat')).toMatchObject({ pos: 'VERB', lemma: 'sit' });
  });

  it('counts a quotation with its attribution as one sentence, however many full stops it holds', () => {
    const p = paragraph('Yermak wrote: "The Russians want 2022. But all that is similar is the city. And nothing else." He added more.');
    expect(p.sentences.map((s) => s.text)).toEqual([
      'Yermak wrote: "The Russians want 2022. But all that is similar is the city. And nothing else."',
      'He added more.',
    ]);
  });

  it('joins a sentence that opens in lower case to the one before ("…," he told reporters)', () => {
    const p = paragraph('"Nothing will happen until we meet." he told reporters.');
    expect(p.sentences).toHaveLength(1);
  });

  it('finds runs of proper nouns as names', () => {
    const p = paragraph('Michael Anton held a meeting with Medinsky.');
    expect(
      p.names.map((n) =>
        p.tokens
          .slice(n.from, n.to)
          .map((t) => t.text)
          .join(' '),
      ),
    ).toEqual(['Michael Anton', 'Medinsky']);
  });
});
