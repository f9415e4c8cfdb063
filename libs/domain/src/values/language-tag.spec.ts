import { describe, expect, it } from '@jest/globals';
import { canonicalLanguageTag, isLanguageTag, languageTagProblem, sameLanguage } from './language-tag';

describe('language tags (BCP 47)', () => {
  it('accepts well-formed tags and gives their canonical form', () => {
    expect(canonicalLanguageTag('uk')).toBe('uk');
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
    expect(canonicalLanguageTag('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(isLanguageTag('pt-BR')).toBe(true);
  });

  it.each(['', 'en_US', 'en--US', 'x', 'a1', 'i-klingon', 'uk ', 'e'.repeat(65), 42, null, undefined])('refuses %p', (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
    expect(canonicalLanguageTag(tag)).toBeUndefined();
  });

  it('compares languages canonically, ignoring case, and never matches a malformed tag', () => {
    expect(sameLanguage('en-gb', 'EN-GB')).toBe(true);
    expect(sameLanguage('en', 'en-GB')).toBe(false);
    expect(sameLanguage('uk', 'en')).toBe(false);
    expect(sameLanguage('en_US', 'en_US')).toBe(false);
  });

  it('names the field and the value in its problem', () => {
    expect(languageTagProblem('language', 'en_US')).toBe(
      'language must be a well-formed BCP 47 language tag such as en, uk or pt-BR (got "en_US")',
    );
    expect(languageTagProblem('language', 'uk')).toBeUndefined();
  });
});
