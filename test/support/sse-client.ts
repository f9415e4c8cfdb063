/** One block of a text/event-stream, as sent (a comment-only block has `comments` and no data). */
export interface SseFrame {
  readonly raw: string;
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: string;
  readonly comments: string[];
}

/**
 * A small Server-Sent Events reader for tests: reads the stream with fetch and parses the frames
 * exactly as sent, so tests can check the framing itself.
 */
export class SseStream {
  readonly frames: SseFrame[] = [];
  private buffer = '';
  private readonly returned = new Set<SseFrame>();
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (!response.body) throw new Error('no body');
    return new SseStream(response, response.body.getReader(), abort);
  }

  /** Reads until a frame (not yet returned by an earlier call) matches; fails after `timeoutMs` without one. */
  async next(match: (f: SseFrame) => boolean, timeoutMs = 15_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => !this.returned.has(f) && match(f));
      if (found) {
        this.returned.add(found);
        return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching SSE frame; got:\n${this.frames.map((f) => f.raw).join('\n')}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([this.reader.read(), new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), left)))]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      if (chunk.done) throw new Error(`stream ended; got:\n${this.frames.map((f) => f.raw).join('\n')}`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const raw = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        this.frames.push(parse(raw));
      }
    }
  }

  close(): void {
    this.abort.abort();
  }
}

function parse(raw: string): SseFrame {
  const fields: Record<string, string[]> = {};
  const comments: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const i = line.indexOf(':');
    const name = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    (fields[name] ??= []).push(value);
  }
  return {
    raw,
    comments,
    ...(fields.id ? { id: fields.id.at(-1) } : {}),
    ...(fields.event ? { event: fields.event.at(-1) } : {}),
    ...(fields.data ? { data: fields.data.join('\n') } : {}),
    ...(fields.retry ? { retry: fields.retry.at(-1) } : {}),
  };
}
