/**
 * The error a CLI command gives when no Kafka broker answers: what it tried, what the client
 * said (ECONNREFUSED, a DNS failure), and how to get a broker, instead of kafkajs's bare
 * "Connection error: connect ECONNREFUSED".
 */
export function kafkaUnreachable(brokers: readonly string[], cause: unknown): Error {
  const said = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `cannot reach Kafka at ${brokers.join(',')} (${said}). Start a broker with \`npm run kafka:up\` (127.0.0.1:9092), ` +
      'or set KAFKA_BROKERS to the brokers the service publishes to.',
    { cause },
  );
}
