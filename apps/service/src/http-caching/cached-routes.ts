import type { FastifyRequest } from 'fastify';
import { FEED_ROUTES } from '../feeds/feed-routes';
import { prefersHtml } from '../reader-page/content-negotiation';
import { requestLanguage } from '../reader-page/messages/request-language';

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
 * The routes whose pages speak the message catalogue: their HTML is in the language the request
 * chooses, by `?lang=` or Accept-Language (docs/languages.md). `/` and the embed answer HTML only.
 */
const LANGUAGE_ROUTES: ReadonlySet<string> = new Set(['/', '/stories/:id', '/stories/:id/timeline', '/embed/stories/:id']);

/**
 * What the answer depends on besides its URL and the position: `html` or `json` on a
 * negotiated route, '' elsewhere; on a page that speaks the catalogue, the language it is shown
 * in, which Accept-Language can choose. Part of the read cache's key and of the ETag.
 */
export function answerVariant(request: FastifyRequest): string {
  // Asked by the HTTP caching hook and again by the read cache's: the headers are parsed once.
  const known = variantOf.get(request);
  if (known !== undefined) return known;
  const route = request.routeOptions.url ?? '';
  const html = NEGOTIATED_ROUTES.has(route) ? wantsHtml(request) : LANGUAGE_ROUTES.has(route);
  const kind = NEGOTIATED_ROUTES.has(route) ? (html ? 'html' : 'json') : '';
  const variant = html && LANGUAGE_ROUTES.has(route) ? `html ${requestLanguage(request)}` : kind;
  variantOf.set(request, variant);
  return variant;
}

const variantOf = new WeakMap<FastifyRequest, string>();

/** The request headers an answer of this route varies by, for `Vary`; undefined for none. */
export function answerVary(request: FastifyRequest): string | undefined {
  const route = request.routeOptions.url ?? '';
  const negotiated = NEGOTIATED_ROUTES.has(route);
  const language = LANGUAGE_ROUTES.has(route) && (!negotiated || wantsHtml(request));
  return [...(negotiated ? ['Accept'] : []), ...(language ? ['Accept-Language'] : [])].join(', ') || undefined;
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return prefersHtml(Array.isArray(accept) ? accept.join(',') : accept);
}
