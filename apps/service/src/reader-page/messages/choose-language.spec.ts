import { describe, expect, it } from '@jest/globals';
import { acceptedRanges, catalogueLanguage, chooseLanguage } from './choose-language';
import { languageLinks, requestLanguage } from './request-language';

// A catalogue of two, as it will be once a second language is added: the choice must not depend on English being alone.
const offered = ['en', 'uk'];

describe('chooseLanguage', () => {
  it('takes ?lang= first, matched by its canonical form or its primary subtag', () => {
    expect(chooseLanguage('uk', 'en', offered)).toBe('uk');
    expect(chooseLanguage('UK-ua', undefined, offered)).toBe('uk');
    expect(chooseLanguage('en-GB', 'uk', offered)).toBe('en');
  });

  it('else the first Accept-Language range by quality that the catalogue speaks', () => {
    expect(chooseLanguage(undefined, 'de-DE, uk;q=0.8, en;q=0.5', offered)).toBe('uk');
    expect(chooseLanguage(undefined, 'en;q=0.4, uk-UA;q=0.9', offered)).toBe('uk');
    expect(chooseLanguage(undefined, 'uk;q=0, en', offered)).toBe('en');
  });

  it('falls back to English: no header, nothing offered matches, a wildcard, or garbage', () => {
    expect(chooseLanguage(undefined, undefined, offered)).toBe('en');
    expect(chooseLanguage(undefined, 'de, fr;q=0.5', offered)).toBe('en');
    expect(chooseLanguage(undefined, '*', offered)).toBe('en');
    expect(chooseLanguage(undefined, ';;,=q,', offered)).toBe('en');
    expect(chooseLanguage('en_US', undefined, offered)).toBe('en');
  });

  it('offers only the catalogue: today English alone', () => {
    expect(chooseLanguage('uk', undefined)).toBe('en');
    expect(chooseLanguage(undefined, 'uk, en;q=0.1')).toBe('en');
    expect(catalogueLanguage('uk')).toBeUndefined();
    expect(catalogueLanguage('en-US')).toBe('en');
  });
});

describe('acceptedRanges', () => {
  it('orders by quality, keeps the order of equals and drops q=0 and empty parts', () => {
    expect(acceptedRanges('fr;q=0.5, de, uk;q=0.9, en ;q=0.5, pl;q=0, ,')).toEqual(['de', 'uk', 'fr', 'en']);
  });
});

describe('requestLanguage and languageLinks', () => {
  it('reads the lang parameter and the header of a request', () => {
    expect(requestLanguage({ query: { lang: 'en' }, headers: {} })).toBe('en');
    expect(requestLanguage({ query: {}, headers: { 'accept-language': ['uk', 'en;q=0.5'] } })).toBe('en');
    expect(requestLanguage({ headers: {} })).toBe('en');
  });

  it('gives the page in each language with the rest of its query kept', () => {
    expect(languageLinks('/?from=2025-05-16&minPosition=7&lang=uk', ['en', 'uk'])).toEqual([
      { lang: 'en', href: '/?from=2025-05-16&lang=en' },
      { lang: 'uk', href: '/?from=2025-05-16&lang=uk' },
    ]);
  });
});
