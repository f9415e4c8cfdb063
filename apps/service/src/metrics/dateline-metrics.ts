import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENT_STORE, measureLag } from '@dateline/event-store';
import type { EventStore } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { QuarantineOperations, ReadModelPositions } from '@dateline/projections';
import { RebuildJobs } from '../admin/rebuild-jobs';

export type AppendOutcome = 'ok' | 'conflict' | 'rejected' | 'error';

/**
 * Everything /metrics exposes, in a registry of the app's own (not prom-client's global one,
 * so that two apps in one process, as in the tests, do not share counters). Lags and rebuild
 * progress are computed when Prometheus scrapes, so they are never stale.
 */
@Injectable()
export class DatelineMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'dateline_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'dateline_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'dateline_append_duration_seconds',
    help: 'Load, decide and append of one command, by outcome (ok, conflict, rejected, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly appendConflicts = new Counter({
    name: 'dateline_append_conflicts_total',
    help: 'Writes refused because the stream had moved on (answered 409)',
    registers: [this.registry],
  });

  readonly sseStreamsOpen = new Gauge({
    name: 'dateline_sse_streams_open',
    help: 'Live streams (GET /timeline/stream) open now',
    registers: [this.registry],
  });

  readonly sseSlowStreamsDropped = new Counter({
    name: 'dateline_sse_slow_streams_dropped_total',
    help: 'Live streams closed because their client fell more than DATELINE_SSE_BUFFER_BYTES behind',
    registers: [this.registry],
  });

  readonly sseStreamsRefused = new Counter({
    name: 'dateline_sse_streams_refused_total',
    help: 'Live streams refused (503) because DATELINE_SSE_MAX_STREAMS were open',
    registers: [this.registry],
  });

  readonly readsShed = new Counter({
    name: 'dateline_reads_shed_total',
    help: 'Public reads refused (503) because DATELINE_MAX_READS_IN_FLIGHT were being computed',
    registers: [this.registry],
  });

  readonly readsInFlight = new Gauge({
    name: 'dateline_reads_in_flight',
    help: 'Public reads being computed now, not answered from the read cache or with 304 (bounded by DATELINE_MAX_READS_IN_FLIGHT)',
    registers: [this.registry],
  });

  readonly purgeRequests = new Counter({
    name: 'dateline_purge_requests_total',
    help: 'Purge requests to DATELINE_PURGE_URL after projector commits, by outcome (sent: a 2xx answer; failed: an error, a timeout or another status)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    positions: ReadModelPositions,
    quarantine: QuarantineOperations,
    relay: RelayService,
    rebuilds: RebuildJobs,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'dateline_' });
    const registers = [this.registry];

    // One scrape measures each follower once (the gauges share it); counts stop at a limit.
    const projectionLag = latest(async () => measureLag(store, await positions.position()));
    const relayReport = latest(() => relay.report());
    new Gauge({
      name: 'dateline_projection_lag_events',
      help: 'Events logged but not yet in every read model',
      registers,
      async collect() {
        this.set((await projectionLag()).events);
      },
    });
    new Gauge({
      name: 'dateline_projection_lag_seconds',
      help: 'Age of the oldest event not yet in every read model',
      registers,
      async collect() {
        this.set((await projectionLag()).seconds);
      },
    });
    const relayGauge = (name: string, help: string, pick: (r: { lagEvents: number; lagSeconds: number; connected: boolean }) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const report = await relayReport();
          if (report.enabled) this.set(pick(report));
        },
      });
    relayGauge(
      'dateline_relay_lag_events',
      'Events logged but not yet acknowledged by Kafka (relay on this instance only)',
      (r) => r.lagEvents,
    );
    relayGauge('dateline_relay_lag_seconds', 'Age of the oldest event not yet acknowledged by Kafka', (r) => r.lagSeconds);
    relayGauge('dateline_relay_connected', '1 when the relay has a producer connected to Kafka', (r) => (r.connected ? 1 : 0));
    // From the table, not a counter in memory: it holds across restarts, instances and rebuilds.
    new Gauge({
      name: 'dateline_projection_quarantined_events',
      help: 'Events a projection could not apply (ADR 0008), by projection and status: quarantined (fails readiness) or skipped',
      labelNames: ['projection', 'status'] as const,
      registers,
      async collect() {
        const counts = await quarantine.counts();
        for (const name of positions.names)
          for (const status of ['quarantined', 'skipped'] as const) this.set({ projection: name, status }, 0);
        for (const c of counts) this.set({ projection: c.projection, status: c.status }, c.count);
      },
    });
    new Gauge({
      name: 'dateline_rebuild_events',
      help: 'Progress of the latest rebuild: events processed and total',
      labelNames: ['kind'] as const,
      registers,
      collect() {
        const job = rebuilds.latest();
        this.set({ kind: 'processed' }, job?.progress.processed ?? 0);
        this.set({ kind: 'total' }, job?.progress.total ?? 0);
      },
    });
    new Gauge({
      name: 'dateline_rebuild_running',
      help: '1 while a rebuild runs',
      registers,
      collect() {
        this.set(rebuilds.latest()?.state === 'running' ? 1 : 0);
      },
    });
  }
}

/** How long one store query's result serves the gauges of a scrape, ms: longer than a scrape takes. */
const SCRAPE_REUSE_MS = 1000;

/** Shares one call among the gauges of a scrape: a result is reused for a second. */
function latest<T>(fn: () => Promise<T>, maxAgeMs = SCRAPE_REUSE_MS): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > maxAgeMs) cached = { at: Date.now(), value: fn() };
    return cached.value;
  };
}
