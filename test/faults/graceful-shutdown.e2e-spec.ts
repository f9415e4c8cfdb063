import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess } from 'node:child_process';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { topicNames } from '@dateline/kafka';
import { diplomaticEvent } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil, countById } from '../support/kafka-records';
import { freePort, PROCESS_ADMIN_TOKEN, PROCESS_EDITOR_TOKEN, startService, stop } from '../support/service-process';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';

/**
 * SIGTERM during a write load: the service drains HTTP, stops the projector and the relay at a
 * batch boundary, flushes the producer, and exits 0. What the relay checkpointed is exactly
 * what Kafka holds: nothing sent without its checkpoint, nothing checkpointed without its ack.
 */
describe('graceful shutdown on SIGTERM', () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  let db: TempDatabase;
  let service: ChildProcess;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(async () => {
    if (service) await stop(service, 'SIGKILL');
    await db?.drop();
  });

  it('answers what it accepted, exits 0, and leaves the relay checkpoint equal to what Kafka holds', async () => {
    const port = await freePort();
    service = await startService(db.url, port, { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_RELAY_BATCH_SIZE: '7' });
    const exited = new Promise<number | null>((resolve) => service.once('exit', (code) => resolve(code)));
    let stopping = false;
    const accepted: string[] = [];
    const write = async () => {
      while (!stopping) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/diplomatic-events`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(diplomaticEvent({ title: 'Before the shutdown' })),
          });
          if (res.status === 201) accepted.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server stopped taking connections
        }
      }
    };
    const writers = [write(), write(), write()];
    // SIGTERM while writes flow and the relay is publishing (conditions, not a guessed delay).
    for (const deadline = Date.now() + 60_000; ;) {
      const status = (await (
        await fetch(`http://127.0.0.1:${port}/admin/status`, { headers: { Authorization: `Bearer ${PROCESS_ADMIN_TOKEN}` } })
      ).json()) as { relay: { position?: number } };
      if (accepted.length >= 20 && (status.relay.position ?? 0) > 0) break;
      if (Date.now() > deadline) throw new Error(`no load or no relay: ${accepted.length} writes, ${JSON.stringify(status.relay)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    stopping = true;
    await Promise.all(writers);

    const sql = new PgClient(db.url, 2);
    const store = await PostgresEventStore.create(sql);
    try {
      const log = await store.readAll(0, 1_000_000);
      const logged = new Set(log.map((e) => e.streamId.replace('diplomatic-event-', '')));
      expect(accepted.length).toBeGreaterThan(0);
      expect(accepted.filter((id) => !logged.has(id))).toEqual([]);
      const checkpoint = Number((await sql.query<{ position: string }>('SELECT position FROM relay_checkpoints')).rows[0].position);
      const relayed = log.filter((e) => e.position <= checkpoint);
      expect(relayed.length).toBeGreaterThan(0);
      const records = await consumeUntil(brokers, [topicNames(prefix).diplomaticEvents], (rs) => rs.length >= relayed.length, {
        settleMs: 2000,
      });
      expect(countById(records)).toEqual(new Map(relayed.map((e) => [e.id, 1])));
    } finally {
      await store.close();
      await sql.close();
    }
  }, 180_000);
});
