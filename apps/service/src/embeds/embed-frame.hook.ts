import type { FastifyInstance } from 'fastify';
import { EMBED_HOST_SCRIPT_ROUTE, EMBED_ROUTE, embedPageCsp } from './embed-frame-policy';

/**
 * The headers that let other sites load the embed, set before anything answers (so that an
 * answer from the read cache and the page itself both carry them; a 304 carries none of a
 * page's security headers, and the cache revalidating keeps these): the embed page's CSP with
 * its `frame-ancestors`, no `X-Frame-Options` there (helmet's SAMEORIGIN cannot name other sites,
 * and older browsers that honour it over the CSP would refuse every host), and
 * `Cross-Origin-Resource-Policy: cross-origin` on the embed and the host page's script, which
 * helmet's `same-origin` would keep from other sites' pages.
 */
export function registerEmbedFrameHeaders(fastify: FastifyInstance, embedOrigins: readonly string[]): void {
  const csp = embedPageCsp(embedOrigins);
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route === EMBED_ROUTE) {
      reply.removeHeader('X-Frame-Options');
      reply.header('Content-Security-Policy', csp);
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    } else if (route === EMBED_HOST_SCRIPT_ROUTE) {
      reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    done();
  });
}
