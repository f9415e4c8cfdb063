import http from 'node:http';

/**
 * `count` open live-update streams (GET /timeline/stream, Server-Sent Events), as that many
 * readers' browsers hold them, and the delivery lag of each write on each of them: from the
 * write's acknowledgement to the first frame with its position as `id` on that stream. A frame
 * that arrives before the acknowledgement counts as no lag (0 ms).
 */
export class LiveStreams {
  /** Per stream, the positions it has seen, and when (ms, performance.now()). */
  private readonly seen: Map<number, number>[] = [];
  private readonly requests: http.ClientRequest[] = [];
  /** Acknowledged writes: their position and when the answer came. */
  private readonly acks = new Map<number, number>();
  private ended = 0;
  private readonly agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

  private constructor(readonly count: number) {}

  /** Opens the streams and resolves once every one has answered 200 and is reading. */
  static async open(port: number, count: number): Promise<LiveStreams> {
    const streams = new LiveStreams(count);
    await Promise.all(Array.from({ length: count }, (_, i) => streams.openOne(port, i)));
    return streams;
  }

  private openOne(port: number, index: number): Promise<void> {
    const seen = new Map<number, number>();
    this.seen[index] = seen;
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/timeline/stream', headers: { accept: 'text/event-stream' }, agent: this.agent },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return reject(new Error(`GET /timeline/stream answered ${res.statusCode}`));
          }
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            const now = performance.now();
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              // Only the id matters here: the log position the frame belongs to.
              const id = /^id: (\d+)$/m.exec(frame);
              if (id && !seen.has(Number(id[1]))) seen.set(Number(id[1]), now);
            }
          });
          res.on('close', () => this.ended++);
          resolve();
        },
      );
      req.on('error', reject);
      this.requests.push(req);
    });
  }

  /** A write was acknowledged with this position now. */
  acknowledged(position: number, at = performance.now()): void {
    this.acks.set(position, at);
  }

  /** Resolves once every stream has seen every acknowledged write, or after `timeoutMs`. */
  async delivered(timeoutMs: number): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      if (this.missing() === 0) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.missing() === 0;
  }

  /** (stream, write) pairs not delivered yet. */
  missing(): number {
    let n = 0;
    for (const seen of this.seen) for (const position of this.acks.keys()) if (!seen.has(position)) n++;
    return n;
  }

  /** Every delivery's lag in ms, over all streams and writes; deliveries that never came are counted apart. */
  lags(): { ms: number[]; undelivered: number; streamsEnded: number } {
    const ms: number[] = [];
    let undelivered = 0;
    for (const seen of this.seen) {
      for (const [position, ack] of this.acks) {
        const at = seen.get(position);
        if (at === undefined) undelivered++;
        else ms.push(Math.max(0, at - ack));
      }
    }
    return { ms, undelivered, streamsEnded: this.ended };
  }

  close(): void {
    for (const req of this.requests) req.destroy();
    this.agent.destroy();
  }
}
