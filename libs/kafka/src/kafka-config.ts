/** How the relay reaches Kafka and names its topics (docs/architecture.md sections 2 and 5). */
export interface KafkaConfig {
  readonly brokers: readonly string[];
  /** Prepended to every topic name; `dateline.` by default. */
  readonly topicPrefix: string;
  /** Partitions of the topics the relay creates when they are missing. */
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly clientId: string;
  /** Events per produce request: larger batches, fewer round trips. */
  readonly batchSize: number;
}

/**
 * Events per produce request when KAFKA_RELAY_BATCH_SIZE is unset (also a replay's): large
 * enough that a catch-up is not one round trip per event, small enough that one request (and
 * its retry) stays modest.
 */
export const DEFAULT_RELAY_BATCH_SIZE = 500;

/** How long a client waits for a broker's TCP connection, ms; the caller's own loop retries. */
export const BROKER_CONNECT_TIMEOUT_MS = 3000;

const positiveInt = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
};

/**
 * The KAFKA_* variables of `env`, which the caller passes: the service's settings
 * (apps/service/src/config/settings.ts) are the one reader of the process environment.
 * Undefined when `KAFKA_BROKERS` is unset: the relay is off and the log keeps everything.
 */
export function kafkaConfigFromEnv(env: NodeJS.ProcessEnv): KafkaConfig | undefined {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) return undefined;
  return {
    brokers,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? 'dateline.',
    partitions: positiveInt('KAFKA_PARTITIONS', env.KAFKA_PARTITIONS, 3),
    replicationFactor: positiveInt('KAFKA_REPLICATION_FACTOR', env.KAFKA_REPLICATION_FACTOR, 1),
    clientId: env.KAFKA_CLIENT_ID ?? 'dateline',
    batchSize: positiveInt('KAFKA_RELAY_BATCH_SIZE', env.KAFKA_RELAY_BATCH_SIZE, DEFAULT_RELAY_BATCH_SIZE),
  };
}
