import { EN } from './en';
import type { Messages } from './messages';

/**
 * The languages the reader pages speak, by their BCP 47 tag. Adding one is a file beside en.ts
 * typed `Messages` and a line here (docs/languages.md); only languages listed here are offered.
 */
export const CATALOGUE = { en: EN } as const satisfies Readonly<Record<string, Messages>>;

export type PageLanguage = keyof typeof CATALOGUE;

export const DEFAULT_LANGUAGE: PageLanguage = 'en';

export const PAGE_LANGUAGES = Object.keys(CATALOGUE) as readonly PageLanguage[];

export function messagesFor(lang: PageLanguage = DEFAULT_LANGUAGE): Messages {
  return CATALOGUE[lang];
}
