import { absoluteFor, FEED_AUTHOR, FeedDocument, itemHtml } from './feed-document';
import { FeedItem } from './feed-items';
import { xmlElement, xmlTextElement } from './xml-text';

export const ATOM_MEDIA_TYPE = 'application/atom+xml';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * The feed as an Atom document (RFC 4287): the feed's id, title, updated, author and links, and
 * per item its id, title, updated, published, category (the kind of change), links, a one-line
 * summary and the text as escaped HTML. Every text and attribute goes through xml-text.ts, so no
 * stored text can make the document ill-formed.
 */
export function atomFeed(doc: FeedDocument, origin: string | undefined): string {
  const url = absoluteFor(origin);
  const head = [
    xmlTextElement('id', doc.id),
    xmlTextElement('title', doc.title, { type: 'text' }),
    xmlTextElement('subtitle', doc.description, { type: 'text' }),
    xmlTextElement('updated', doc.updated),
    xmlElement('author', {}, xmlTextElement('name', FEED_AUTHOR)),
    xmlElement('link', { rel: 'self', type: ATOM_MEDIA_TYPE, href: url(doc.selfPath) }),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: url(doc.homePath) }),
    // RFC 5005's paged feed: the next (older) page.
    ...(doc.nextPath ? [xmlElement('link', { rel: 'next', type: ATOM_MEDIA_TYPE, href: url(doc.nextPath) })] : []),
    xmlTextElement('generator', 'Dateline'),
  ];
  const entries = doc.items.map((item) => atomEntry(item, url));
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement('feed', { xmlns: ATOM_NS, 'xml:lang': 'en' }, [...head, ...entries].join('\n'))}\n`;
}

function atomEntry(item: FeedItem, url: (path: string) => string): string {
  return xmlElement(
    'entry',
    {},
    [
      xmlTextElement('id', item.id),
      xmlTextElement('title', item.title, { type: 'text' }),
      xmlTextElement('updated', item.updated),
      xmlTextElement('published', item.published),
      xmlElement('category', { term: item.kind, label: item.kindLabel }),
      xmlElement('link', { rel: 'alternate', type: item.link.type, href: url(item.link.path) }),
      ...(item.related ? [xmlElement('link', { rel: 'related', type: item.related.type, href: url(item.related.path) })] : []),
      xmlTextElement('summary', item.paragraphs[0], { type: 'text' }),
      xmlTextElement('content', itemHtml(item), { type: 'html' }),
    ].join(''),
  );
}
