import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { allTopics, topicNames } from '@dateline/kafka';
import { kafkaUnreachable } from './kafka-unreachable';
import { formatRecord } from './tail-format';

export interface TailOptions {
  readonly brokers: string[];
  readonly prefix: string;
  /** Short names (stories, diplomatic-events, timeline-entries) or full topic names; all three when empty. */
  readonly topics: readonly string[];
  readonly fromBeginning: boolean;
  /** Stop after this many records (for scripts and tests); runs until Ctrl-C otherwise. */
  readonly max?: number;
  readonly write?: (line: string) => void;
}

/** Resolves short topic names against the prefix: `stories` → `dateline.stories.v1`. */
export function resolveTopics(names: readonly string[], prefix: string): string[] {
  const ours = allTopics(topicNames(prefix));
  if (names.length === 0) return ours;
  return names.map((n) => ours.find((t) => t === n || t === `${prefix}${n}.v1` || t === `${prefix}${n}`) ?? n);
}

/**
 * A small consumer that prints the stream as a downstream engineer sees it. It joins a
 * throwaway consumer group and commits nothing, so it never disturbs real consumers.
 */
export async function tail(options: TailOptions): Promise<number> {
  const write = options.write ?? ((line: string) => console.log(line));
  // Two retries, not kafkajs's five with growing pauses: a person waits for the answer.
  const kafka = new Kafka({ clientId: 'dateline-tail', brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (err) {
    throw kafkaUnreachable(options.brokers, err);
  }
  const groupId = `dateline-tail-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
  let seen = 0;
  try {
    const topics = resolveTopics(options.topics, options.prefix);
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0)
      throw new Error(`no such topic: ${missing.join(', ')} (is the relay running with KAFKA_TOPIC_PREFIX=${options.prefix}?)`);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: options.fromBeginning });
    await new Promise<void>((resolve, reject) => {
      process.once('SIGINT', () => resolve());
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            if (options.max !== undefined && seen >= options.max) return;
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(value);
            write(
              formatRecord({
                topic,
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? null,
                value: message.value?.toString() ?? null,
                headers,
              }),
            );
            seen++;
            if (options.max !== undefined && seen >= options.max) resolve();
          },
        })
        .catch(reject);
    });
    return seen;
  } finally {
    // Clean-up only: what was read (or the error being thrown) is the answer, and a broker that
    // went away has nothing to disconnect; the group is a throwaway one of this run.
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
