import { escapeHtml } from '../reader-page/html';
import type { FeedItem } from './feed-items';

/** A feed as both formats write it: what it is, where it lives, and a page of its items, newest first. */
export interface FeedDocument {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The newest change's recorded time; the epoch for an empty feed (Atom requires one). */
  readonly updated: string;
  /** This feed's path, in its own format (Atom's rel="self", JSON Feed's feed_url), without paging. */
  readonly selfPath: string;
  /** The page the feed follows (the reader page, a story's page). */
  readonly homePath: string;
  /** The next (older) page, in the same format, when there is one. */
  readonly nextPath?: string;
  readonly items: readonly FeedItem[];
}

/** Dateline's name as the author of its feeds: the changes are the newsroom's, not one editor's. */
export const FEED_AUTHOR = 'Dateline';

/** An absolute URL on this service, or the path alone when the request named no usable origin. */
export type Absolute = (path: string) => string;

/** `Absolute` for an origin (`https://news.example`), or for none. */
export function absoluteFor(origin: string | undefined): Absolute {
  return (path) => (origin ? `${origin}${path}` : path);
}

/** An item's text as HTML: its paragraphs, escaped. */
export function itemHtml(item: FeedItem): string {
  return item.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

export function itemText(item: FeedItem): string {
  return item.paragraphs.join('\n\n');
}
