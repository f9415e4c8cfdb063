import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { POSITION_HEADER } from './outgoing-message';

/** `topic/partition` → the highest `dateline_position` already in that partition. */
export type PublishedTails = ReadonlyMap<string, number>;

export const tailKey = (topic: string, partition: number): string => `${topic}/${partition}`;

/** How long reading the last records may take before the relay gives up and retries, ms. */
const TAIL_READ_TIMEOUT_MS = 30_000;
/** A fetch returns after at most this, ms, records or not: the tails are read without idling. */
const FETCH_MAX_WAIT_MS = 100;

/**
 * Reads the last record of every partition of `topics` and returns the `dateline_position` it
 * carries. The relay sends each partition's records in log order, so a record whose position is
 * at or below its partition's tail has already been published: after a crash between the
 * broker's ack and the checkpoint, the relay skips it instead of sending it twice.
 *
 * kafkajs has no manual partition assignment, so this joins a throwaway consumer group, seeks
 * each non-empty partition to its last offset, and deletes the group afterwards.
 */
export async function readPublishedTails(
  kafka: Kafka,
  admin: Admin,
  topics: readonly string[],
  timeoutMs = TAIL_READ_TIMEOUT_MS,
): Promise<PublishedTails> {
  const tails = new Map<string, number>();
  const pending = new Map<string, number>(); // tailKey → the offset of the last record
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      const high = Number(p.high);
      if (high > Number(p.low)) pending.set(tailKey(topic, p.partition), high - 1);
    }
  }
  if (pending.size === 0) return tails;

  const groupId = `dateline-relay-tail-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: FETCH_MAX_WAIT_MS });
  try {
    await consumer.connect();
    await consumer.subscribe({
      topics: [...new Set([...pending.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))],
      fromBeginning: false,
    });
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading the topics' tails took over ${timeoutMs} ms; still waiting for ${[...pending.keys()].join(', ')}`)),
        timeoutMs,
      );
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const key = tailKey(batch.topic, batch.partition);
            const last = pending.get(key);
            if (last === undefined) return;
            for (const message of batch.messages) {
              const header = message.headers?.[POSITION_HEADER];
              if (header !== undefined) tails.set(key, Math.max(tails.get(key) ?? 0, Number(String(header))));
              if (Number(message.offset) >= last) pending.delete(key);
            }
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    for (const [key, offset] of pending) {
      const slash = key.lastIndexOf('/');
      consumer.seek({ topic: key.slice(0, slash), partition: Number(key.slice(slash + 1)), offset: String(offset) });
    }
    await done;
    return tails;
  } finally {
    // Clean-up only: the tails read (or the error being thrown) are the answer, and the group is
    // a throwaway one of this call; a broker that went away has nothing to disconnect.
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}
