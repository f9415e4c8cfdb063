import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Security headers (helmet) and CORS. The CSP allows only our own origin; inline styles are
 * allowed for the server-rendered page, inline scripts are not. CORS is off unless origins are
 * configured: browsers of other sites may then read, and write with a token.
 */
export async function hardenHttp(app: NestFastifyApplication, corsOrigins: readonly string[]): Promise<void> {
  // helmet itself, built once. @fastify/helmet 13 calls helmet(options) again on every request,
  // parsing the CSP directives each time: 4% of a timeline read's CPU in the profile.
  const setSecurityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // The same headers on every answer (no nonce, nothing read from the request): asked of helmet
  // once, and set from that list. Its middleware chain on every request, each header checked
  // again by Node, was a few percent of a cached read (docs/benchmarks.md).
  const headers = securityHeaders(setSecurityHeaders);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: corsOrigins.includes('*') ? true : [...corsOrigins],
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'If-None-Match'],
      exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'X-Dateline-Caught-Up', 'Retry-After', 'ETag', 'Link'],
      maxAge: 600,
    });
  }
}

/** The headers a helmet middleware sets, as it sets them on a response that records them. */
export function securityHeaders(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  let failed: unknown;
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name],
  };
  middleware({} as never, response as never, (err?: unknown) => (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error('helmet could not set its headers');
  return headers;
}
