import { chooseLanguage } from './choose-language';
import { messagesFor, PageLanguage } from './catalogue';
import type { Messages } from './messages';

/** What a request carries that chooses a page's language: its `lang` query parameter and its Accept-Language header. */
export interface LanguageRequest {
  readonly query?: unknown;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The language a request's page is shown in (chooseLanguage): the same answer for the page, its error page and its cache key. */
export function requestLanguage(request: LanguageRequest): PageLanguage {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const lang = typeof query.lang === 'string' ? query.lang : undefined;
  const accept = request.headers['accept-language'];
  return chooseLanguage(lang, Array.isArray(accept) ? accept.join(',') : accept);
}

export function requestMessages(request: LanguageRequest): Messages {
  return messagesFor(requestLanguage(request));
}

/**
 * The same page in each of the catalogue's languages, for `hreflang` links: its path and query
 * with `lang` set, less `minPosition`, which asks this request to wait for a write and names no
 * page of its own.
 */
export function languageLinks(url: string, languages: readonly string[]): { lang: string; href: string }[] {
  return languages.map((lang) => {
    const u = new URL(url, 'http://page.invalid');
    u.searchParams.delete('minPosition');
    u.searchParams.set('lang', lang);
    return { lang, href: `${u.pathname}${u.search}` };
  });
}
