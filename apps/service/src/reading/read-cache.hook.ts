import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prefersHtml } from '../reader-page/content-negotiation';
import { ReadCache } from './read-cache';

/**
 * The public reads whose answers depend only on the URL and the read models' position (and, for
 * `/search`, whether the client wants HTML: see cacheKey). Not here: anything behind a token,
 * the live stream, health, metrics, and the story routes that answer HTML or JSON by the Accept
 * header.
 */
export const CACHED_ROUTES: ReadonlySet<string> = new Set(['/', '/timeline', '/timeline/:date', '/timeline/export/timelinejs', '/search']);

/** The cached route that answers JSON or the reader's HTML by the Accept header: its answers are kept apart by kind. */
const NEGOTIATED = '/search';

/** The URL, and for the negotiated route the kind of answer: a browser and an API client asking one URL get different answers. */
function cacheKey(request: FastifyRequest): string {
  if (request.routeOptions.url !== NEGOTIATED) return request.url;
  const accept = request.headers.accept;
  return `${prefersHtml(Array.isArray(accept) ? accept.join(',') : accept) ? 'html' : 'json'} ${request.url}`;
}

/** Headers of the request, not of the answer: never replayed from the cache. */
const PER_REQUEST = new Set(['x-request-id', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Pending {
  readonly key: string;
  readonly position: number;
}

const pendingOf = new WeakMap<FastifyRequest, Pending>();

/**
 * Serves cached answers before Nest's pipeline runs (no guards to pass: these routes are
 * public, and a URL only gets an answer cached after it passed validation once), and caches
 * successful answers on their way out. A read asking `minPosition` is never served from the
 * cache: it asks to wait for the projections, and that wait is part of its answer.
 */
export function registerReadCache(fastify: FastifyInstance, cache: ReadCache, position: () => Promise<number>): void {
  if (!cache.enabled) return;
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return;
    if ((request.query as Record<string, unknown> | undefined)?.minPosition !== undefined) return;
    const at = await position();
    const key = cacheKey(request);
    const hit = cache.get(key, at);
    if (hit) {
      reply.headers(hit.headers).header('X-Dateline-Read-Cache', 'hit');
      return reply.send(hit.body);
    }
    pendingOf.set(request, { key, position: at });
    reply.header('X-Dateline-Read-Cache', 'miss');
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = pendingOf.get(request);
    if (!pending || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    pendingOf.delete(request);
    cache.set(pending.key, pending.position, { body: payload, headers: replayable(reply.getHeaders()) });
    return payload;
  });
}

function replayable(headers: Record<string, string | number | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_REQUEST.has(name.toLowerCase()) || name.toLowerCase() === 'x-dateline-read-cache') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
