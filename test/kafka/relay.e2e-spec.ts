import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage } from 'cloudevents';
import { DatelineEventType, EVENT_CATALOGUE } from '@dateline/domain';
import { topicNames } from '@dateline/kafka';
import { asyncApiDocument } from '@dateline/kafka/asyncapi/asyncapi-document';
import { createRecordValidator } from '@dateline/kafka/asyncapi/record-validator';
import type { RecordedEvent } from '@dateline/event-store';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { ConsumedRecord, consumeUntil, countById } from '../support/kafka-records';
import { ADMIN_TOKEN, bearer, created, startTestApp, TestApp } from '../support/test-app';

/** The relay in the real service, on PGlite, publishing to the real broker. */
describe('Kafka relay', () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  const topics = topicNames(prefix);
  let t: TestApp;
  let log: RecordedEvent[];
  let records: ConsumedRecord[];
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => created(t, path, body);

  beforeAll(async () => {
    t = await startTestApp({ env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' } });
    const s = await post('/stories', story({ slug: 'relay-story' }));
    await post(`/stories/${s.id}/revisions`, { expectedRevision: 1, body: 'Second body.', changeNote: 'more' });
    await post(`/stories/${s.id}/revisions`, {
      expectedRevision: 2,
      headline: 'Corrected headline',
      changeNote: 'fix',
      kind: 'correction',
    });
    const amended = await post('/diplomatic-events', diplomaticEvent({ title: 'First title' }));
    await post(`/diplomatic-events/${amended.id}/amendments`, { expectedVersion: 1, changes: { title: 'Second title' }, reason: 'typo' });
    await post(`/diplomatic-events/${amended.id}/amendments`, {
      expectedVersion: 2,
      changes: { summary: null, when: onDay('2024-03-06') },
      reason: 'date moved',
    });
    const retracted = await post('/diplomatic-events', diplomaticEvent({ title: 'Will be retracted' }));
    const last = await post(`/diplomatic-events/${retracted.id}/retraction`, { expectedVersion: 1, reason: 'did not happen' });
    const plain = await post('/diplomatic-events', diplomaticEvent({ title: 'Stays as it is', storyIds: [s.id] }));
    Object.assign(ids, { story: s.id, amended: amended.id, retracted: retracted.id, plain: plain.id });

    // Each write is acknowledged: the relay reports its position through the admin status.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = (await t.http().get('/admin/status').set(bearer(ADMIN_TOKEN)).expect(200)).body;
      if (status.relay.position >= plain.position && status.relay.position >= last.position) break;
      if (Date.now() > deadline) throw new Error(`relay did not catch up: ${JSON.stringify(status.relay)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    log = await t.storage.store.readAll(0, 1000);
    const diplomatic = log.filter((e) => e.streamId.startsWith('diplomatic-event-')).length;
    records = await consumeUntil(
      brokers,
      [topics.stories, topics.diplomaticEvents, topics.timelineEntries],
      (rs) => rs.length >= log.length + diplomatic,
    );
  });
  afterAll(async () => t?.close());

  const onTopic = (topic: string) => records.filter((r) => r.topic === topic);

  it('publishes every logged event exactly once to its category topic, counted by ce_id', () => {
    const events = [...onTopic(topics.stories), ...onTopic(topics.diplomaticEvents)];
    const counts = countById(events);
    expect(log).toHaveLength(9);
    expect([...counts.keys()].sort()).toEqual(log.map((e) => e.id).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(onTopic(topics.stories).map((r) => r.headers.ce_type)).toEqual([
      'dateline.StoryCreated.v1',
      'dateline.StoryRevised.v1',
      'dateline.StoryRevised.v1',
    ]);
  });

  it('keys each record by its aggregate id and keeps the order per key', () => {
    for (const r of records) expect(r.key).toMatch(/^[0-9a-f-]{36}$/);
    const byKey = new Map<string, number[]>();
    for (const r of onTopic(topics.diplomaticEvents)) byKey.set(r.key!, [...(byKey.get(r.key!) ?? []), Number(r.headers.dateline_version)]);
    expect(byKey.get(ids.amended)).toEqual([1, 2, 3]);
    expect(byKey.get(ids.retracted)).toEqual([1, 2]);
    // One key, one partition.
    for (const key of byKey.keys())
      expect(
        new Set(
          onTopic(topics.diplomaticEvents)
            .filter((r) => r.key === key)
            .map((r) => r.partition),
        ).size,
      ).toBe(1);
  });

  it('carries CloudEvents binary headers and the log position, matching the logged event', () => {
    for (const r of [...onTopic(topics.stories), ...onTopic(topics.diplomaticEvents)]) {
      const logged = log.find((e) => e.id === r.headers.ce_id)!;
      expect(r.headers).toMatchObject({
        ce_specversion: '1.0',
        // The version of the data as published (issue 16: recorded and amended facts at v2).
        ce_type: `dateline.${logged.type}.v${EVENT_CATALOGUE[logged.type as DatelineEventType].version}`,
        ce_subject: r.key,
        ce_time: logged.metadata.recordedAt,
        ce_editor: 'alice',
        'content-type': 'application/json',
        dateline_position: String(logged.position),
        dateline_version: String(logged.streamVersion),
      });
      expect(r.headers.ce_source).toBe(logged.streamId.startsWith('story-') ? '/dateline/stories' : '/dateline/diplomatic-events');
      expect(JSON.parse(r.value!)).toEqual(logged.data);
    }
  });

  it('decodes every record into a valid CloudEvent with the SDK, as a downstream consumer would', () => {
    for (const r of records.filter((x) => x.value !== null)) {
      const message: KafkaMessage<string> = { key: r.key ?? '', value: r.value!, body: r.value!, headers: r.headers, timestamp: undefined };
      const event = CloudEventsKafka.toEvent(message) as CloudEvent<unknown>;
      expect(event.validate()).toBe(true);
      expect(event.id).toBe(r.headers.ce_id);
      expect(event.data).toEqual(JSON.parse(r.value!));
    }
  });

  it('timeline-entries.v2 holds the current entry per key, placed, and a tombstone after a retraction', async () => {
    const entries = onTopic(topics.timelineEntries);
    const lastPerKey = new Map(entries.map((r) => [r.key!, r]));
    expect(lastPerKey.get(ids.retracted)!.value).toBeNull();
    expect(lastPerKey.get(ids.retracted)!.headers.ce_type).toBe('dateline.TimelineEntryRemoved.v2');
    for (const key of [ids.amended, ids.plain]) {
      const current = (await t.http().get(`/diplomatic-events/${key}`).expect(200)).body;
      const entry = JSON.parse(lastPerKey.get(key)!.value!);
      expect(entry).toMatchObject({
        type: 'diplomatic-event',
        id: key,
        version: current.version,
        title: current.title,
        when: current.when,
        // A fact dated to the day sits on that day, under its own heading.
        date: current.when.on,
        heading: { kind: 'day', day: current.when.on },
        dating: 'exact-day',
        publishedAt: current.updatedAt,
      });
    }
    const amended = JSON.parse(lastPerKey.get(ids.amended)!.value!);
    expect(amended).toMatchObject({ title: 'Second title', when: onDay('2024-03-06'), date: '2024-03-06' });
    expect(amended.summary).toBeUndefined();
    // The amendment's date has no time: none is left over from the first version.
    expect(amended.when.at).toBeUndefined();
    // The entry has the v2 fields: attributed sources, no v1 date fields.
    expect(amended.occurredOn).toBeUndefined();
    expect(amended.sources).toEqual([
      { attribution: 'named-source', name: 'Wire service' },
      { attribution: 'reportedly', name: 'Local paper', wording: 'reportedly' },
    ]);
    // One record per diplomatic event, each with its own ce_id.
    expect([...countById(entries).values()].every((n) => n === 1)).toBe(true);
    expect(entries).toHaveLength(log.filter((e) => e.streamId.startsWith('diplomatic-event-')).length);
  });

  it('sends only records that docs/asyncapi.yaml describes: topic, key, headers and payload', () => {
    const validate = createRecordValidator(asyncApiDocument(prefix));
    const problems = records.flatMap((r) => validate(r).map((p) => `${r.topic}[${r.partition}]@${r.offset}: ${p}`));
    expect(records.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('creates its topics with the configured partitions, the entries topic compacted', async () => {
    const { Kafka, ConfigResourceTypes } = await import('kafkajs');
    const admin = new Kafka({ brokers: brokers.split(','), logLevel: 0 }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: [topics.stories, topics.diplomaticEvents, topics.timelineEntries] });
      expect(meta.topics.map((m) => m.partitions.length)).toEqual([3, 3, 3]);
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topics.timelineEntries, configNames: ['cleanup.policy'] }],
      });
      expect(configs.resources[0].configEntries[0].configValue).toBe('compact');
    } finally {
      await admin.disconnect();
    }
  });
});
