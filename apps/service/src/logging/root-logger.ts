import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { DestinationStream, Logger, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';

export interface LoggingOptions {
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly level: string;
  /** Where the JSON lines go; stdout by default (tests pass a stream to read them). */
  readonly stream?: DestinationStream;
  /**
   * Readable lines (pino-pretty) instead of JSON on stdout: for a person at a terminal.
   * Default: when stdout is a terminal. Machines reading a pipe or a file get JSON lines.
   */
  readonly pretty?: boolean;
}

/**
 * One pino logger for the process: Fastify logs every request with it (one JSON object per
 * line, with `requestId`), and Nest's own messages go through it too. A request is logged by
 * the fields requestLogFields names and no others, so bearer tokens and cookies never reach
 * the log. A `headers` object logged by itself has its Authorization redacted.
 */
export function createRootLogger(options: LoggingOptions): Logger {
  // stdout through sonic-boom, asynchronously: lines written while a write is in flight go out
  // together, instead of one blocking write(2) per line (process.stdout on a pipe is
  // synchronous on Linux). pino flushes what is pending when the process exits.
  const readable = options.stream === undefined && (options.pretty ?? process.stdout.isTTY === true);
  const stream = options.stream ?? (readable ? terminalStream() : pino.destination({ dest: 1, sync: false }));
  return pino({ level: options.level, serializers: { req: requestLogFields }, redact: ['headers.authorization'] }, stream);
}

/** What a request may show of itself in the log: Fastify's or a raw IncomingMessage. */
interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly ip?: string;
  readonly socket?: { readonly remoteAddress?: string; readonly remotePort?: number };
}

/**
 * The `req` of every log line: method, URL, host and peer, picked by name. Picking (instead of
 * redacting headers from the whole request, as this logger did) keeps any header out whatever
 * is logged as `req`, and costs less: pino's redaction copied part of every access log line,
 * 6% of a 304's CPU (docs/benchmarks.md, "A leaner 304").
 */
export function requestLogFields(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url,
    host: req.host,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * Plain text for people (main.ts's first screen), written to the log's own destination: after
 * every line logged before it, never in the middle of one. (pino's flush() does not wait for
 * an asynchronous write in flight, so writing to stdout beside it could overtake log lines.)
 */
export function writePlain(logger: Logger, text: string): void {
  const destination = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  destination.write(text);
}

/**
 * pino-pretty's formatter, run in this thread and written synchronously: no transport worker
 * (a thread of its own at every start), and the lines keep their order with what main.ts
 * prints itself. A request is one line: method, URL, status.
 */
function terminalStream(): DestinationStream {
  const format = prettyFactory({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,requestId',
    messageFormat: '{if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} {res.statusCode}{end}',
  });
  // JSON from pino is formatted; plain text (writePlain) goes out as it is.
  return { write: (line: string) => void process.stdout.write(line.startsWith('{') ? format(line) : line) };
}

/** A client's X-Request-Id is kept if it looks like an id; otherwise we make one. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/**
 * Nest's start-up chatter: a line per module and per route (about 45 of the 55 lines of a
 * start). Useful when a route is missing, noise otherwise: kept at debug.
 */
const BOOT_DETAIL_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's LoggerService on the root logger: `context` (the Nest class) becomes a field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string): void {
    if (context !== undefined && BOOT_DETAIL_CONTEXTS.has(context)) this.root.debug({ context }, String(message));
    else this.root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.root.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.root.trace({ context }, String(message));
  }
}
