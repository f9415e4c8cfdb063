import type { FastifyInstance } from 'fastify';
import { REPLAYED } from '../writing/write-response';

/**
 * Says `Idempotent-Replayed: true` when a write answered an earlier answer again (the body
 * carries the non-enumerable REPLAYED mark, writing/write-response.ts).
 *
 * A Fastify hook on the body before it is serialised, not a Nest interceptor: a global
 * interceptor wraps every route's handler in an rxjs pipeline, which showed in the profile of
 * POST /diplomatic-events under load (issue 19), and without one Nest calls handlers directly.
 * Strings and buffers (pages, stored entries) never reach this hook; only objects do.
 */
export function registerReplayHeader(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (payload !== null && typeof payload === 'object' && (payload as Record<symbol, unknown>)[REPLAYED]) {
      reply.header('Idempotent-Replayed', 'true');
    }
    done(null, payload);
  });
}
