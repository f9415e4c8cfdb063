import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess } from 'node:child_process';
import { topicNames } from '@dateline/kafka';
import { PgClient, PostgresEventStore, RecordedEvent } from '@dateline/event-store';
import { diplomaticEvent, story } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil, countById, keysOutOfOrder } from '../support/kafka-records';
import { freePort, PROCESS_ADMIN_TOKEN, PROCESS_EDITOR_TOKEN, startService, stop } from '../support/service-process';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';

const ROUNDS = Number(process.env.KAFKA_CRASH_ROUNDS ?? 6);

interface Accepted {
  readonly id: string;
  readonly version: number;
}

/**
 * docs/architecture.md section 6, rule 5: after a crash the relay publishes nothing twice. The real service
 * (built, on PostgreSQL) is SIGKILLed in the middle of a burst of writes, several times, and
 * restarted; then every logged event must be on its topic exactly once, in order per key.
 */
describe('Kafka relay: SIGKILL of the service in the middle of a burst', () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  const topics = topicNames(prefix);
  let db: TempDatabase;
  let port: number;
  let service: ChildProcess | undefined;
  const accepted: Accepted[] = [];

  const env = () => ({
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_RELAY_BATCH_SIZE: String(5 + Math.floor(Math.random() * 20)),
    DATELINE_ROLES: 'api,projector,relay',
  });
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const post = async (path: string, body: unknown): Promise<{ id: string; version: number } | undefined> => {
    try {
      const res = await fetch(url(path), {
        method: 'POST',
        headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status === 201 ? ((await res.json()) as { id: string; version: number }) : undefined;
    } catch {
      return undefined; // the service died under us: this write was not acknowledged
    }
  };

  /** One editor: records events and amends them, until `until` says stop. */
  const editor = async (until: () => boolean, n: number) => {
    for (let i = 0; !until(); i++) {
      if (i % 5 === 0) {
        const s = await post('/stories', story({ slug: `crash-${n}-${i}` }));
        if (s) accepted.push(s);
        continue;
      }
      const e = await post('/diplomatic-events', diplomaticEvent({ title: `Burst ${n}-${i}` }));
      if (!e) continue;
      accepted.push(e);
      const amended = await post(`/diplomatic-events/${e.id}/amendments`, {
        expectedVersion: 1,
        changes: { title: `Burst ${n}-${i} (amended)` },
        reason: 'more precise',
      });
      if (amended) accepted.push(amended);
      if (amended && i % 3 === 0) {
        const retracted = await post(`/diplomatic-events/${e.id}/retraction`, { expectedVersion: 2, reason: 'wrong' });
        if (retracted) accepted.push(retracted);
      }
    }
  };

  beforeAll(async () => {
    db = await createTempDatabase();
    port = await freePort();
  });
  afterAll(async () => {
    if (service) await stop(service, 'SIGKILL');
    await db?.drop();
  });

  it(`every logged event reaches Kafka exactly once, in order per key, over ${ROUNDS} kills`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      service = await startService(db.url, port, env());
      let dead = false;
      const editors = Array.from({ length: 6 }, (_, n) => editor(() => dead, round * 10 + n));
      // Mid-burst: once this round has had a few writes accepted, then at a random moment.
      const before = accepted.length;
      for (const deadline = Date.now() + 60_000; accepted.length < before + 8 && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      await stop(service, 'SIGKILL');
      dead = true;
      await Promise.all(editors);
    }

    service = await startService(db.url, port, env());
    const sql = new PgClient(db.url, 2);
    const store = await PostgresEventStore.create(sql);
    let log: RecordedEvent[];
    try {
      log = await store.readAll(0, 1_000_000);
      const head = log[log.length - 1].position;
      for (;;) {
        const status = (await (
          await fetch(url('/admin/status'), { headers: { Authorization: `Bearer ${PROCESS_ADMIN_TOKEN}` } })
        ).json()) as { relay: { position: number } };
        if (status.relay.position >= head) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await store.close();
      await sql.close();
    }

    const diplomatic = log.filter((e) => e.streamId.startsWith('diplomatic-event-')).length;
    const records = await consumeUntil(
      brokers,
      [topics.stories, topics.diplomaticEvents, topics.timelineEntries],
      (rs) => rs.length >= log.length + diplomatic,
      { settleMs: 3000 },
    );
    const events = records.filter((r) => r.topic !== topics.timelineEntries);
    const entries = records.filter((r) => r.topic === topics.timelineEntries);

    // Every accepted write is in the log; every logged event is on its topic once.
    const logged = new Set(log.map((e) => `${e.streamId.replace(/^(story|diplomatic-event)-/, '')}@${e.streamVersion}`));
    expect(accepted.length).toBeGreaterThanOrEqual(ROUNDS * 8);
    expect(accepted.filter((a) => !logged.has(`${a.id}@${a.version}`))).toEqual([]);
    const counts = countById(events);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(counts.keys())).toEqual(new Set(log.map((e) => e.id)));
    const entryCounts = countById(entries);
    expect([...entryCounts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(entries).toHaveLength(diplomatic);

    // In order per key: each key's versions are 1, 2, 3… in partition order.
    expect(keysOutOfOrder(records)).toEqual([]);
    // Seven service starts (each a Nest boot) and the catch-up.
  }, 300_000);
});
