import { canonicalLanguageTag } from '@dateline/domain';
import { DEFAULT_LANGUAGE, PAGE_LANGUAGES, PageLanguage } from './catalogue';

/** The catalogue's language a tag names, exactly or by its primary subtag (`uk-UA` → `uk`); undefined when none. */
export function catalogueLanguage(tag: string, offered: readonly string[] = PAGE_LANGUAGES): PageLanguage | undefined {
  const canonical = canonicalLanguageTag(tag.trim())?.toLowerCase();
  if (!canonical) return undefined;
  const exact = offered.find((l) => l.toLowerCase() === canonical);
  const primary = canonical.split('-')[0];
  return (exact ?? offered.find((l) => l.toLowerCase() === primary)) as PageLanguage | undefined;
}

/**
 * The language a reader page is shown in: `?lang=` when given (the page's own address for each
 * language, which caches and `hreflang` links can name), else the first of the browser's
 * Accept-Language ranges, by quality, that the catalogue speaks, else English. A range the
 * catalogue does not speak is passed over, never an error: a browser's preferences are not a
 * request for a page that must exist. A `lang` the catalogue lacks is refused earlier, by the
 * query's validation.
 */
export function chooseLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
  offered: readonly string[] = PAGE_LANGUAGES,
): PageLanguage {
  if (lang !== undefined) return catalogueLanguage(lang, offered) ?? DEFAULT_LANGUAGE;
  for (const range of acceptedRanges(acceptLanguage ?? '')) {
    if (range === '*') return DEFAULT_LANGUAGE;
    const found = catalogueLanguage(range, offered);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** Accept-Language's ranges (RFC 9110, section 12.5.4), best first, those with q=0 left out; equal qualities keep their order. */
export function acceptedRanges(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().split('=')).find(([k]) => k.trim().toLowerCase() === 'q');
      const quality = q ? Number(q[1]) : 1;
      return { range: range.trim(), q: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.range.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((r) => r.range);
}
