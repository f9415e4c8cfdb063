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
  requestId?: string;
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
 * A run's requests carry their own X-Request-Id, which the service logs as `requestId`: lines of
 * the run before (a warm-up's last answers, logged late) are told apart by it. Only the recorded
 * run's lines are parsed: parsing every line would cost this process (the load generator) CPU.
 */
export class AccessLogTimes {
  private recording: { tag: string; method: string; url: string; samples: LoggedRequest[] } | undefined;
  private runs = 0;

  /** `service` must log JSON lines at info on its stdout (DATELINE_LOG_FORMAT=json, DATELINE_LOG_LEVEL=info). */
  constructor(service: ChildProcess) {
    if (!service.stdout) throw new Error('the service was started without a stdout pipe: its access log cannot be read');
    createInterface({ input: service.stdout }).on('line', (line) => this.take(line));
  }

  /**
   * Starts keeping the requests for `method url` (the URL as sent, query included) that carry the
   * returned X-Request-Id: send it with every request of the run.
   */
  record(method: string, url: string): string {
    const tag = `bench-run-${++this.runs}`;
    this.recording = { tag, method, url, samples: [] };
    return tag;
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
    if (!r || !line.includes('"request completed"') || !line.includes(`"${r.tag}"`)) return;
    let parsed: AccessLine;
    try {
      parsed = JSON.parse(line) as AccessLine;
    } catch {
      return; // the first line after the pipe was attached may be a fragment
    }
    if (parsed.requestId !== r.tag || typeof parsed.responseTime !== 'number') return;
    // As logged, so that the caller sees a request that went anywhere else.
    r.samples.push({
      method: parsed.req?.method ?? '',
      url: parsed.req?.url ?? '',
      status: parsed.res?.statusCode ?? 0,
      ms: parsed.responseTime,
    });
  }
}
