import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerVariant, answerVary, CACHED_ROUTES } from './cached-routes';
import { cachePolicy, CachePolicySettings } from './cache-policy';
import { gzipEtag, varyWith } from './content-coding';
import { EtagsAtPosition, heldTag, strongEtag } from './etag';

export interface HttpCachingOptions {
  readonly settings: CachePolicySettings;
  /** The read models' position as this process knows it, without a query when it can (ReadModelPositions.known). */
  readonly position: () => Promise<number>;
  /** The read position's time (ms), when this process knows it. */
  readonly positionTime: () => number | undefined;
  /** What else the answers depend on: the read models' table versions, so that an upgrade that changes them changes every tag. */
  readonly salt: string;
}

interface Validators {
  readonly etag: string;
  readonly cacheControl: string;
}

const validatorsOf = new WeakMap<FastifyRequest, Validators>();

/**
 * Strong ETags, 304s and Cache-Control for public reads, in Fastify's hooks before Nest's
 * pipeline and the read cache: an `If-None-Match` naming the current tag is answered 304 from
 * the position this process already knows, without a query. The tag comes from the position,
 * the URL and the kind of answer, so it changes whenever the read models move, and an answer
 * can only be newer than its tag's position, never older (ADR 0006's argument). A page after
 * the first is pinned to its cursor's position: its tag is its URL's alone.
 */
export function registerHttpCaching(fastify: FastifyInstance, o: HttpCachingOptions): void {
  const current = new EtagsAtPosition();
  const cacheControl = cachePolicy(o.settings);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const variant = answerVariant(request);
    const pinned = typeof query.cursor === 'string';
    const validators = {
      // A page pinned by its cursor: its tag is its URL's alone, at any position.
      etag: pinned
        ? strongEtag([o.salt, 'pinned', request.url, variant])
        : current.tag(o.salt, String(await o.position()), [request.url, variant]),
      cacheControl: cacheControl(query, o.positionTime()),
    };
    validatorsOf.set(request, validators);
    // The tag a cache holds may be of the plain bytes or of the gzip ones: either is still current.
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch === undefined) return;
    const held = heldTag(ifNoneMatch, [validators.etag, gzipEtag(validators.etag)]);
    if (!held) return;
    reply
      .code(304)
      .header('ETag', held)
      .header('Cache-Control', validators.cacheControl)
      .header('Vary', varyWith(answerVary(request), 'Accept-Encoding'));
    return reply.send();
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const validators = validatorsOf.get(request);
    // A stale answer (the read cache's, while its replacement renders) keeps its own tag: the
    // current position's would let a client revalidate content it does not have into a 304.
    if (!validators || reply.statusCode === 304 || reply.getHeader('X-Dateline-Read-Cache') === 'stale') return payload;
    if (reply.statusCode === 200) {
      // Kept answers go out gzip-compressed to the readers that take it (the read cache): other bytes, another tag.
      const gzip = reply.getHeader('Content-Encoding') === 'gzip';
      reply
        .header('ETag', gzip ? gzipEtag(validators.etag) : validators.etag)
        .header('Cache-Control', validators.cacheControl)
        .header('Vary', varyWith(reply.getHeader('Vary'), 'Accept-Encoding'));
    } else {
      // An error (an unknown id, a bad parameter) may be an answer tomorrow: not kept.
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
