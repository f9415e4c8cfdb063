/** What the origin of a request is read from: Fastify's request (protocol and Host, X-Forwarded-* from trusted proxies). */
export interface RequestAddress {
  readonly protocol: string;
  readonly host?: string;
}

/**
 * The service's origin as this request reached it (`https://dateline.example`): an embed snippet
 * and an oEmbed answer name the embed by an absolute URL, and a host page can only reach it
 * there. Behind a proxy, DATELINE_TRUST_PROXY makes X-Forwarded-Proto and -Host count. A Host that
 * is not a host name (or none) falls back to the listener's address, so that no odd header text
 * reaches an answer. Answers that carry it are cached per origin (reading/read-cache.hook.ts).
 */
export function publicOrigin(request: RequestAddress, fallback: { host: string; port: number }): string {
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const host = request.host ?? '';
  if (/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
    try {
      return new URL(`${protocol}://${host}`).origin;
    } catch {
      // Not a valid host after all: the listener's address below.
    }
  }
  return `http://${fallback.host.includes(':') ? `[${fallback.host}]` : fallback.host}:${fallback.port}`;
}
