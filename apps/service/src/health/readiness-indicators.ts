import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, measureLag, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, SqlClient } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { ProjectorRunner, QuarantineOperations, ReadModelPositions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';

/**
 * What readiness checks, one indicator each, so a failing probe names the part that failed.
 * Only what a request needs fails the probe: the store and the read-model database, and an
 * event a projection quarantined (reads silently miss it: ADR 0008). The
 * projections' and the relay's lag and Kafka's reachability are reported (with `degraded`)
 * but never take an instance out of the load balancer: the log is the outbox, writes must keep
 * working through a Kafka outage, and a stalled projector would otherwise take every instance
 * out at once. Alert on them through /metrics (docs/operations.md).
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly projector: ProjectorRunner,
    private readonly positions: ReadModelPositions,
    private readonly quarantined: QuarantineOperations,
    private readonly relay: RelayService,
  ) {}

  async eventStore() {
    const check = this.health.check('eventStore');
    try {
      return check.up({ head: await this.store.headPosition() });
    } catch (err) {
      return check.down({ error: message(err) });
    }
  }

  async readModels() {
    const check = this.health.check('readModels');
    try {
      await this.sql.query('SELECT 1');
      return check.up({ driver: this.sql.driver });
    } catch (err) {
      return check.down({ error: message(err) });
    }
  }

  /**
   * Projections behind by more than DATELINE_READY_MAX_LAG_SECONDS: reads are stale (degraded).
   * Lag is measured from the read model furthest behind; `positions` has each one's (ADR 0012).
   */
  async projections() {
    const check = this.health.check('projections');
    try {
      const positions = await this.positions.positions();
      const position = Math.min(...positions.values());
      const lag = await measureLag(this.store, position);
      const degraded = lag.seconds > this.settings.readyMaxLagSeconds;
      return check.up({
        role: this.projector.role,
        position,
        positions: Object.fromEntries(positions),
        lagEvents: lag.events,
        lagSeconds: round(lag.seconds),
        maxLagSeconds: this.settings.readyMaxLagSeconds,
        degraded,
      });
    } catch (err) {
      return check.up({ degraded: true, error: message(err) });
    }
  }

  /**
   * Events a projection could not apply and nobody has retried or skipped yet (ADR 0008). They
   * fail readiness: reads miss them and everything after them in their stream, and an operator
   * must decide (docs/operations.md). Names each one's projection, id, position and error.
   */
  async quarantine() {
    const check = this.health.check('quarantine');
    let events;
    try {
      events = await this.quarantined.list('quarantined');
    } catch (err) {
      // The read-model database is down: readModels says so and fails the probe.
      return check.up({ error: message(err) });
    }
    if (events.length === 0) return check.up({ quarantined: 0 });
    const shown = events.slice(0, 20).map((e) => ({
      projection: e.projection,
      eventId: e.eventId,
      position: e.position,
      type: e.type,
      streamId: e.streamId,
      error: e.error,
    }));
    const first = shown[0];
    return check.down({
      reason: `${events.length} event(s) quarantined: projection ${first.projection} could not apply event ${first.eventId} at position ${first.position}: ${first.error}`,
      quarantined: events.length,
      events: shown,
      hint: 'GET /admin/quarantine, then retry or skip each one (docs/operations.md)',
    });
  }

  /** Kafka when configured: disconnected, or behind by more than the limit, is degraded. */
  async kafka() {
    const check = this.health.check('kafka');
    try {
      const report = await this.relay.report();
      if (!report.enabled) return check.up({ relay: report.reason, degraded: false });
      const degraded = !report.connected || report.lagSeconds > this.settings.readyMaxLagSeconds;
      return check.up({
        connected: report.connected,
        position: report.position,
        lagEvents: report.lagEvents,
        lagSeconds: round(report.lagSeconds),
        lastError: report.lastError?.message,
        degraded,
      });
    } catch (err) {
      return check.up({ degraded: true, error: message(err) });
    }
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
