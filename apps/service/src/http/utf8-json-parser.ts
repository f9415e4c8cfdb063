import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The JSON body parser, refusing bytes that are not UTF-8 with a 400 that says so. Fastify's
 * own parser decodes them leniently, and a body in ISO-8859-1 was stored with U+FFFD in place
 * of every accented letter, with a 201. Everything else (prototype poisoning, empty bodies,
 * syntax errors) is Fastify's default JSON parser with the instance's own settings.
 */
export function utf8JsonParser(fastify: FastifyInstance): (req: FastifyRequest, body: Buffer, done: Done) => void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const json = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  return (req, body, done) => {
    if (!isUtf8(body)) {
      done(Object.assign(new Error('the body is not valid UTF-8: send JSON encoded as UTF-8'), { statusCode: 400 }));
      return;
    }
    // secure-json-parse takes the Buffer as it is (and drops a BOM), like Nest's default parser does.
    // The default parser answers through `done`; `void` because its type also allows the promise form.
    void json(req, body as unknown as string, done);
  };
}
