import { createHash } from 'node:crypto';

/**
 * A strong entity tag (RFC 9110, 8.8.3) for an answer made of these parts: equal parts, equal
 * bytes. The parts are what the answer depends on (the read models' position, the URL, the kind
 * of answer), never the answer itself, so that a 304 needs no query.
 */
export function strongEtag(parts: readonly string[]): string {
  return `"${createHash('sha256').update(parts.join('\n')).digest().subarray(0, 18).toString('base64url')}"`;
}

/**
 * The first of `etags` that If-None-Match names, if any (weak comparison, as RFC 9110 13.1.2
 * asks for GET; `*` names the first).
 * A revalidating cache sends back the one tag it holds: that header is compared as it is, and
 * only a list is split (every 304 asked this, twice, splitting the header each time).
 */
export function heldTag(header: string | string[] | undefined, etags: readonly string[]): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && etags.includes(header)) return header;
  const named = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim());
  if (named.includes('*')) return etags[0];
  return etags.find((etag) => named.some((t) => (t.startsWith('W/') ? t.slice(2) : t) === etag));
}

/**
 * The tags of the answers at one position, kept until the position moves: a revalidating CDN or
 * browser asks the same few URLs again and again, and hashing each request's parts again was
 * the largest share of a 304's own work after the socket write (docs/benchmarks.md). Bounded,
 * so that URLs that are never asked twice cannot grow it.
 */
export class EtagsAtPosition {
  private position: string | undefined;
  private readonly tags = new Map<string, string>();

  constructor(private readonly maxTags = 10_000) {}

  /** The strong tag of `[salt, position, ...rest]`, hashed once per position. */
  tag(salt: string, position: string, rest: readonly string[]): string {
    if (position !== this.position) {
      this.tags.clear();
      this.position = position;
    }
    const key = rest.join('\n');
    let tag = this.tags.get(key);
    if (tag === undefined) {
      tag = strongEtag([salt, position, ...rest]);
      if (this.tags.size >= this.maxTags) this.tags.clear();
      this.tags.set(key, tag);
    }
    return tag;
  }
}
