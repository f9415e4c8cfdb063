/**
 * What a reader's search text becomes before it reaches the database: its words, the text
 * search queries built from them and the text a name is compared with (docs/search.md).
 * Pure, so that the rules are tested without a database; the database does the folding
 * (accents, case, word endings) with its own dictionaries.
 */

/** The longest search text, in characters: longer is a 400 that says so. */
export const MAX_SEARCH_LENGTH = 200;
/** The most words a search takes: each is a term the index is asked for. */
export const MAX_SEARCH_WORDS = 12;
/**
 * The fewest letters a one-word search needs before names are also compared by likeness
 * (trigrams): below it nearly every name is "like" the text ("an" is like Anton, Andriy, Iran).
 */
export const MIN_SIMILAR_NAME_LENGTH = 4;

/** A search, ready for the database. */
export interface SearchTerms {
  /** The text as given, trimmed: what the answer echoes. */
  readonly text: string;
  /** Its words: runs of letters, digits and combining marks, in order, each once. */
  readonly words: readonly string[];
  /**
   * to_tsquery input: every word, the last also as a prefix, as one types ("Zelen" finds
   * "Zelensky", "Marco Rub" finds "Marco Rubio"). Only the last: a prefix of a word most facts
   * have ("envoy:*") makes the index collect all of them instead of skipping to the rarer words.
   */
  readonly allWords: string;
  /** to_tsquery input: any of the same terms: what marks the words that matched in a field. */
  readonly anyWord: string;
  /**
   * The word names are compared with by likeness, or undefined: only a search of one word of
   * four letters or more. Several words are compared as one text, whose trigrams a common word
   * fills ("Envoy 42" is 0.67 like every "Envoy N"), so they are found by their words only.
   */
  readonly nameText: string | undefined;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** What is wrong with a search text, or undefined: empty, too long, or too many words. */
export function searchTextProblem(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed.length === 0) return 'q must not be empty: give a word or a name to search for';
  if (trimmed.length > MAX_SEARCH_LENGTH) return `q must be at most ${MAX_SEARCH_LENGTH} characters long (it has ${trimmed.length})`;
  const words = wordsOf(trimmed);
  if (words.length === 0) return 'q must contain a letter or a digit: punctuation alone matches nothing';
  if (words.length > MAX_SEARCH_WORDS) return `q may have at most ${MAX_SEARCH_WORDS} words (it has ${words.length})`;
  return undefined;
}

/**
 * The terms of a valid search text (searchTextProblem first). Words are letters, digits and
 * combining marks only, so nothing of the text reaches to_tsquery's own syntax (quotes, `&`,
 * `!`, `:`, parentheses): a hostile text can only be words or nothing.
 */
export function searchTerms(text: string): SearchTerms {
  const trimmed = text.trim();
  const words = wordsOf(trimmed);
  const terms = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w));
  return {
    text: trimmed,
    words,
    allWords: terms.join(' & '),
    anyWord: terms.join(' | '),
    nameText: words.length === 1 && words[0].length >= MIN_SIMILAR_NAME_LENGTH ? words[0] : undefined,
  };
}

function wordsOf(text: string): string[] {
  return [...new Set((text.normalize('NFC').match(WORD) ?? []).map((w) => w.toLowerCase()))];
}
