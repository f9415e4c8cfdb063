import type { FastifyRequest } from 'fastify';
import { prefersHtml } from '../reader-page/content-negotiation';

/**
 * The public reads whose answers depend only on the URL, the read models' position and, for
 * `/stories/:id`, whether the client wants HTML: what a cache in front (docs/deploy.md) and the
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
]);

/** The route that answers JSON or HTML by the Accept header. */
export const NEGOTIATED_ROUTE = '/stories/:id';

/** Which kind of answer the request gets besides its URL: `html` or `json` on the negotiated route, '' elsewhere. */
export function answerVariant(request: FastifyRequest): string {
  if (request.routeOptions.url !== NEGOTIATED_ROUTE) return '';
  const accept = request.headers.accept;
  return prefersHtml(Array.isArray(accept) ? accept.join(',') : accept) ? 'html' : 'json';
}
