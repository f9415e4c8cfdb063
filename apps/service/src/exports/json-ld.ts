import { describeWhen, DiplomaticEventEntry, Participant } from '@dateline/domain';
import type { StoryRevisionView } from '@dateline/projections';

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
 * A diplomatic event as a schema.org Event. A span (the date is only known to lie within it)
 * becomes startDate/endDate of that window, and the description says so, since schema.org has
 * no way to say "approximate" or "inferred".
 */
export function eventJsonLd(e: DiplomaticEventEntry): Record<string, unknown> {
  const when = describeWhen(e);
  const dates =
    e.datePrecision === 'span' && e.occurredUntil
      ? { startDate: e.occurredOn, endDate: e.occurredUntil }
      : { startDate: e.occurredAt ?? e.occurredOn };
  const description = [e.summary, when.approximate || when.inferred ? `Date: ${when.text}.` : undefined].filter(Boolean).join(' ');
  return {
    '@type': 'Event',
    '@id': `urn:uuid:${e.id}`,
    identifier: e.id,
    name: e.title,
    ...dates,
    ...(description ? { description } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
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

/** A story as a schema.org NewsArticle, with its correction revisions as CorrectionComments. */
export function storyJsonLd(
  current: StoryRevisionView & { createdAt: string },
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
    datePublished: current.createdAt,
    dateModified: current.recordedAt,
    ...(current.byline ? { author: { '@type': 'Person', name: current.byline } } : {}),
    ...(current.tags.length > 0 ? { keywords: current.tags } : {}),
    ...(current.editorsNote ? { backstory: current.editorsNote } : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((r) => ({
            '@type': 'CorrectionComment',
            text: r.changeNote ?? `Correction in revision ${r.revision}`,
            datePublished: r.recordedAt,
          })),
        }
      : {}),
  };
}
