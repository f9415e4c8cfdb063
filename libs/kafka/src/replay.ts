import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import type { EventStore } from '@dateline/event-store';
import { toEventMessage } from './cloud-event-message';
import { BROKER_CONNECT_TIMEOUT_MS, DEFAULT_RELAY_BATCH_SIZE, KafkaConfig } from './kafka-config';
import { allTopics, RETIRED_TOPIC_SUFFIXES, topicNames } from './topics';

export interface ReplayRequest {
  /** The first log position to republish (inclusive). */
  readonly from: number;
  /** The last position (inclusive); the log's head at the start of the replay when absent. */
  readonly to?: number;
  readonly toTopic: string;
}

export interface ReplayResult {
  readonly toTopic: string;
  readonly published: number;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
}

const LEGAL_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

/** What is wrong with a replay request, in words an operator can act on; empty when fine. */
export function replayProblems(request: ReplayRequest): string[] {
  const problems: string[] = [];
  if (!LEGAL_TOPIC.test(request.toTopic) || request.toTopic === '.' || request.toTopic === '..') {
    problems.push('toTopic must be 1-249 characters of a-z, A-Z, 0-9, ".", "_" and "-"');
  }
  // The relay's topics (under any prefix: another deployment's, or an old one) hold each event
  // once, and their tails tell a relay what it already sent. A consumer that wants events again
  // resets its offsets instead.
  const suffixes = [...allTopics(topicNames('')), ...RETIRED_TOPIC_SUFFIXES];
  if (suffixes.some((suffix) => request.toTopic === suffix || request.toTopic.endsWith(`.${suffix}`) || request.toTopic.endsWith(suffix))) {
    problems.push(
      `toTopic ${request.toTopic} is, or looks like, one of the relay's own topics (${suffixes.join(', ')}): replaying into it would publish events twice`,
    );
  }
  if (request.to !== undefined && request.to < request.from) problems.push('to must not be before from');
  return problems;
}

/**
 * Republishes a range of the log to another topic, in the relay's format (same key, headers
 * and value), in log order: for a consumer that lost data, or a new downstream service.
 */
export async function replayToTopic(
  store: EventStore,
  config: KafkaConfig,
  request: ReplayRequest,
  batchSize = DEFAULT_RELAY_BATCH_SIZE,
): Promise<ReplayResult> {
  const to = request.to ?? (await store.headPosition());
  const topics = topicNames(config.topicPrefix);
  const kafka = new Kafka({
    clientId: `${config.clientId}-replay`,
    brokers: [...config.brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: BROKER_CONNECT_TIMEOUT_MS,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let published = 0;
  let firstPosition: number | null = null;
  let lastPosition: number | null = null;
  // An empty range changes nothing, not even the cluster: no topic is created for it.
  const first = (await store.readAll(request.from - 1, 1))[0];
  if (!first || first.position > to) return { toTopic: request.toTopic, published: 0, firstPosition: null, lastPosition: null };
  try {
    await admin.connect();
    if (!(await admin.listTopics()).includes(request.toTopic)) {
      await admin.createTopics({
        topics: [{ topic: request.toTopic, numPartitions: config.partitions, replicationFactor: config.replicationFactor }],
        waitForLeaders: true,
      });
    }
    await producer.connect();
    let after = request.from - 1;
    for (;;) {
      const batch = (await store.readAll(after, batchSize)).filter((e) => e.position <= to);
      if (batch.length === 0) break;
      const messages = batch.map((e) => {
        const m = toEventMessage(e, topics);
        return { key: m.key, value: m.value, headers: m.headers };
      });
      await producer.send({ topic: request.toTopic, messages, acks: -1, compression: CompressionTypes.None });
      published += batch.length;
      firstPosition ??= batch[0].position;
      lastPosition = batch[batch.length - 1].position;
      after = lastPosition;
      if (batch.length < batchSize) break;
    }
    return { toTopic: request.toTopic, published, firstPosition, lastPosition };
  } finally {
    // Clean-up only: every batch was acknowledged before it counted as published, so a failed
    // disconnect loses nothing; the error being thrown, if any, is the one that matters.
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
