/**
 * A change as a stream sends it: its log position and its whole SSE frame, encoded once as
 * UTF-8 for every stream (a string written to each of 500 streams was measured and encoded
 * again for each one).
 */
export interface ChangeFrame {
  readonly position: number;
  readonly frame: Buffer;
}

/** How many spans' frames are kept after their query finished, for streams that ask a little later. */
const SPANS_KEPT = 8;

/**
 * One query and one rendering per span of changes, shared by every live stream that asks for
 * it: streams that are caught up all ask for the changes after the same position up to the same
 * one when the projector commits.
 *
 * Why: each stream used to query the read models itself, so 500 open streams made 500 identical
 * queries per commit; under breaking news (5 writes/s) those filled the connection pool and
 * every read and write queued behind them (docs/benchmarks.md, "breaking news").
 */
export class SharedChangeFrames<C extends { readonly position: number }> {
  private readonly spans = new Map<string, Promise<readonly ChangeFrame[]>>();

  constructor(
    private readonly query: (after: number, upTo: number, limit: number) => Promise<readonly C[]>,
    private readonly render: (change: C) => string,
  ) {}

  /** The changes after `after`, up to `upTo`, at most `limit`, in log order. */
  get(after: number, upTo: number, limit: number): Promise<readonly ChangeFrame[]> {
    const key = `${after}:${upTo}:${limit}`;
    const known = this.spans.get(key);
    if (known) return known;
    const span = this.query(after, upTo, limit).then((changes) =>
      changes.map((c) => ({ position: c.position, frame: Buffer.from(this.render(c)) })),
    );
    this.spans.set(key, span);
    // A failed query is not kept: the next stream to ask tries again.
    span.catch(() => this.spans.delete(key));
    while (this.spans.size > SPANS_KEPT) this.spans.delete(this.spans.keys().next().value as string);
    return span;
  }
}
