import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asOfInstant } from '../http-caching/cache-policy';
import { answerVariant, CACHED_ROUTES } from '../http-caching/cached-routes';
import { gzipEtag, takesGzip } from '../http-caching/content-coding';
import { gzipAnswer, worthCompressing } from './answer-compression';
import { CachedAnswer, ReadCache } from './read-cache';
import { BackgroundRenders } from './background-renders';
import { RendersInFlight } from './renders-in-flight';

/** How many renders of the same answer a request waits for before computing it itself. */
const MAX_WAIT_ROUNDS = 3;

/** Headers of the request, not of the answer: never replayed from the cache. */
const PER_REQUEST = new Set(['x-request-id', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Pending {
  readonly key: string;
  readonly position: number;
  readonly asOf?: number;
  /** When its render began: if a write lands meanwhile, its answer is stale since then at the latest. */
  readonly startedAt: number;
  readonly finish: () => void;
}

const pendingOf = new WeakMap<FastifyRequest, Pending>();

/**
 * Serves cached answers before Nest's pipeline runs (no guards to pass: these routes are
 * public, and a URL only gets an answer cached after it passed validation once), and caches
 * successful answers on their way out with the names their Surrogate-Key header gives. A
 * request for an answer another request is computing waits for it (RendersInFlight). A read
 * asking `minPosition` is never served from the cache: it asks to wait for the projections,
 * and that wait is part of its answer.
 */
export function registerReadCache(fastify: FastifyInstance, cache: ReadCache, position: () => Promise<number>): void {
  if (!cache.enabled) return;
  const renders = new RendersInFlight();
  const background = new BackgroundRenders<Pending>(fastify);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return;
    // A render started for a reader who was given the stale answer (below): it renders, whatever the cache holds.
    const claimed = background.claim(request);
    if (claimed) {
      pendingOf.set(request, claimed);
      reply.header('X-Dateline-Read-Cache', 'miss');
      return;
    }
    if ((request.query as Record<string, unknown> | undefined)?.minPosition !== undefined) return;
    const at = await position();
    // One URL answers HTML or JSON (negotiated routes), and a page in the language asked for.
    const key = `${answerVariant(request)} ${request.url}`;
    if (at > cache.at) {
      // The read models moved past the kept answers, and which of them the move changed takes a
      // query (ReadCache.moveTo): milliseconds, longer while the renders and stream frames of the
      // same commit keep the loop and the pool busy. The first reader after a commit asks it and
      // waits, so that a lone reader (an editor checking a write) sees the write at once. Readers
      // who come while it is asked get the answer kept a commit ago as stale, as while a render
      // is under way (ADR 0006); a URL with nothing kept waits.
      const kept = cache.moveUnderWay ? cache.get(key, cache.at) : undefined;
      if (kept) return sendStale(request, reply, kept);
      await cache.moveTo(at);
    }
    let hit = cache.get(key, at);
    for (let round = 0; !hit && round < MAX_WAIT_ROUNDS; round++) {
      // While the answer is being rendered (at any position), the one it replaces, if recent: at
      // once, with its own ETag and position headers, and told not to be reused without
      // revalidation. One render per answer at a time, however often the desk writes.
      const stale = renders.renderingAny(key) ? cache.stale(key) : undefined;
      if (stale) return sendStale(request, reply, stale);
      // No render that will do: this request renders it, below, with no await between this
      // check and renders.start, so the waiters a render wakes do not all render it again.
      if (!renders.rendering(key, at)) break;
      await renders.waitFor(key, at);
      hit = cache.get(key, at);
    }
    if (hit) {
      reply.headers(hit.headers).header('X-Dateline-Read-Cache', 'hit');
      return sendAnswer(request, reply, hit, false);
    }
    const asOf = asOfInstant((request.query ?? {}) as Record<string, unknown>);
    // Rendered at the cache's position, which may be past the one this request read (it waited):
    // the read models are there at least, and an answer for a position already passed is not kept.
    const renderAt = cache.at;
    // Other answers rendering too (the same commit changed them): this reader's render would
    // queue behind theirs. Given the answer it replaces, if there is one, while the render runs
    // in the background. A lone reader, the service otherwise idle, still waits for the answer
    // that shows the write it just made.
    const stale = renders.size > 0 ? cache.stale(key) : undefined;
    const pending: Pending = {
      key,
      position: renderAt,
      startedAt: Date.now(),
      ...(asOf === undefined ? {} : { asOf }),
      finish: renders.start(key, renderAt),
    };
    if (stale) {
      background.start(request, pending);
      return sendStale(request, reply, stale);
    }
    pendingOf.set(request, pending);
    reply.header('X-Dateline-Read-Cache', 'miss');
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = pendingOf.get(request);
    if (!pending) return payload;
    pendingOf.delete(request);
    if (reply.statusCode === 200 && typeof payload === 'string') {
      const headers = replayable(reply.getHeaders());
      const shows = headers['surrogate-key']?.split(' ');
      const body = Buffer.from(payload);
      const key = pending.key;
      // This answer goes out plain; the hits after it get the gzip bytes, waiting for them while they are compressed.
      const gzipping = worthCompressing(body, headers['content-type']) ? gzipAnswer(body) : undefined;
      const scope = { ...(shows ? { shows } : {}), ...(pending.asOf === undefined ? {} : { asOf: pending.asOf }) };
      cache.set(key, pending.position, { body, headers, ...(gzipping ? { gzipping } : {}) }, scope, pending.startedAt);
      void gzipping?.then((gzip) => cache.attachGzip(key, body, gzip));
    }
    pending.finish();
    return payload;
  });
  // An answer that never reached onSend (the client went away, an error before it): its waiters need not wait out their timeout.
  const release = async (request: FastifyRequest) => {
    const pending = pendingOf.get(request);
    pendingOf.delete(request);
    pending?.finish();
  };
  fastify.addHook('onResponse', release);
  fastify.addHook('onRequestAbort', release);
}

/** Sends an answer that may no longer be current: with its own headers (its ETag and position), not to be reused without revalidation. */
function sendStale(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): Promise<FastifyReply> {
  reply.headers(answer.headers).header('Cache-Control', 'no-cache').header('X-Dateline-Read-Cache', 'stale');
  return sendAnswer(request, reply, answer, true);
}

/**
 * Sends a kept answer: its gzip bytes to a request that takes them (waiting for them while they
 * are compressed: a few ms on the thread pool), else its plain bytes. The
 * HTTP caching hook gives gzip bytes their own ETag by their Content-Encoding, but leaves a
 * stale answer's tag alone: a stale answer's gzip tag is set here.
 */
async function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, stale: boolean): Promise<FastifyReply> {
  const takes = (answer.gzip ?? answer.gzipping) !== undefined && takesGzip(request.headers['accept-encoding']);
  const gzip = takes ? (answer.gzip ?? (await answer.gzipping)) : undefined;
  if (gzip) {
    reply.header('Content-Encoding', 'gzip');
    if (stale && answer.headers.etag) reply.header('ETag', gzipEtag(answer.headers.etag));
  }
  return reply.send(gzip ?? answer.body);
}

function replayable(headers: Record<string, string | number | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_REQUEST.has(name.toLowerCase()) || name.toLowerCase() === 'x-dateline-read-cache') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
