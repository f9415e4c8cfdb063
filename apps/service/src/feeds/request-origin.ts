/** A host as a URL may name it: a DNS name or an IPv4 address, or an IPv6 address in brackets, with an optional port. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the client reached this service at (`https://news.example`), for the absolute
 * URLs feeds carry: the Host header, and the protocol Fastify gives (X-Forwarded-Proto from a
 * proxy DATELINE_TRUST_PROXY trusts). Undefined when the Host is not a host name (then the feeds
 * carry paths alone, resolved against the feed's own URL). Answers that name the origin are
 * cached per origin (reading/read-cache.hook.ts), so one client's Host never reaches another.
 */
export function requestOrigin(request: { readonly protocol: string; readonly host: string | undefined }): string | undefined {
  const host = request.host;
  if (!host || !HOST.test(host)) return undefined;
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host.toLowerCase()}`;
}
