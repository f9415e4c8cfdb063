import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFormPost } from '../http/form-posts';
import { authenticate } from './bearer-token';
import { Principal, TokenRegistry } from './token-registry';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write route needs a token: a write without a known one is answered 401 as soon as its
 * headers are in, before its body is read (issue 13: Nest's guards run only after the body has
 * been received, so anyone could hold a connection by sending a large body slowly). The role
 * (403) is still checked by BearerAuthGuard, which finds the principal set here. Unknown routes
 * are left to the 404.
 *
 * A preParsing hook: it runs before the body is read, like onRequest, but after every onRequest
 * hook, so the 401 still carries the request id, the security headers and CORS (whose plugin
 * adds its onRequest hook after ours would be).
 */
export function authenticateWrites(tokens: TokenRegistry) {
  return (request: FastifyRequest & { principal?: Principal }, reply: FastifyReply, _payload: unknown, done: () => void): void => {
    // The editor desk's form posts (http/form-posts.ts) are authenticated by its session and CSRF token instead.
    if (!WRITES.has(request.method) || request.routeOptions.url === undefined || isFormPost(request)) return done();
    const who = authenticate(request.headers.authorization, tokens);
    if ('problem' in who) {
      // The body will not be read: the connection is not reused for another request.
      reply.header('Connection', 'close').code(401).send({ statusCode: 401, error: 'Unauthorized', message: who.problem });
      return;
    }
    request.principal = who.principal;
    done();
  };
}
