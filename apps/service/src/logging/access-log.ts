import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's request log lines, one per request: "request completed" (or "request errored") at
 * info, with the method, URL, status and time taken, and the request id as `requestId`.
 * Fastify's default adds an "incoming request" line at info for every request, which doubled
 * the logging cost of a cached read; it is kept at debug, for tracing a request that never
 * completes.
 */
export class AccessLog extends LogController {
  /**
   * Completed requests at debug instead of info: set only while the first start writes the
   * sample, before the port opens, when no other request can arrive (first-run/).
   */
  quiet = false;

  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else if (this.quiet) reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
