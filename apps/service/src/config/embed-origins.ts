/**
 * DATELINE_EMBED_ORIGINS: the sites whose pages may frame the embed (`/embed/stories/:id`), as
 * the embed page's CSP `frame-ancestors` lists them. Each entry is an origin (`https://news.example`,
 * `http://localhost:8080`), an origin with a leading `*.` wildcard label (`https://*.example.org`:
 * its subdomains), or `*` alone (any site). Anything else stops the start, naming the entry: an
 * entry goes into a response header as it is, so a path, a quote or a `;` must never get there.
 */
export function parseEmbedOrigins(value: string | undefined): readonly string[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.includes('*')) {
    if (entries.length > 1) throw new Error('DATELINE_EMBED_ORIGINS: `*` (any site) stands alone; remove the other entries or the `*`');
    return ['*'];
  }
  return [...new Set(entries.map(embedOrigin))];
}

const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/;

function embedOrigin(entry: string): string {
  const problem = (why: string) =>
    new Error(
      `DATELINE_EMBED_ORIGINS: ${JSON.stringify(entry)} ${why}; expected origins such as https://news.example or https://*.example.org, comma-separated`,
    );
  const text = entry.endsWith('/') ? entry.slice(0, -1) : entry;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('is not an origin');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('is not an http:// or https:// origin');
  if (!HOST.test(url.hostname)) throw problem('names no host that a CSP source can hold (write a non-ASCII name in its xn-- form)');
  // The parsed origin must be the text itself: no path, query, fragment or credentials, lower-case, no default port.
  if (url.origin !== text) throw problem(`is not an origin alone (its origin is ${url.origin})`);
  return url.origin;
}
