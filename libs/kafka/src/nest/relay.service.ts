import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, measureLag, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, SqlClient } from '@dateline/event-store';
import type { KafkaConfig } from '../kafka-config';
import { Relay, RelayStatus } from '../relay';
import { replayProblems, ReplayRequest, ReplayResult, replayToTopic } from '../replay';

export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayModuleOptions {
  /** Unset: no brokers configured, the relay is off and the log keeps everything for later. */
  readonly kafka?: KafkaConfig;
  /** Run the relay in this process (role `relay`). */
  readonly runRelay: boolean;
}

export type RelayReport =
  | { readonly enabled: false; readonly reason: string }
  | ({
      readonly enabled: true;
      readonly head: number;
      /** Events logged but not yet acknowledged by the broker, counted up to a limit (lagCapped). */
      readonly lagEvents: number;
      readonly lagCapped: boolean;
      /** Age of the oldest unpublished event, in seconds; 0 when caught up. */
      readonly lagSeconds: number;
    } & RelayStatus);


/** The relay inside Nest: started with the app when this process has the relay role and brokers. */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private relay?: Relay;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(RELAY_OPTIONS) private readonly options: RelayModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.kafka || !this.options.runRelay) return;
    this.relay = new Relay(this.store, this.sql, this.options.kafka, {
      log: (level, message) => (level === 'info' ? this.logger.log(message) : level === 'warn' ? this.logger.warn(message) : this.logger.error(message)),
    });
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  /** What health and the admin status show: how far the broker has acknowledged, and the lag. */
  async report(): Promise<RelayReport> {
    if (!this.relay) return { enabled: false, reason: this.options.kafka ? 'this process does not have the relay role' : 'KAFKA_BROKERS is not set' };
    const head = await this.store.headPosition();
    const status = this.relay.status;
    const lag = status.position >= head ? { events: 0, capped: false, seconds: 0 } : await measureLag(this.store, status.position);
    return { enabled: true, head, lagEvents: lag.events, lagCapped: lag.capped, lagSeconds: lag.seconds, ...status };
  }

  /** Problems with a replay request (Kafka not configured, a bad or forbidden topic); empty when it can run. */
  replayProblems(request: ReplayRequest): string[] {
    if (!this.options.kafka) return ['Kafka is not configured: set KAFKA_BROKERS'];
    return replayProblems(request, this.options.kafka);
  }

  /** Republishes a range of the log to another topic (the admin replay route). */
  replay(request: ReplayRequest): Promise<ReplayResult> {
    if (!this.options.kafka) throw new Error('Kafka is not configured');
    return replayToTopic(this.store, this.options.kafka, request);
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.relay ? this.relay.waitFor(position, timeoutMs) : Promise.resolve(false);
  }
}
