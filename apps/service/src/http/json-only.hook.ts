import { parse as parseContentType } from 'fast-content-type-parse';
import { formContentTypeProblem, isFormPost } from './form-posts';

/** The charset spellings that mean UTF-8 (JSON is UTF-8: RFC 8259 section 8.1). */
const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * Writes take JSON in UTF-8 only: anything else is a 415 before it reaches a route (Fastify
 * would otherwise parse text/plain and leave the validation to explain a string body, and read
 * a body declared `charset=iso-8859-1` as UTF-8, storing U+FFFD for its accented letters).
 * The editor desk's form posts (http/form-posts.ts) take urlencoded forms in UTF-8 instead.
 */
export function jsonOnly(
  request: { method: string; headers: Record<string, string | string[] | undefined>; routeOptions?: { config?: unknown } },
  reply: { code(status: number): { send(body: unknown): unknown } },
  done: () => void,
): void {
  if (request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH') {
    const header = String(request.headers['content-type'] ?? '');
    const problem = isFormPost(request) ? formContentTypeProblem(header) : contentTypeProblem(header);
    if (problem) {
      reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message: problem });
      return;
    }
  }
  done();
}

/** Why a write's Content-Type is refused, or undefined. */
export function contentTypeProblem(header: string): string | undefined {
  if (!/^application\/json\s*(;|$)/i.test(header)) return 'send the body as application/json';
  if (!header.includes(';')) return undefined;
  let charset: string | undefined;
  try {
    charset = parseContentType(header).parameters.charset;
  } catch {
    // The parser's own words name no field the client sent; this 400 message does.
    return `the Content-Type "${header}" is malformed: send application/json (optionally "; charset=utf-8")`;
  }
  if (charset !== undefined && !UTF8.has(charset.toLowerCase()))
    return `charset "${charset}" is not supported: send the body as UTF-8 (application/json; charset=utf-8)`;
  return undefined;
}
