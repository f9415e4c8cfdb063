import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaConfig } from '@dateline/kafka/kafka-config';
import { allTopics, topicNames, topicSpecs } from '@dateline/kafka/topics';

export { machineCpu } from './cpu-time';

/**
 * The benches' broker: their own (`KAFKA_PORT=19492 bash scripts/kafka/up.sh`), never the one
 * the test suites share, so a bench neither slows nor is slowed by their topics.
 */
export const BENCH_BROKERS = process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19492';

/** The relay's configuration as the service builds it, under a topic prefix of the run's own. */
export function benchKafkaConfig(batchSize = 500): KafkaConfig {
  return {
    brokers: BENCH_BROKERS.split(','),
    topicPrefix: `bench-${randomBytes(4).toString('hex')}.`,
    partitions: 3,
    replicationFactor: 1,
    clientId: 'dateline-bench',
    batchSize,
  };
}

/** The same client settings as `Relay`'s constructor, so the raw side differs only in what it does. */
export function relayLikeKafka(config: KafkaConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 },
  });
}

/** Creates the relay's three topics up front: topic creation is a one-off, not throughput. */
export async function createTopics(config: KafkaConfig): Promise<void> {
  const admin = relayLikeKafka(config).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topicSpecs(config), waitForLeaders: false });
    // kafkajs's waitForLeaders gives up on the UNKNOWN_TOPIC_OR_PARTITION that Kafka 4 answers
    // for a moment after a create (seen here after deletes), so wait for the leaders ourselves.
    // A leader in the metadata is not yet a leader that answers: for a moment after that, the
    // broker refuses ListOffsets (and produce) with NOT_LEADER_FOR_PARTITION. kafkajs does not
    // retry that in fetchTopicOffsets, so the relay's start-up tail read failed and the relay
    // backed off 500 ms inside the clock. Ready means: offsets readable on every partition.
    const topics = allTopics(topicNames(config.topicPrefix));
    for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const ready = await admin
        .fetchTopicMetadata({ topics })
        .then((m) => m.topics.every((t) => t.partitions.length === config.partitions && t.partitions.every((p) => p.leader >= 0)))
        .then(
          async (leaders) =>
            leaders && (await Promise.all(topics.map((t) => admin.fetchTopicOffsets(t)))).every((o) => o.length === config.partitions),
        )
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after 30 s`);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Deletes a run's topics so the broker does not carry every earlier run's data into the next. */
export async function deleteTopics(config: KafkaConfig): Promise<void> {
  const admin = relayLikeKafka(config).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: allTopics(topicNames(config.topicPrefix)) });
  } catch {
    // A leftover topic only costs disk on a scratch broker.
  } finally {
    await admin.disconnect();
  }
}

/** Other engineers' test runs share these 2 cores: every result says how busy the machine was. */
export const loadAverage = (): number[] => loadavg().map((x) => +x.toFixed(2));

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Latency percentiles in ms (nearest rank), with p95, which `percentiles.ts` does not give. */
export function latencySummary(samples: number[]): { count: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const at = (q: number) => +s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)].toFixed(1);
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: +s[s.length - 1].toFixed(1) };
}
