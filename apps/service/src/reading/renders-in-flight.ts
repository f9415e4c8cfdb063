/**
 * One render per answer at a time: while a request computes the answer for a URL, the requests
 * for the same URL that arrive meanwhile wait for it and are answered from the read cache.
 *
 * Why: after a write, the first reader of a changed answer misses the cache, and under a
 * breaking-news push dozens of readers ask the same URL during the tens of milliseconds its
 * answer takes; each computing it again multiplies the cost of every write by the readers per
 * render (docs/benchmarks.md, "breaking news").
 */
export class RendersInFlight {
  private readonly renders = new Map<string, Render>();

  /** `maxWaitMs`: a waiter gives up after this long and computes the answer itself. */
  constructor(private readonly maxWaitMs = 1000) {}

  /**
   * Waits for the render of `key` under way at `position` or later, if there is one; true if
   * there was (the caller then looks in the cache again, and computes the answer itself if the
   * render left nothing there: an error, or an answer not kept).
   */
  async waitFor(key: string, position: number): Promise<boolean> {
    const render = this.renders.get(key);
    if (!render || render.position < position) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.maxWaitMs)));
    await Promise.race([render.done, timeout]);
    clearTimeout(timer);
    return true;
  }

  /** Whether a render of `key` at `position` or later is under way. */
  rendering(key: string, position: number): boolean {
    const render = this.renders.get(key);
    return render !== undefined && render.position >= position;
  }

  /** Whether a render of `key` is under way at any position. */
  renderingAny(key: string): boolean {
    return this.renders.has(key);
  }

  /** Notes that the caller computes `key` at `position`; the function returned says it is done (more calls do nothing). */
  start(key: string, position: number): () => void {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const render: Render = {
      position,
      done,
      finish: () => {
        if (this.renders.get(key) === render) this.renders.delete(key);
        finish();
      },
    };
    // A newer render replaces an older one: its waiters still end, by their own timeout at worst.
    const older = this.renders.get(key);
    this.renders.set(key, render);
    older?.finish();
    return render.finish;
  }

  get size(): number {
    return this.renders.size;
  }
}

interface Render {
  readonly position: number;
  readonly done: Promise<void>;
  readonly finish: () => void;
}
