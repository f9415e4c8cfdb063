import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One answered request as the service's access log records it. */
export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Fastify's reply.elapsedTime: from the request reaching Fastify to the answer written, ms. */
  readonly ms: number;
}

/** The fields of a "request completed" line that we read (apps/service/src/logging/access-log.ts). */
interface AccessLine {
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/**
 * The service's own time per request, read from its access log: one JSON line per answered
 * request, with `responseTime`. Unlike a client's latency it leaves out the load generator's
 * own delays and the wait before Fastify reads the request, so it is the server time a goal
 * about pages can be held to; the bench reports the client's latency beside it.
 *
 * Only lines of the request recorded now are parsed: the service logs every request, and parsing
 * all of them would cost this process (the load generator) CPU for nothing.
 */
export class AccessLogTimes {
  private recording: { method: string; url: string; samples: LoggedRequest[] } | undefined;

  /** `service` must log JSON lines at info on its stdout (DATELINE_LOG_FORMAT=json, DATELINE_LOG_LEVEL=info). */
  constructor(service: ChildProcess) {
    if (!service.stdout) throw new Error('the service was started without a stdout pipe: its access log cannot be read');
    createInterface({ input: service.stdout }).on('line', (line) => this.take(line));
  }

  /** Starts keeping the requests for `method url` (the URL as sent, query included). */
  record(method: string, url: string): void {
    this.recording = { method, url, samples: [] };
  }

  /** Stops recording and returns what was kept, once the lines still on their way have arrived. */
  async stop(): Promise<LoggedRequest[]> {
    // pino writes asynchronously (root-logger.ts): the last answers' lines may follow them by a few ms.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const samples = this.recording?.samples ?? [];
    this.recording = undefined;
    return samples;
  }

  private take(line: string): void {
    const r = this.recording;
    if (!r || !line.includes('"request completed"') || !line.includes(r.url)) return;
    let parsed: AccessLine;
    try {
      parsed = JSON.parse(line) as AccessLine;
    } catch {
      return; // the first line after the pipe was attached may be a fragment
    }
    if (parsed.req?.method !== r.method || parsed.req.url !== r.url || typeof parsed.responseTime !== 'number') return;
    r.samples.push({ method: r.method, url: r.url, status: parsed.res?.statusCode ?? 0, ms: parsed.responseTime });
  }
}
