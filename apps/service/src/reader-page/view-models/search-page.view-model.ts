import { DiplomaticEventEntry, formatCalendarDate, formatInstantUtc } from '@dateline/domain';
import { MatchPart, SearchField, SearchHit, SearchMatch } from '@dateline/projections';
import { queryString } from '../html';
import { entryDomId } from './entry.view-model';

/** One reason a result matched, as the page words it. */
export interface MatchView {
  readonly label: string;
  readonly parts: readonly MatchPart[];
}

export interface SearchResultView {
  readonly domId: string;
  readonly kind: 'Fact' | 'Story';
  readonly title: string;
  readonly href: string;
  /** When: a fact's day, a story's latest revision's publication. */
  readonly when: { readonly at: string; readonly label: string };
  readonly matches: readonly MatchView[];
}

export interface SearchPageView {
  readonly q: string;
  readonly results: readonly SearchResultView[];
  /** Results shown before this page (a later page counts on). */
  readonly continued: boolean;
  readonly nextHref?: string;
  readonly firstHref?: string;
}

const FIELD_LABELS: Record<SearchField, string> = {
  title: 'Title',
  participants: 'Participants',
  place: 'Place',
  summary: 'Summary',
  quotes: 'Quotes',
  headline: 'Headline',
  editorsNote: 'Editor’s note',
  body: 'Story text',
};

/** The results page of `q`: each result with where it leads and why it matched. */
export function searchPageView(q: string, hits: readonly SearchHit[], next: string | undefined, continued: boolean): SearchPageView {
  return {
    q,
    continued,
    results: hits.map(resultView),
    ...(next ? { nextHref: `/search${queryString({ q, cursor: next })}` } : {}),
    ...(continued ? { firstHref: `/search${queryString({ q })}` } : {}),
  };
}

function resultView(h: SearchHit): SearchResultView {
  const matches = h.matches.map(matchView);
  if (h.type === 'story')
    return {
      domId: `result-story-${h.id}`,
      kind: 'Story',
      title: h.headline,
      href: `/stories/${encodeURIComponent(h.slug)}`,
      when: { at: h.publishedAt, label: `Updated ${formatInstantUtc(h.publishedAt)}` },
      matches,
    };
  const entry = JSON.parse(h.entry) as DiplomaticEventEntry;
  return {
    domId: `result-fact-${h.id}`,
    kind: 'Fact',
    title: entry.title,
    // The fact on its day's page, where the timeline shows it with everything it says.
    href: `/${queryString({ from: entry.date, to: entry.date })}#${entryDomId(entry)}`,
    when: { at: entry.date, label: formatCalendarDate(entry.date) },
    matches,
  };
}

function matchView(m: SearchMatch): MatchView {
  const label = FIELD_LABELS[m.field];
  return { label: m.how === 'similar' ? `${label} (a name like your search)` : label, parts: m.parts };
}
