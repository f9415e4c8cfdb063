/** A word or punctuation mark of a paragraph, as wink-nlp tags it, with its place in the revision's text. */
export interface Token {
  /** Position in the paragraph's token list. */
  readonly i: number;
  readonly text: string;
  readonly lower: string;
  readonly lemma: string;
  /** Universal POS tag: VERB, AUX, PROPN, NOUN, ADP, PUNCT, … */
  readonly pos: string;
  readonly start: number;
  readonly end: number;
}

/** A run of tokens [from, to) of one paragraph, with its character span. */
export interface TokenRange {
  readonly from: number;
  readonly to: number;
}

const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);

export function isQuoteMark(t: Token): boolean {
  return DOUBLE_QUOTES.has(t.text);
}

/** The tokens' words joined as they are written (one space where the text has whitespace). */
export function wordsBetween(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += (i > from && tokens[i].start > tokens[i - 1].end ? ' ' : '') + tokens[i].text;
  return out;
}
