import { absoluteFor, FEED_AUTHOR, FeedDocument, itemHtml, itemText } from './feed-document';

export const JSON_FEED_MEDIA_TYPE = 'application/feed+json';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * The feed as JSON Feed 1.1: version, title, the feed's and its page's URLs, and per item its
 * id, URL, title, text (HTML and plain), summary, dates and a tag naming the kind of change.
 * `_dateline` (an extension, as the spec lets publishers add under a leading underscore) says
 * what changed in terms of the API: the fact or story, its version, the change's log position.
 */
export function jsonFeed(doc: FeedDocument, origin: string | undefined): string {
  const url = absoluteFor(origin);
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: url(doc.homePath),
    feed_url: url(doc.selfPath),
    description: doc.description,
    ...(doc.nextPath ? { next_url: url(doc.nextPath) } : {}),
    language: 'en',
    authors: [{ name: FEED_AUTHOR }],
    items: doc.items.map((item) => ({
      id: item.id,
      url: url(item.link.path),
      title: item.title,
      content_html: itemHtml(item),
      content_text: itemText(item),
      summary: item.paragraphs[0],
      date_published: item.published,
      date_modified: item.updated,
      tags: [item.kind],
      _dateline: {
        about: url('/docs'),
        change: item.kind,
        subject: item.subject.type,
        id: item.subject.id,
        version: item.subject.version,
        position: item.position,
        ...(item.note !== undefined ? { note: item.note } : {}),
      },
    })),
  });
}
