import { createHash } from 'node:crypto';

/**
 * Dateline's namespace for name-based UUIDs (RFC 9562, version 5). Made once, at random, and
 * never to change: every feed and item id is derived from it, and readers remember items by id.
 */
const DATELINE_NAMESPACE = Buffer.from('6f1c2e0a9b7d4c1e8a3f5d2b7c9e0a14', 'hex');

/**
 * The id of a feed or a feed item: a `urn:uuid:` URN (an absolute IRI, as Atom's ids must be)
 * derived from a name of what it stands for, such as `diplomatic-event/<id>/version/3`. The name
 * is made of log facts alone (ids and versions), never of a host, a read model's row or the time
 * of a read, so the id is the same in every answer, on every instance and after every rebuild.
 */
export function feedUrn(name: string): string {
  const hash = createHash('sha1').update(DATELINE_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // the RFC's variant
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a feed or an item is named by (the input of feedUrn), one function per kind of thing. */
export const FEED_NAMES = {
  timelineFeed: (): string => 'feed/timeline',
  storyFeed: (storyId: string): string => `feed/story/${storyId.toLowerCase()}`,
  factChange: (eventId: string, version: number): string => `diplomatic-event/${eventId.toLowerCase()}/version/${version}`,
  storyRevision: (storyId: string, revision: number): string => `story/${storyId.toLowerCase()}/revision/${revision}`,
};
