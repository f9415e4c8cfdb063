import http from 'node:http';

/** One request of an open-loop run, as the load generator saw it. */
export interface Sent {
  readonly label: string;
  /** ms from the instant it was due (not when it was sent): a late send counts against the run, not the service. */
  readonly ms: number;
  /** When it was due, ms from the start of the run. */
  readonly dueMs: number;
  /** ms the send came after the instant it was due: the load generator's own lag. */
  readonly lateMs: number;
  /** 0: no answer (a connection error, or none within the time allowed). */
  readonly status: number;
  /** Bytes of the answer's body as sent (compressed, when it was). */
  readonly bytes: number;
  /** How the service's read cache answered (X-Dateline-Read-Cache: hit, stale, miss); empty when it did not say. */
  readonly cache: string;
}

/**
 * Keep-alive connections to the service, at most `sockets`: a CDN's or a proxy's pool to the
 * origin. One pool across a warm-up and the run after it keeps the connections the warm-up
 * opened, as such a pool does; the caller destroys it.
 */
export function keepAlivePool(sockets = 256): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets });
}

/** An answer later than this counts as none: an overloaded service must not keep a run going for minutes. */
const ANSWER_TIMEOUT_MS = 10_000;

export interface OpenLoopRequest {
  readonly label: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** GET unless given; a body is sent as it is. */
  readonly method?: string;
  readonly body?: string;
}

/**
 * Sends `rate` requests per second for `seconds`, each at the instant it is due whatever the
 * earlier ones are doing (an open loop: a slow answer does not hold back the next request, as
 * it would with a fixed number of connections), over a keep-alive pool (its own of `sockets`, or
 * `pool`, which the caller keeps open across runs and closes: keepAlivePool). Latency is
 * counted from the instant a request was due, so that a load generator running late shows as
 * lateness instead of flattering the service (coordinated omission). `onAllSent` is called when
 * the last request has been sent, before the answers still due are awaited.
 */
export async function openLoop(
  port: number,
  rate: number,
  seconds: number,
  next: (i: number) => OpenLoopRequest,
  options: { sockets?: number; pool?: http.Agent; onAllSent?: () => void } = {},
): Promise<{ sent: Sent[]; connections: number }> {
  const agent = options.pool ?? keepAlivePool(options.sockets);
  const sent: Sent[] = [];
  /** Connections the requests went over: a run that fell behind once opens many more. */
  const connections = new Set<object>();
  const inFlight = new Set<Promise<void>>();
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const request = (i: number, due: number) => {
    const r = next(i);
    const at = performance.now();
    const done = new Promise<void>((resolve) => {
      let finished = false;
      let bytes = 0;
      let cache = '';
      const finish = (status: number) => {
        if (finished) return;
        finished = true;
        const ms = performance.now() - due;
        sent.push({ label: r.label, dueMs: due - started, ms, lateMs: Math.max(0, at - due), status, bytes, cache });
        resolve();
      };
      const req = http.request({ host: '127.0.0.1', port, path: r.path, method: r.method ?? 'GET', headers: r.headers, agent }, (res) => {
        cache = String(res.headers['x-dateline-read-cache'] ?? '');
        // Counted, not decoded: a reader's browser decompresses on its own CPU, not the service's.
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => finish(res.statusCode ?? 0));
        res.on('error', () => finish(0));
      });
      req.on('error', () => finish(0));
      req.on('socket', (socket) => connections.add(socket));
      // Counted from the instant it was due, as its latency is: a request queued for a socket waits too.
      const timer = setTimeout(
        () => {
          finish(0);
          req.destroy();
        },
        Math.max(0, due + ANSWER_TIMEOUT_MS - performance.now()),
      );
      req.on('close', () => clearTimeout(timer));
      req.end(r.body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  let i = 0;
  await new Promise<void>((resolve) => {
    // A tick every millisecond sends whatever has come due since the last one.
    const timer = setInterval(() => {
      const now = performance.now();
      while (i < total) {
        const due = started + (i * 1000) / rate;
        if (due > now) break;
        request(i++, due);
      }
      if (i >= total) {
        clearInterval(timer);
        options.onAllSent?.();
        resolve();
      }
    }, 1);
  });
  await Promise.all(inFlight);
  if (!options.pool) agent.destroy();
  return { sent, connections: connections.size };
}
