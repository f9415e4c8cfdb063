import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CommandRejected, InvalidInput, parseStream, SlugTaken, StaleVersion, staleRevisionMessage } from '@dateline/domain';
import { StoreUnavailable, WrongExpectedVersion } from '@dateline/event-store';
import { errorKind, HTTP_STATUS_OF_KIND } from '../errors/error-kinds';

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string): Reply;
  send(body: unknown): unknown;
}

/**
 * Retry-After of a 503 (a store or dependency down), seconds: the shortest the header can say;
 * a client that retries sooner only finds it down again, one that waits longer loses time.
 */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/**
 * One place that turns every failure into the status of docs/architecture.md section 3, in Nest's shape
 * `{ statusCode, error, message }`. Only a bug of ours is a 500, and it is logged.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const [status, body] = this.describe(err);
    if (status === 503) reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    reply.status(status).send({ statusCode: status, error: ERROR_NAMES[status] ?? 'Error', ...body });
  }

  protected describe(err: unknown): [number, Record<string, unknown>] {
    if (err instanceof HttpException) {
      const res = err.getResponse();
      if (typeof res !== 'object' || res === null) return [err.getStatus(), { message: res }];
      // Health checks answer 503 with their whole report: keep it, it says what is down.
      if (!('message' in res)) return [err.getStatus(), { ...res, message: err.message }];
      return [err.getStatus(), { message: res.message }];
    }
    const kind = errorKind(err);
    if (kind) {
      // The client hears only that it may retry; the cause (host, driver) is for the operator.
      if (kind === 'unavailable') this.logger.warn((err as Error).message);
      return [HTTP_STATUS_OF_KIND[kind], details(err as Error)];
    }
    // Errors Fastify raises while reading the request (body too large, malformed JSON, ...).
    const fastify = err as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return [fastify.statusCode, { message: fastify.message ?? 'bad request' }];
    }
    this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return [500, { message: 'internal error' }];
  }
}

/** What an answer of a known kind says besides its status: the message, and the fields a client acts on. */
function details(err: Error): Record<string, unknown> {
  if (err instanceof InvalidInput) return { message: err.problems };
  // A story's versions are its revisions: say `currentRevision` (and `currentVersion`, which clients had before).
  if (err instanceof StaleVersion && err.aggregate === 'story')
    return { message: err.message, currentRevision: err.currentVersion, currentVersion: err.currentVersion };
  if (err instanceof StaleVersion || err instanceof CommandRejected) return { message: err.message, currentVersion: err.currentVersion };
  if (err instanceof WrongExpectedVersion) {
    // Lost a race after deciding: the version decided on was the client's expectedRevision.
    if (parseStream(err.stream)?.category === 'story' && typeof err.expected === 'number') {
      return {
        message: staleRevisionMessage(err.expected, err.currentVersion),
        currentRevision: err.currentVersion,
        currentVersion: err.currentVersion,
      };
    }
    return { message: err.message, currentVersion: err.currentVersion };
  }
  if (err instanceof SlugTaken) return { message: err.message, slug: err.slug, storyId: err.storyId };
  if (err instanceof StoreUnavailable) return { message: 'the event store is unavailable; retry shortly' };
  return { message: err.message };
}
