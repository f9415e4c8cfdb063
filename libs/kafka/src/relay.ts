import { Admin, CompressionTypes, Kafka, logLevel, Message, Producer, TopicMessages } from 'kafkajs';
import { PositionWaiters } from '@dateline/event-store';
import type { EventStore, RecordedEvent, SqlClient, Subscription } from '@dateline/event-store';
import { toEventMessage } from './cloud-event-message';
import { BROKER_CONNECT_TIMEOUT_MS, KafkaConfig } from './kafka-config';
import { OutgoingMessage } from './outgoing-message';
import { OneInFlight } from './one-in-flight';
import { KeyPartitioning } from './partitioning';
import { PublishedTails, readPublishedTails, tailKey } from './published-tail';
import { ensureRelayCheckpoint, readRelayCheckpoint, saveRelayCheckpoint } from './relay-checkpoint';
import { toTimelineEntryMessage } from './timeline-entry-message';
import { TimelineEntryTracker } from './timeline-entry-tracker';
import { allTopics, topicNames, Topics, topicSpecs } from './topics';

/** First pause after a failure, ms, when `backoffMs` is not given: a broker blip costs half a second. */
const BACKOFF_MS = 500;
/** The longest pause between attempts, ms: an outage is retried often enough to end soon after it. */
const MAX_BACKOFF_MS = 10_000;
/**
 * kafkajs's own retries of one request: a few, at most 2 s apart, so that a broker outage
 * reaches the relay's loop (which reports it and retries from the checkpoint) within seconds.
 */
const REQUEST_RETRY = { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 };
/**
 * How long the relay at the head waits for an append signal before reading the log anyway, ms:
 * a lost NOTIFY delays publishing by at most this.
 */
const IDLE_POLL_MS = 200;

export interface RelayOptions {
  /** First pause after a failure, ms; it doubles up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** The checkpoint's name: one relay per name may run at a time. */
  readonly name?: string;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /**
   * Asked before each send: false stops the relay. With leader election, it confirms the lease
   * is still held, so a relay that lost it stops before its next batch instead of at the next
   * heartbeat, and two relays overlap for at most one batch in flight.
   */
  readonly stillLeader?: () => Promise<boolean>;
}

export interface RelayStatus {
  /** The log position whose events the broker has acknowledged, all of them. */
  readonly position: number;
  readonly connected: boolean;
  readonly published: number;
  readonly skippedAsAlreadyPublished: number;
  readonly lastError?: { readonly message: string; readonly at: string };
}

/**
 * Publishes every logged event to Kafka (docs/architecture.md section 6, rule 5): a checkpointed follower of
 * the global log, like a projection. Each batch goes out through an idempotent producer
 * (acks -1, one request in flight, so order per partition holds), and the checkpoint moves only
 * after the broker's ack; the next batch is read and built meanwhile. After a crash between ack
 * and checkpoint, the partitions' tails say what already went out, and it is skipped. On any
 * failure the relay drops its producer, waits (with backoff), and starts over from the
 * checkpoint: the log is the outbox, nothing is lost.
 */
export class Relay {
  private readonly kafka: Kafka;
  private readonly topics: Topics;
  private readonly name: string;
  private readonly tracker: TimelineEntryTracker;
  private producer?: Producer;
  private admin?: Admin;
  private subscription?: Subscription;
  private running?: Promise<void>;
  private stopped = false;
  private wake?: () => void;
  private state: { position: number; connected: boolean; published: number; skipped: number; lastError?: { message: string; at: string } } =
    {
      position: 0,
      connected: false,
      published: 0,
      skipped: 0,
    };
  private readonly waiters = new PositionWaiters(() => this.state.position);

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly config: KafkaConfig,
    private readonly options: RelayOptions = {},
  ) {
    this.name = options.name ?? 'kafka';
    this.topics = topicNames(config.topicPrefix);
    this.tracker = new TimelineEntryTracker(store);
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: [...config.brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: BROKER_CONNECT_TIMEOUT_MS,
      // Give up a request after a few seconds: the relay's own loop retries from the checkpoint.
      retry: REQUEST_RETRY,
    });
  }

  get status(): RelayStatus {
    const { position, connected, published, skipped, lastError } = this.state;
    return { position, connected, published, skippedAsAlreadyPublished: skipped, ...(lastError ? { lastError } : {}) };
  }

  async start(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['dateline-relay-schema']);
      await ensureRelayCheckpoint(tx, this.name);
    });
    this.state.position = await readRelayCheckpoint(this.sql, this.name);
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.stop();
    await this.running;
    await this.disconnect();
  }

  /** Resolves true once the broker has acknowledged everything up to `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  private async run(): Promise<void> {
    let backoff = this.options.backoffMs ?? BACKOFF_MS;
    while (!this.stopped) {
      try {
        const { partitioning, tails } = await this.connect();
        const checkpoint = await readRelayCheckpoint(this.sql, this.name);
        const from = timelineEntriesToFill(checkpoint, tails, this.topics) ? 0 : checkpoint;
        if (from !== checkpoint) this.log('info', `relay: ${this.topics.timelineEntries} is empty: filling it from the start of the log`);
        // stop() may have come while we connected: it could not stop a subscription not yet
        // made. No await between this check and the subscription (made synchronously in
        // follow()), so stop() sees it.
        if (this.stopped) break;
        this.state.position = from;
        this.log('info', `relay: publishing from position ${from}`);
        backoff = this.options.backoffMs ?? BACKOFF_MS;
        await this.follow(from, partitioning, tails);
      } catch (err) {
        this.state.lastError = { message: err instanceof Error ? err.message : String(err), at: new Date().toISOString() };
        this.log('warn', `relay: ${this.state.lastError.message}; retrying in ${backoff} ms`);
      }
      await this.disconnect();
      if (this.stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? MAX_BACKOFF_MS);
    }
  }

  /** Topics exist, the producer is connected, and we know what already reached each partition. */
  private async connect(): Promise<{ partitioning: KeyPartitioning; tails: PublishedTails }> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    const existing = new Set(await this.admin.listTopics());
    const missing = topicSpecs(this.config).filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await this.admin.createTopics({ topics: missing, waitForLeaders: true });
      this.log('info', `relay: created ${missing.map((t) => t.topic).join(', ')}`);
    }
    const metadata = await this.admin.fetchTopicMetadata({ topics: allTopics(this.topics) });
    const partitioning = new KeyPartitioning(new Map(metadata.topics.map((t) => [t.name, t.partitions.length])));
    const tails = new Map(await readPublishedTails(this.kafka, this.admin, allTopics(this.topics)));
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.producer.connect();
    this.state.connected = true;
    return { partitioning, tails };
  }

  private async disconnect(): Promise<void> {
    this.state.connected = false;
    const { producer, admin } = this;
    this.producer = this.admin = undefined;
    // Nothing is lost (the checkpoint moves only after the broker acknowledged), but say so.
    const report = (what: string) => (err: unknown) =>
      this.log('warn', `relay: ${what} disconnect failed: ${err instanceof Error ? err.message : String(err)}`);
    await producer?.disconnect().catch(report('producer'));
    await admin?.disconnect().catch(report('admin'));
  }

  /**
   * Publishes from `from` until stopped or failed, reading and building each batch while the
   * previous one is in flight. Returns only once no batch is in flight: a new session, or
   * disconnect(), must never race an ack and its checkpoint.
   */
  private async follow(from: number, partitioning: KeyPartitioning, tails: PublishedTails): Promise<void> {
    const sends = new OneInFlight(() => void this.subscription?.stop());
    this.subscription = this.store.subscribe(
      from,
      async (batch) => {
        const topicMessages = await this.records(batch, partitioning, tails);
        await sends.send(() => this.send(topicMessages, batch[batch.length - 1].position));
      },
      { batchSize: this.config.batchSize, idlePollMs: IDLE_POLL_MS },
    );
    try {
      await this.subscription.done;
    } finally {
      await sends.drain();
    }
  }

  /** A batch's records by topic, with their partitions, minus those the tails say went out. */
  private async records(batch: RecordedEvent[], partitioning: KeyPartitioning, tails: PublishedTails): Promise<TopicMessages[]> {
    const outgoing: OutgoingMessage[] = [];
    for (const event of batch) {
      outgoing.push(toEventMessage(event, this.topics));
      for (const change of await this.tracker.changes(event))
        outgoing.push(toTimelineEntryMessage(event, change.entryId, change.entry, this.topics));
    }
    const byTopic = new Map<string, Message[]>();
    for (const m of outgoing) {
      const partition = partitioning.partitionFor(m.topic, m.key);
      if (m.position <= (tails.get(tailKey(m.topic, partition)) ?? 0)) {
        this.state.skipped++;
        continue;
      }
      const messages = byTopic.get(m.topic) ?? [];
      messages.push({ key: m.key, value: m.value, headers: m.headers, partition });
      byTopic.set(m.topic, messages);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  /** Sends one batch's records and, after the broker's ack, moves the checkpoint to `last`. */
  private async send(topicMessages: TopicMessages[], last: number): Promise<void> {
    if (this.options.stillLeader && !(await this.options.stillLeader())) throw new Error('relay: this instance lost the relay lease');
    if (topicMessages.length > 0) {
      await this.producer!.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
      this.state.published += topicMessages.reduce((n, t) => n + t.messages.length, 0);
    }
    await saveRelayCheckpoint(this.sql, this.name, last);
    this.state.position = last;
    this.waiters.notify();
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}

/**
 * True when the timeline-entries topic is empty although diplomatic events went out: a new
 * topic version (timeline-entries.v2) on a store the relay published before. The relay then
 * reads the log from its start once; the partitions' tails skip every record the event topics
 * already hold, so only the new topic's records go out (docs/operations.md).
 */
export function timelineEntriesToFill(checkpoint: number, tails: PublishedTails, topics: Topics): boolean {
  if (checkpoint === 0) return false;
  const has = (topic: string) => [...tails.keys()].some((key) => key.startsWith(`${topic}/`));
  return has(topics.diplomaticEvents) && !has(topics.timelineEntries);
}
