import { DiplomaticEventEntry, FactDate, factKnowledge, FactStatus, Participant } from '@dateline/domain';
import type { StoryRevisionView } from '@dateline/projections';
import { factWords } from '../reader-page/view-models/fact-words';

/**
 * schema.org JSON-LD for search engines and aggregators. Embed it with `jsonForScript`, which
 * keeps `</script>` in a title from closing the element.
 */

/** The timeline page: its diplomatic events as an ItemList of schema.org Events. */
export function timelineJsonLd(events: readonly DiplomaticEventEntry[], name: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    numberOfItems: events.length,
    itemListElement: events.map((e, i) => ({ '@type': 'ListItem', position: i + 1, item: eventJsonLd(e) })),
  };
}

/**
 * A diplomatic event as a schema.org Event, dated as its date knowledge allows: a day (with the
 * time when known), a month or a year as an ISO 8601 date of that precision, a period as its
 * first and last day, bounds as startDate/endDate of the window (only the bound there is when
 * one is open). schema.org cannot say "inferred", "on or before", "reportedly" or "expected",
 * so the description says them in the page's words; eventStatus carries what it can.
 */
export function eventJsonLd(e: DiplomaticEventEntry): Record<string, unknown> {
  const k = factKnowledge(e);
  const words = factWords(e, new Map());
  const exact = k.when.precision === 'day' && k.when.certainty === 'explicit';
  const description = [
    e.summary,
    exact ? undefined : `Date: ${words.when}.`,
    words.statusWords ? `Status: ${words.statusWords}.` : undefined,
    words.attributions.length > 0 ? `Attribution: ${words.attributions.join('; ')}.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    '@type': 'Event',
    '@id': `urn:uuid:${e.id}`,
    identifier: e.id,
    name: e.title,
    ...schemaOrgDates(k.when),
    ...(description ? { description } : {}),
    eventStatus: `https://schema.org/${EVENT_STATUS[k.status]}`,
    ...(e.location
      ? {
          location: {
            '@type': 'Place',
            name: e.location.name,
            ...(e.location.country ? { address: { '@type': 'PostalAddress', addressCountry: e.location.country } } : {}),
          },
        }
      : {}),
    ...(e.participants.length > 0 ? { attendee: e.participants.map(attendee) } : {}),
  };
}

/** schema.org's EventStatusType has no "happened" or "did not happen": a held event is as scheduled, one that was not held is cancelled. */
const EVENT_STATUS: Record<FactStatus, string> = {
  happened: 'EventScheduled',
  expected: 'EventScheduled',
  cancelled: 'EventCancelled',
  postponed: 'EventPostponed',
  'did-not-happen': 'EventCancelled',
};

function schemaOrgDates(d: FactDate): { startDate?: string; endDate?: string } {
  switch (d.precision) {
    case 'day':
      return { startDate: d.at ?? d.on };
    case 'month':
    case 'year':
      return { startDate: d.on };
    case 'period':
      return { startDate: d.from, endDate: d.until };
    case 'bounded':
      return { ...(d.onOrAfter ? { startDate: d.onOrAfter } : {}), ...(d.onOrBefore ? { endDate: d.onOrBefore } : {}) };
  }
}

/** Groups read as organizations, individuals as persons: the event data does not say which. */
const GROUP_WORDS =
  /\b(delegation|delegations|delegates|representatives|officials|allies|advisors|advisers|government|ministry|office|council|forces|team)\b/i;

function attendee(p: Participant): Record<string, unknown> {
  const organization = GROUP_WORDS.test(p.name) || !/\s/.test(p.name.trim());
  return {
    '@type': organization ? 'Organization' : 'Person',
    name: p.name,
    ...(p.role ? { description: p.role } : {}),
    ...(p.country
      ? organization
        ? { address: { '@type': 'PostalAddress', addressCountry: p.country } }
        : { nationality: { '@type': 'Country', name: p.country } }
      : {}),
  };
}

/**
 * A story as a schema.org NewsArticle, with its correction revisions as CorrectionComments. Its
 * dates are the newsroom's (editorial time), as on the story page.
 */
export function storyJsonLd(
  current: StoryRevisionView & { firstPublishedAt: string },
  revisions: readonly StoryRevisionView[],
  url: string,
): Record<string, unknown> {
  const corrections = revisions.filter((r) => r.kind === 'correction');
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    identifier: current.id,
    headline: current.headline,
    datePublished: current.firstPublishedAt,
    dateModified: current.publishedAt,
    ...(current.byline ? { author: { '@type': 'Person', name: current.byline } } : {}),
    ...(current.tags.length > 0 ? { keywords: current.tags } : {}),
    ...(current.editorsNote ? { backstory: current.editorsNote } : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((r) => ({
            '@type': 'CorrectionComment',
            text: r.changeNote ?? `Correction in revision ${r.revision}`,
            datePublished: r.publishedAt,
          })),
        }
      : {}),
  };
}
