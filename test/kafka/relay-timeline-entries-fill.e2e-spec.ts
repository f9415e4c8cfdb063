import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { topicNames } from '@dateline/kafka';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { diplomaticEvent, story } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil, ConsumedRecord, countById } from '../support/kafka-records';
import { ADMIN_TOKEN, bearer, created, startTestApp, TestApp } from '../support/test-app';

/**
 * Moving to timeline-entries.v2 on a store the relay published before (docs/operations.md): the
 * relay finds the entries topic empty while the event topics hold records, reads the log from
 * its start once, and publishes the entries of every diplomatic event, without sending any event
 * a second time. The missing topic is made by deleting it between two runs of the service.
 */
describe('Kafka relay: filling an empty timeline-entries topic from the start of the log', () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  const topics = topicNames(prefix);
  const env = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix };
  let db: TempDatabase;
  let t: TestApp | undefined;
  let records: ConsumedRecord[];
  const events: string[] = [];

  const caughtUp = async (app: TestApp, position: number) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = (await app.http().get('/admin/status').set(bearer(ADMIN_TOKEN)).expect(200)).body;
      if (status.relay.position >= position) return;
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(status.relay)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    db = await createTempDatabase();
    t = await startTestApp({ databaseUrl: db.url, env });
    const s = await created(t, '/stories', story({ slug: 'fill-story' }));
    let last = s.position;
    for (const title of ['Before the upgrade, one', 'Before the upgrade, two']) {
      const e = await created(t, '/diplomatic-events', diplomaticEvent({ title, storyIds: [s.id] }));
      events.push(e.id);
      last = e.position;
    }
    await caughtUp(t, last);
    await t.close();
    t = undefined;

    // What a store published before timeline-entries.v2 looks like: the event topics, no entries topic.
    const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [topics.timelineEntries] });
      const deadline = Date.now() + 30_000;
      while ((await admin.listTopics()).includes(topics.timelineEntries)) {
        if (Date.now() > deadline) throw new Error(`${topics.timelineEntries} was not deleted`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await admin.disconnect();
    }

    t = await startTestApp({ databaseUrl: db.url, env });
    const after = await created(t, '/diplomatic-events', diplomaticEvent({ title: 'After the upgrade' }));
    events.push(after.id);
    await caughtUp(t, after.position);
    const logged = await t.storage.store.readAll(0, 100);
    records = await consumeUntil(
      brokers,
      [topics.stories, topics.diplomaticEvents, topics.timelineEntries],
      (rs) => rs.length >= logged.length + events.length,
    );
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('publishes the entries of the diplomatic events recorded before, and sends no event twice', async () => {
    const logged = await t!.storage.store.readAll(0, 100);
    const onEventTopics = records.filter((r) => r.topic !== topics.timelineEntries);
    expect([...countById(onEventTopics).entries()].sort()).toEqual(logged.map((e) => [e.id, 1]).sort());
    const entries = records.filter((r) => r.topic === topics.timelineEntries);
    expect(entries.map((r) => r.key).sort()).toEqual([...events].sort());
    for (const r of entries) expect(JSON.parse(r.value!)).toMatchObject({ type: 'diplomatic-event', id: r.key, dating: 'exact-day' });
  });
});
