import type { FastifyInstance } from 'fastify';
import { DatelineMetrics } from './dateline-metrics';

/**
 * Counts and times every HTTP answer by its route pattern (`/stories/:id`), never the raw URL,
 * so the number of series stays bounded. Unmatched URLs count as one route.
 */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: DatelineMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}
