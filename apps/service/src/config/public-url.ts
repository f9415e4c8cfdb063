/**
 * DATELINE_PUBLIC_URL: the service's origin as readers and other sites reach it
 * (`https://dateline.example.org`). An embed snippet, an oEmbed answer and the oEmbed discovery
 * links name the service by absolute URLs, and a page framed on another site can only reach it
 * there. Configured, not read from each request's Host header: an answer then depends on no
 * request header, so every cache keys it by its URL alone, and no client can get another host
 * written into an answer that others are served. Unset: the listener's own address, right for a
 * service reached directly (`npm start`: http://127.0.0.1:3000); behind a proxy or CDN, set it.
 */
export function parsePublicUrl(value: string | undefined, listener: { host: string; port: number }): string {
  if (!value) {
    // A wildcard listener is reached at a host of its own: the loopback is the one that surely answers.
    const host =
      listener.host === '0.0.0.0'
        ? '127.0.0.1'
        : listener.host === '::'
          ? '[::1]'
          : listener.host.includes(':')
            ? `[${listener.host}]`
            : listener.host;
    return new URL(`http://${host}:${listener.port}`).origin;
  }
  const problem = (why: string) =>
    new Error(
      `DATELINE_PUBLIC_URL: ${JSON.stringify(value)} ${why}; expected the origin readers reach the service at, such as https://dateline.example.org`,
    );
  const text = value.trim().replace(/\/$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('is not an http:// or https:// URL');
  // The routes sit at the root: a path, query or credentials would be dropped from every link made from it.
  if (url.origin !== text) throw problem(`is not an origin alone (its origin is ${url.origin})`);
  return url.origin;
}
