import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../testing/read';
import { analyseParagraph } from './analyse';
import { paragraphsOf } from './paragraphs';

describe('analysing a paragraph with wink-nlp', () => {
  it("gives every token its place in the revision's text", () => {
    const text = 'Negotiators from Ukraine and Russia sat down in Istanbul on 16 May, Sky News reported.';
    const p = paragraph(text);
    for (const t of p.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(p.tokens.find((t) => t.text === 'sat')).toMatchObject({ pos: 'VERB', lemma: 'sit' });
  });

  it('reads a paragraph met again, elsewhere in another revision, as where it stands now', () => {
    const said = 'Negotiators sat down in Istanbul on 16 May. "We will meet again," Medinsky said.';
    const first = analyseParagraph(paragraphsOf(said)[0]);
    const body = `Talks resumed.\n\n${said}`;
    const again = analyseParagraph(paragraphsOf(body)[1]);
    expect(again.paragraph).toMatchObject({ number: 2, start: 16 });
    for (const t of again.tokens) expect(body.slice(t.start, t.end)).toBe(t.text);
    for (const s of again.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(again.tokens.map((t) => t.start - 16)).toEqual(first.tokens.map((t) => t.start));
    expect(again.sentences.map((s) => s.text)).toEqual(first.sentences.map((s) => s.text));
    expect(again.names).toEqual(first.names);
    // Its own objects: what one reading holds is not another's.
    expect(again.tokens[0]).not.toBe(first.tokens[0]);
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
