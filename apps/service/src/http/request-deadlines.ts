import type { Socket } from 'node:net';
import type { Settings } from '../config/settings';

/**
 * Deadlines on receiving requests (issue 13, part 5): without them an idle half-sent body, or
 * one trickled a byte at a time, held a connection for minutes, with no token needed.
 *
 * Node enforces them (http.Server requestTimeout and headersTimeout: on *receiving* a request,
 * so a long answer such as the live stream is never cut; test/e2e/request-deadlines checks it).
 * It looks for expired requests every `connectionsCheckingInterval` (30 s by default), which
 * would let a 1 s deadline run 30 s: the interval is kept to a fraction of the shortest deadline.
 */
export function requestDeadlines(settings: Settings) {
  const shortest = Math.min(settings.headersTimeoutMs, settings.requestTimeoutMs);
  return {
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    http: {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(shortest / 4))),
    },
    clientErrorHandler: (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, settings),
  };
}

/**
 * Errors Node raises before a request reaches Fastify (a deadline passed, headers too large,
 * unparsable HTTP), answered in the service's error shape with a message that names the limit.
 * Fastify's default handler says only "Client Timeout".
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket, settings: Settings): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, error, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [
          408,
          'Request Timeout',
          `the request did not arrive in time: headers within ${settings.headersTimeoutMs} ms (DATELINE_HEADERS_TIMEOUT_MS), the whole request within ${settings.requestTimeoutMs} ms (DATELINE_REQUEST_TIMEOUT_MS)`,
        ]
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
        : [400, 'Bad Request', 'the request is not valid HTTP'];
  if (socket.writable) {
    const body = JSON.stringify({ statusCode: status, error, message });
    socket.write(
      `HTTP/1.1 ${status} ${error}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
