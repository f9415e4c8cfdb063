import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, LeaderRole, measureLag, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, RoleState, SqlClient } from '@dateline/event-store';
import type { KafkaConfig } from '../kafka-config';
import { Relay, RelayStatus } from '../relay';
import { replayProblems, ReplayRequest, ReplayResult, replayToTopic } from '../replay';

export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayModuleOptions {
  /** Unset: no brokers configured, the relay is off and the log keeps everything for later. */
  readonly kafka?: KafkaConfig;
  /** Run the relay in this process (role `relay`) when it holds the lease. */
  readonly runRelay: boolean;
  /** How often a standby instance tries to take over, ms. */
  readonly leaderRetryMs?: number;
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
  private leader?: LeaderRole<Relay>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(RELAY_OPTIONS) private readonly options: RelayModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = this.options.kafka;
    if (!kafka || !this.options.runRelay) return;
    // Two relays at once would be safe (the tail check) but wasteful: one instance relays.
    const leader: LeaderRole<Relay> = new LeaderRole(this.sql, 'relay', {
      retryMs: this.options.leaderRetryMs,
      log: (message) => this.logger.log(message),
      start: async () => {
        const relay = new Relay(this.store, this.sql, kafka, {
          stillLeader: () => leader.stillLeader(),
          log: (level, message) =>
            level === 'info' ? this.logger.log(message) : level === 'warn' ? this.logger.warn(message) : this.logger.error(message),
        });
        await relay.start();
        return relay;
      },
      // Stops at a batch boundary and disconnects the producer, which flushes it.
      stop: (relay) => relay.stop(),
    });
    this.leader = leader;
    leader.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.leader?.stop();
  }

  /** 'leader' when the relay runs here, 'standby' when another instance runs it, 'off' without the role or brokers. */
  get role(): RoleState {
    return this.leader?.state ?? 'off';
  }

  private get relay(): Relay | undefined {
    return this.leader?.current;
  }

  /** What health and the admin status show: how far the broker has acknowledged, and the lag. */
  async report(): Promise<RelayReport> {
    if (!this.relay) {
      const reason = !this.options.kafka
        ? 'KAFKA_BROKERS is not set'
        : this.leader
          ? 'standby: another instance runs the relay'
          : 'this process does not have the relay role';
      return { enabled: false, reason };
    }
    const head = await this.store.headPosition();
    const status = this.relay.status;
    const lag = status.position >= head ? { events: 0, capped: false, seconds: 0 } : await measureLag(this.store, status.position);
    return { enabled: true, head, lagEvents: lag.events, lagCapped: lag.capped, lagSeconds: lag.seconds, ...status };
  }

  /** Problems with a replay request (Kafka not configured, a bad or forbidden topic); empty when it can run. */
  replayProblems(request: ReplayRequest): string[] {
    if (!this.options.kafka) return ['Kafka is not configured: set KAFKA_BROKERS'];
    return replayProblems(request);
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
