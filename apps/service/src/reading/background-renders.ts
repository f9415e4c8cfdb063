import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The request header that marks a background render; its value names the render, with a secret of this process. */
const HEADER = 'x-dateline-background-render';

/**
 * Request headers a background render does not take from the reader it renders for: the
 * reader's validators (the render must produce the whole answer), credentials (public reads
 * need none), the reader's connection, and the reader's request id (the render is a request of
 * its own, with its own id in the log).
 */
const NOT_FORWARDED = new Set([
  'if-none-match',
  'if-modified-since',
  'authorization',
  'cookie',
  'connection',
  'keep-alive',
  'content-length',
  'x-request-id',
  HEADER,
]);

/**
 * Renders an answer through the whole request pipeline (fastify.inject of the reader's URL and
 * headers) while the reader who asked for it is given the answer it replaces: the read cache's
 * way of not making one reader per commit wait for a render when the service is busy rendering
 * others (ADR 0006).
 *
 * The render is a request of its own, so it is validated, logged, counted and shed like any
 * other. It is told apart by a header only this process can write: a client sending the header
 * is answered as if it had not.
 */
export class BackgroundRenders<T extends { readonly finish: () => void }> {
  private readonly secret = randomUUID();
  private readonly waiting = new Map<string, T>();
  private next = 0;

  constructor(private readonly fastify: FastifyInstance) {}

  /**
   * Starts a render of `request`'s answer in the background; `work` is what the rendering
   * request claims (claim()), and its `finish` runs when it has been answered, or failed.
   */
  start(request: FastifyRequest, work: T): void {
    const id = String(this.next++);
    this.waiting.set(id, work);
    this.fastify
      .inject({ method: 'GET', url: request.url, headers: { ...forwarded(request.headers), [HEADER]: `${this.secret} ${id}` } })
      .catch(() => undefined)
      .finally(() => {
        this.waiting.delete(id);
        work.finish();
      });
  }

  /** The work a background render was started with, if `request` is that render; once only. */
  claim(request: FastifyRequest): T | undefined {
    const header = request.headers[HEADER];
    if (typeof header !== 'string') return undefined;
    const [secret, id] = header.split(' ');
    if (secret !== this.secret) return undefined;
    const work = this.waiting.get(id);
    this.waiting.delete(id);
    return work;
  }
}

function forwarded(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !NOT_FORWARDED.has(name)) out[name] = value;
  return out;
}
