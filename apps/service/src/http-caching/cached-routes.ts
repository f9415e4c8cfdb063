import type { FastifyRequest } from 'fastify';
import { FEED_ROUTES } from '../feeds/feed-routes';
import { prefersHtml } from '../reader-page/content-negotiation';

/**
 * The public reads whose answers depend only on the URL, the read models' position and, for
 * `/stories/:id`, its timeline and `/search`, whether the client wants HTML: what a cache in
 * front (docs/deploy.md) and the in-process read cache (ADR 0006) may keep. Not here: the live
 * stream, health, metrics, admin routes and the desk (`no-store`). (The absolute links of the
 * feeds, the embed and oEmbed come from configuration, DATELINE_PUBLIC_URL, never from the
 * request: docs/embeds.md.)
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
  '/search',
  ...FEED_ROUTES,
  '/stories/:id/timeline',
  '/embed/stories/:id',
  '/oembed',
]);

/** The routes that answer JSON or HTML by the Accept header. */
export const NEGOTIATED_ROUTES: ReadonlySet<string> = new Set(['/stories/:id', '/stories/:id/timeline', '/search']);

/**
 * What the answer depends on besides its URL and the position: `html` or `json` on a
 * negotiated route, '' elsewhere. Part of the read cache's key and of
 * the ETag.
 */
export function answerVariant(request: FastifyRequest): string {
  const route = request.routeOptions.url ?? '';
  if (!NEGOTIATED_ROUTES.has(route)) return '';
  const accept = request.headers.accept;
  return prefersHtml(Array.isArray(accept) ? accept.join(',') : accept) ? 'html' : 'json';
}
