import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { topicNames } from '@dateline/kafka';
import { readModelPosition } from '@dateline/projections';
import { diplomaticEvent, story } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil, countById } from '../support/kafka-records';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { freePort, PROCESS_EDITOR_TOKEN, startService, stop } from '../support/service-process';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';

const KILLS = Number(process.env.FAULT_KILLS ?? 20);
const INSTANCES = 3;

interface Acked {
  readonly id: string;
  readonly version: number;
  /** The log position the answer gave. */
  readonly position: number;
  readonly key: string;
}

/**
 * Three service instances on one PostgreSQL, each with every role (one projector and one relay
 * run, the others stand by), under a mixed load of editors. 20 times, a random instance is
 * SIGKILLed and started again. Then: every acknowledged write is in the log exactly once, the
 * read models equal a rebuild, and Kafka has each event once.
 */
describe(`${KILLS} random SIGKILLs of service instances under a mixed load`, () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  const topics = topicNames(prefix);
  let db: TempDatabase;
  const ports: number[] = [];
  const instances: (ChildProcess | undefined)[] = [];
  const acked: Acked[] = [];

  const env = () => ({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, DATELINE_LEADER_RETRY_MS: '500' });
  const start = async (i: number) => {
    instances[i] = await startService(db.url, ports[i], env());
  };

  /** A write to a random live instance, with an idempotency key; undefined when it failed. */
  const write = async (path: string, body: unknown): Promise<{ id: string; version: number; position: number } | undefined> => {
    const live = ports.filter((_, i) => instances[i]);
    const port = live[Math.floor(Math.random() * live.length)];
    const key = randomUUID();
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) {
        return undefined;
      }
      const answer = (await res.json()) as { id: string; version: number; position: number };
      acked.push({ ...answer, key });
      return answer;
    } catch {
      // the instance died under this request: not acknowledged
      return undefined;
    }
  };

  const editor = async (n: number, until: () => boolean) => {
    for (let i = 0; !until(); i++) {
      if (i % 4 === 0) {
        const s = await write('/stories', story({ slug: `kill-${n}-${i}` }));
        if (s) await write(`/stories/${s.id}/revisions`, { expectedRevision: 1, body: `Revised ${n}-${i}`, changeNote: 'update' });
        continue;
      }
      const e = await write('/diplomatic-events', diplomaticEvent({ title: `Load ${n}-${i}` }));
      if (e && i % 3 === 0) {
        const amended = await write(`/diplomatic-events/${e.id}/amendments`, {
          expectedVersion: 1,
          changes: { title: `Load ${n}-${i} (amended)` },
          reason: 'detail',
        });
        if (amended && i % 2 === 0) await write(`/diplomatic-events/${e.id}/retraction`, { expectedVersion: 2, reason: 'wrong' });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    db = await createTempDatabase();
    for (let i = 0; i < INSTANCES; i++) ports.push(await freePort());
    for (let i = 0; i < INSTANCES; i++) await start(i);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((c) => (c ? stop(c, 'SIGKILL') : Promise.resolve())));
    await db?.drop();
  });

  it('keeps every acknowledged write exactly once, read models equal a rebuild, Kafka has each event once', async () => {
    let done = false;
    const editors = Array.from({ length: 4 }, (_, n) => editor(n, () => done));
    for (let k = 0; k < KILLS; k++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      const victim = Math.floor(Math.random() * INSTANCES);
      const child = instances[victim];
      if (!child) continue;
      instances[victim] = undefined;
      await stop(child, 'SIGKILL');
      // Keep at least one instance up for the editors; restart the victim at once.
      await start(victim);
    }
    done = true;
    await Promise.all(editors);

    const sql = new PgClient(db.url, 4);
    const store = await PostgresEventStore.create(sql);
    try {
      // The readable head stops below the oldest transaction open anywhere in the cluster (ADR
      // 0001): wait until it has passed the last acknowledged write before reading the log, so
      // that a write missing from it is lost, not merely not readable yet.
      const lastAcked = Math.max(...acked.map((a) => a.position));
      for (const deadline = Date.now() + 120_000; (await store.headPosition()) < lastAcked;) {
        if (Date.now() > deadline) throw new Error(`the log's readable head never reached the last acknowledged write, at ${lastAcked}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const log = await store.readAll(0, 1_000_000);
      const head = log[log.length - 1].position;
      // Whichever instances lead now, they catch up.
      for (const deadline = Date.now() + 120_000; ;) {
        const relayed = Number((await sql.query<{ position: string }>('SELECT position FROM relay_checkpoints')).rows[0]?.position ?? 0);
        if ((await readModelPosition(sql)) >= head && relayed >= head) break;
        if (Date.now() > deadline) throw new Error('the instances did not catch up');
        await new Promise((r) => setTimeout(r, 100));
      }

      // 1. Every acknowledged write is in the log exactly once.
      expect(acked.length).toBeGreaterThan(50);
      const versions = new Map(log.map((e) => [`${e.streamId.replace(/^(story|diplomatic-event)-/, '')}@${e.streamVersion}`, e]));
      expect(acked.filter((a) => !versions.has(`${a.id}@${a.version}`))).toEqual([]);
      const keys = log.map((e) => e.metadata.idempotencyKey).filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
      for (const a of acked) expect(versions.get(`${a.id}@${a.version}`)!.metadata.idempotencyKey).toBe(a.key);

      // 2. The read models equal a rebuild from the log.
      const { live, rebuilt } = await readModelsAndRebuild(store, sql);
      expect(live).toEqual(rebuilt);

      // 3. Kafka has each event once.
      const records = await consumeUntil(brokers, [topics.stories, topics.diplomaticEvents], (rs) => rs.length >= log.length, {
        settleMs: 3000,
      });
      const counts = countById(records);
      expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(new Set(counts.keys())).toEqual(new Set(log.map((e) => e.id)));
    } finally {
      await store.close();
      await sql.close();
    }
  }, 600_000);
});
