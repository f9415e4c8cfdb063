import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, measureLag, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, SqlClient } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { ProjectorService } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';

/** What readiness checks, one indicator each, so a failing probe names the part that failed. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly projector: ProjectorService,
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

  /** Projections too far behind make reads stale: the instance should not take traffic. */
  async projections() {
    const check = this.health.check('projections');
    try {
      const position = await this.projector.position();
      const lag = await measureLag(this.store, position);
      const data = { position, lagEvents: lag.events, lagSeconds: round(lag.seconds), maxLagSeconds: this.settings.readyMaxLagSeconds };
      return lag.seconds > this.settings.readyMaxLagSeconds ? check.down(data) : check.up(data);
    } catch (err) {
      return check.down({ error: message(err) });
    }
  }

  /** Kafka when configured: the relay must be connected and not too far behind. */
  async kafka() {
    const check = this.health.check('kafka');
    try {
      const report = await this.relay.report();
      if (!report.enabled) return check.up({ relay: report.reason });
      const data = { connected: report.connected, position: report.position, lagEvents: report.lagEvents, lagSeconds: round(report.lagSeconds), lastError: report.lastError?.message };
      return report.connected && report.lagSeconds <= this.settings.readyMaxLagSeconds ? check.up(data) : check.down(data);
    } catch (err) {
      return check.down({ error: message(err) });
    }
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
