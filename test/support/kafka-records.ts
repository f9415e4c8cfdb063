import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** A consumed record as a downstream engineer sees it: strings, not buffers. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/**
 * Reads `topics` from the beginning with a fresh consumer group until `done(records)` holds,
 * then waits `settleMs` more to catch any record that should not be there (a duplicate).
 */
export async function consumeUntil(
  brokers: string,
  topics: readonly string[],
  done: (records: readonly ConsumedRecord[]) => boolean,
  { timeoutMs = 60_000, settleMs = 1500 } = {},
): Promise<ConsumedRecord[]> {
  const kafka = new Kafka({ clientId: 'dateline-test-reader', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `dateline-test-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    let resolveDone!: () => void;
    const reached = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(value);
        records.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
        if (done(records)) resolveDone();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`consumed ${records.length} records in ${timeoutMs} ms without reaching the expected state`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([reached, timeout]);
    } finally {
      clearTimeout(timer);
    }
    await new Promise((r) => setTimeout(r, settleMs));
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/** ce_id → how many records carry it. */
export function countById(records: readonly ConsumedRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.headers.ce_id, (counts.get(r.headers.ce_id) ?? 0) + 1);
  return counts;
}

/** topic/key → the `dateline_version`s of its records in partition order (one key, one partition). */
export function versionsPerKey(records: readonly ConsumedRecord[]): Map<string, number[]> {
  const versions = new Map<string, number[]>();
  for (const r of [...records].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset)) {
    const key = `${r.topic}/${r.key}`;
    versions.set(key, [...(versions.get(key) ?? []), Number(r.headers.dateline_version)]);
  }
  return versions;
}

/** Keys whose versions are not exactly 1, 2, 3… in order: a gap, a duplicate or a swap. */
export const keysOutOfOrder = (records: readonly ConsumedRecord[]): string[] =>
  [...versionsPerKey(records)].filter(([, vs]) => vs.some((v, i) => v !== i + 1)).map(([key, vs]) => `${key}: ${vs.join(',')}`);
