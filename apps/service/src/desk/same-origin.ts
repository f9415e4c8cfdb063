import type { FastifyRequest } from 'fastify';

/**
 * A form posted from another site is refused before anything else: its Origin (or, without one,
 * Sec-Fetch-Site) must be this service. The SameSite=Strict cookie already keeps such a post
 * signed out; this says so plainly, and covers browsers that send no SameSite cookie rules.
 */
export function sameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  const site = request.headers['sec-fetch-site'];
  if ((origin !== undefined && origin !== own) || (origin === undefined && site === 'cross-site'))
    throw Object.assign(new Error(`a form posted from another site (${origin ?? 'cross-site'}) is refused: nothing was changed`), {
      statusCode: 403,
    });
}
