import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topicNames } from '@dateline/kafka';
import type { RecordedEvent } from '@dateline/event-store';
import { diplomaticEvent } from '../support/fixtures';
import { OwnBroker, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil, countById, keysOutOfOrder } from '../support/kafka-records';
import { ADMIN_TOKEN, bearer, startTestApp, TestApp } from '../support/test-app';

const OUTAGE_MS = Number(process.env.KAFKA_OUTAGE_MS ?? 20_000);

interface RelayReport {
  readonly position: number;
  readonly connected: boolean;
  readonly lagEvents: number;
  readonly lastError?: { message: string };
}

/**
 * The broker is stopped for 20 s while editors keep writing. The API keeps accepting writes
 * (the log is the outbox), the admin status shows the relay's lag, and once the broker is back
 * the relay catches up: every event on its topic exactly once, in order per key.
 */
describe('Kafka relay: the broker stopped for 20 s during writes', () => {
  // A broker of this suite's own: stopping the shared one would break the other suites.
  const broker = new OwnBroker(Number(process.env.KAFKA_OUTAGE_PORT ?? 19392));
  const prefix = testTopicPrefix();
  const topics = topicNames(prefix);
  let t: TestApp;

  beforeAll(async () => {
    await broker.up();
    t = await startTestApp({ env: { KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PREFIX: prefix } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await broker.down();
  }, 60_000);

  const relay = async (): Promise<RelayReport> => (await t.http().get('/admin/status').set(bearer(ADMIN_TOKEN)).expect(200)).body.relay;

  it('keeps accepting writes, shows the lag, then publishes everything exactly once', async () => {
    let writing = true;
    const statuses: number[] = [];
    const ids: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await t
          .http()
          .post('/diplomatic-events')
          .set(bearer())
          .send(diplomaticEvent({ title: `During outage ${i}` }));
        statuses.push(res.status);
        if (res.status === 201) {
          ids.push(res.body.id);
          if (i % 4 === 0) {
            const amended = await t
              .http()
              .post(`/diplomatic-events/${res.body.id}/amendments`)
              .set(bearer())
              .send({ expectedVersion: 1, changes: { summary: `amended ${i}` }, reason: 'detail' });
            statuses.push(amended.status);
          }
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    await new Promise((r) => setTimeout(r, 3000));
    expect((await relay()).connected).toBe(true);
    await broker.down(true);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const during = await relay();
    await broker.up();
    await new Promise((r) => setTimeout(r, 3000));
    writing = false;
    await writer;

    // Writes never failed; while the broker was away the relay fell behind and said why.
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(during.lagEvents).toBeGreaterThan(0);
    expect(during.connected).toBe(false);
    expect(during.lastError?.message).toBeTruthy();

    const log: RecordedEvent[] = await t.storage.store.readAll(0, 1_000_000);
    const head = log[log.length - 1].position;
    for (;;) {
      if ((await relay()).position >= head) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const records = await consumeUntil(
      broker.brokers,
      [topics.diplomaticEvents, topics.timelineEntries],
      (rs) => rs.length >= 2 * log.length,
      { settleMs: 3000 },
    );
    const events = records.filter((r) => r.topic === topics.diplomaticEvents);
    const entries = records.filter((r) => r.topic === topics.timelineEntries);
    expect(countById(events)).toEqual(new Map(log.map((e) => [e.id, 1])));
    expect(countById(entries)).toEqual(new Map(log.map((e) => [e.id, 1])));
    expect(new Set(events.map((r) => r.key))).toEqual(new Set(ids));
    expect(keysOutOfOrder(records)).toEqual([]);
    // A 20 s outage, a broker restart and the catch-up: minutes on a loaded 2-core machine.
  }, 300_000);
});
