import { describe, expect, it } from '@jest/globals';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS, searchTerms, searchTextProblem } from './search-terms';

describe('search terms', () => {
  it('names what is wrong with a search text', () => {
    expect(searchTextProblem(undefined)).toBe('q must not be empty: give a word or a name to search for');
    expect(searchTextProblem(' \t ')).toBe('q must not be empty: give a word or a name to search for');
    expect(searchTextProblem('x'.repeat(MAX_SEARCH_LENGTH + 1))).toBe(
      `q must be at most ${MAX_SEARCH_LENGTH} characters long (it has ${MAX_SEARCH_LENGTH + 1})`,
    );
    expect(searchTextProblem(` ${'x'.repeat(MAX_SEARCH_LENGTH)} `)).toBeUndefined();
    expect(searchTextProblem(Array.from({ length: MAX_SEARCH_WORDS + 1 }, (_, i) => `w${i}`).join(' '))).toBe(
      `q may have at most ${MAX_SEARCH_WORDS} words (it has ${MAX_SEARCH_WORDS + 1})`,
    );
    expect(searchTextProblem("' & ! ( ) :*")).toBe('q must contain a letter or a digit: punctuation alone matches nothing');
    expect(searchTextProblem('Rubio')).toBeUndefined();
  });

  it('keeps only words, so that nothing of the text reaches the query syntax', () => {
    const t = searchTerms(`  Rubio's  "talks" & !ceasefire:* | (Zelen) <-> rubio `);
    expect(t.text).toBe(`Rubio's  "talks" & !ceasefire:* | (Zelen) <-> rubio`);
    expect(t.words).toEqual(['rubio', 's', 'talks', 'ceasefire', 'zelen']);
    // The last word also as a prefix, as one types.
    expect(t.allWords).toBe('rubio & s & talks & ceasefire & zelen:*');
    expect(t.anyWord).toBe('rubio | s | talks | ceasefire | zelen:*');
  });

  it('keeps letters of every script and composed accents as one word', () => {
    expect(searchTerms('Kraków Зеленський e\u0301te').words).toEqual(['kraków', 'зеленський', 'éte']);
  });

  it('compares names by likeness only for one word of four letters or more', () => {
    expect(searchTerms(' Zelenskyy! ').nameText).toBe('zelenskyy');
    expect(searchTerms('Marco Rubio').nameText).toBeUndefined();
    expect(searchTerms('Ann').nameText).toBeUndefined();
  });
});
