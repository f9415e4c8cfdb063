import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CACHED_ROUTES } from '../http-caching/cached-routes';

/** What a shed read is told to wait before it asks again, seconds. */
export const SHED_RETRY_AFTER_SECONDS = 1;

export interface LoadSheddingOptions {
  /** Public reads being computed at once at most (not 304s, not kept answers); one more is answered 503 at once. 0: no bound. */
  readonly maxReadsInFlight: number;
  /** Called for each read refused (the metrics' counter). */
  readonly onShed?: () => void;
  /** Called with the number of reads in flight whenever it changes (the metrics' gauge). */
  readonly onInFlight?: (reads: number) => void;
}

/** The requests this bound applies to: the public reads, whose answers a client can ask again. */
function isPublicRead(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && CACHED_ROUTES.has(request.routeOptions.url ?? '');
}

/**
 * Past `maxReadsInFlight` public reads being computed, the next one is refused at once with a
 * 503 and Retry-After, instead of joining the queue. Registered after the HTTP caching and read
 * cache hooks (app.factory.ts): a 304 or a kept answer, fresh or stale, is sent before this hook
 * runs, so only the reads that would run a route's handler count and can be refused.
 *
 * Why: under an open loop of readers (a push of breaking news), a moment when the service falls
 * behind (a burst of renders after a write) leaves a backlog, and answering the backlog late
 * keeps it behind: the breaking-news profile tipped over one run in three, every reader waiting
 * up to the client's timeout (docs/benchmarks.md, "breaking news"). A quick refusal costs
 * little beside a render, so the backlog drains and the reads within the bound stay fast; beside
 * a kept answer it saves nothing, which is why those are never refused. Writes, the
 * live stream, health, metrics, the desk and admin routes are never refused here: the desk must
 * be able to write the news that the readers are waiting for, and an operator must see the
 * service while it sheds.
 */
export function registerLoadShedding(fastify: FastifyInstance, options: LoadSheddingOptions): void {
  if (options.maxReadsInFlight <= 0) return;
  let inFlight = 0;
  const counted = new WeakSet<FastifyRequest>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isPublicRead(request)) return;
    if (inFlight >= options.maxReadsInFlight) {
      options.onShed?.();
      return reply
        .code(503)
        .header('Retry-After', String(SHED_RETRY_AFTER_SECONDS))
        .header('Cache-Control', 'no-store')
        .send({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `too many reads in flight (at most ${options.maxReadsInFlight}, DATELINE_MAX_READS_IN_FLIGHT); retry after the time in Retry-After`,
        });
    }
    options.onInFlight?.(++inFlight);
    counted.add(request);
  });
  // Each counted read leaves once, whether it was answered or its client went away first.
  const leave = async (request: FastifyRequest) => {
    if (counted.delete(request)) options.onInFlight?.(--inFlight);
  };
  fastify.addHook('onResponse', leave);
  fastify.addHook('onRequestAbort', leave);
}
