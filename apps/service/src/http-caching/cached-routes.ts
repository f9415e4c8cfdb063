import type { FastifyRequest } from 'fastify';
import { FEED_ROUTES } from '../feeds/feed-routes';
import { prefersHtml } from '../reader-page/content-negotiation';
import { requestLanguage } from '../reader-page/messages/request-language';

/**
 * The public reads whose answers depend only on the URL, the read models' position and, for
 * `/stories/:id`, whether the client wants HTML, and for the feeds, the origin the client
 * reached the service at: what a cache in front (docs/deploy.md) and the
 * in-process read cache (ADR 0006) may keep. Not here: the live stream, health, metrics, admin
 * routes and the desk (`no-store`).
 */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/',
  '/timeline',
  '/timeline/:date',
  '/timeline/export/timelinejs',
  '/stories/:id',
  '/stories/:id/revisions',
  '/stories/:id/revisions/:n',
  '/stories/:id/diff',
  '/diplomatic-events/:id',
  ...FEED_ROUTES,
]);

/** The route that answers JSON or HTML by the Accept header. */
export const NEGOTIATED_ROUTE = '/stories/:id';

/**
 * The routes whose answers name the origin the client reached the service at (the feeds' absolute
 * URLs, feeds/request-origin.ts): kept per origin, so that a request with another Host header
 * never gets, or leaves behind, an answer that links elsewhere.
 */
const ORIGIN_KEYED_ROUTES: ReadonlySet<string> = new Set(FEED_ROUTES);

/** The reader page's own route: HTML only, in the language the request chooses. */
const PAGE_ROUTE = '/';

/**
 * What the answer depends on besides its URL and the position: `html` or `json` on the
 * negotiated route, the origin on the feeds, '' elsewhere; on a page, the language it is shown
 * in, which Accept-Language can choose (docs/languages.md). Part of the read cache's key and of
 * the ETag.
 */
export function answerVariant(request: FastifyRequest): string {
  const route = request.routeOptions.url ?? '';
  if (ORIGIN_KEYED_ROUTES.has(route)) return `${request.protocol}://${request.host}`;
  if (route === PAGE_ROUTE) return `html ${requestLanguage(request)}`;
  if (route !== NEGOTIATED_ROUTE) return '';
  return wantsHtml(request) ? `html ${requestLanguage(request)}` : 'json';
}

/** The request headers an answer of this route varies by, for `Vary`; undefined for none. */
export function answerVary(request: FastifyRequest): string | undefined {
  const route = request.routeOptions.url ?? '';
  if (route === PAGE_ROUTE) return 'Accept-Language';
  if (route !== NEGOTIATED_ROUTE) return undefined;
  return wantsHtml(request) ? 'Accept, Accept-Language' : 'Accept';
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return prefersHtml(Array.isArray(accept) ? accept.join(',') : accept);
}
