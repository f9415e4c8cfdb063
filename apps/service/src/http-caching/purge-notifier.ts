import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CacheKeysQueries, ProjectorRunner } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { DatelineMetrics } from '../metrics/dateline-metrics';
import { SETTINGS } from '../storage/storage.tokens';

/**
 * Tells a CDN which cached answers a projector commit changed (DATELINE_PURGE_URL): after each
 * commit in this process, a POST of `{ "keys": [...], "from": P0, "to": P }`, the Surrogate-Keys
 * of the days, stories and events the events after P0 up to P touched (CacheKeysQueries).
 *
 * Best effort, and never in the projector's way: the commit listener only notes the range; one
 * request at a time runs beside the projector, ranges that commit meanwhile are merged into the
 * next request, a request that takes longer than DATELINE_PURGE_TIMEOUT_MS is given up, and a
 * failure is logged and counted (dateline_purge_requests_total{outcome="failed"}), not retried:
 * the answers' max-age bounds what a lost purge costs.
 */
@Injectable()
export class PurgeNotifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Purge');
  private unsubscribe?: () => void;
  /** Commits not purged yet: positions after `from`, up to `to`. */
  private pending?: { from: number; to: number };
  private running?: Promise<void>;

  constructor(
    private readonly runner: ProjectorRunner,
    private readonly keys: CacheKeysQueries,
    private readonly metrics: DatelineMetrics,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    const url = this.settings.purgeUrl;
    if (!url) return;
    this.unsubscribe = this.runner.onCommitted((position, previous) => {
      if (position <= previous) return;
      this.pending = this.pending
        ? { from: Math.min(this.pending.from, previous), to: Math.max(this.pending.to, position) }
        : { from: previous, to: position };
      this.running ??= this.drain(url).finally(() => (this.running = undefined));
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    // What is in flight ends within its timeout; what is pending is left to the answers' max-age.
    this.pending = undefined;
    await this.running;
  }

  private async drain(url: string): Promise<void> {
    while (this.pending) {
      const { from, to } = this.pending;
      this.pending = undefined;
      try {
        const keys = await this.keys.changedBetween(from, to);
        if (keys.length === 0) continue;
        const answer = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ keys, from, to }),
          signal: AbortSignal.timeout(this.settings.purgeTimeoutMs),
        });
        // The body is not used; reading it frees the connection.
        await answer.arrayBuffer().catch(() => undefined);
        if (!answer.ok) throw new Error(`it answered ${answer.status}`);
        this.metrics.purgeRequests.inc({ outcome: 'sent' });
      } catch (err) {
        this.metrics.purgeRequests.inc({ outcome: 'failed' });
        this.logger.warn(`purge of positions ${from} to ${to} failed: ${describe(err)}`);
      }
    }
  }
}

/** An error and its cause (fetch says only "fetch failed", its cause says why). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message;
}
