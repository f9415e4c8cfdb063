import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Everything the CLI reads from its environment, read here once (the service has its own,
 * apps/service/src/config/settings.ts). The help text in main.ts lists the same variables.
 */
export interface CliSettings {
  /** The running service, without a trailing slash. */
  readonly baseUrl: string;
  readonly editorToken?: string;
  readonly adminToken?: string;
  /** For `tail`, which reads Kafka directly. */
  readonly kafkaBrokers: readonly string[];
  readonly kafkaTopicPrefix: string;
}

export function loadCliSettings(env: NodeJS.ProcessEnv = process.env): CliSettings {
  // HOST and PORT are the service's own variables: a shell that started it reaches it unchanged.
  const baseUrl = env.DATELINE_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`;
  return {
    baseUrl: baseUrl.replace(/\/$/, ''),
    editorToken: env.DATELINE_TOKEN ?? generatedToken(env, 'editor'),
    adminToken: env.DATELINE_ADMIN_TOKEN ?? generatedToken(env, 'admin'),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    kafkaTopicPrefix: env.KAFKA_TOPIC_PREFIX ?? 'dateline.',
  };
}

/** The token the service made at its first start in its data directory, if it did. */
function generatedToken(env: NodeJS.ProcessEnv, role: 'editor' | 'admin'): string | undefined {
  const file = join(resolve(env.DATELINE_DATA_DIR ?? './.dateline'), `${role}-token`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
