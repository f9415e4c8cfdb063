import { randomUUID } from 'node:crypto';

/**
 * The broker the Kafka suites talk to. `npm test` starts one with scripts/kafka/up.sh and sets
 * KAFKA_BROKERS when it is unset; running Jest by hand needs `npm run kafka:up` and
 * KAFKA_BROKERS=127.0.0.1:9092.
 */
export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run `npm test` (it starts a broker), or `npm run kafka:up` and KAFKA_BROKERS=127.0.0.1:9092');
  return brokers;
}

/** A topic prefix of the test's own, so suites sharing the broker never see each other's records. */
export const testTopicPrefix = (): string => `test-${randomUUID().slice(0, 8)}.`;
