/**
 * Relay throughput: the real `Relay` publishing a prepared log against a raw kafkajs producer
 * sending the very same records, with the same producer settings and batch size, to the same
 * broker, in the same run. Rounds alternate (raw first, then relay first) and the median of the
 * rounds is reported. Goal: relay ≥ 0.8 × raw.
 *
 * The raw side gets its records pre-built (CloudEvents headers, timeline entries, partitions),
 * so it measures only kafkajs and the broker. The relay is timed from `start()` to the broker's
 * ack of the last event: connecting, the tail check, reading the log, building the records and
 * checkpointing each batch all count. Topics are created before the clock on both sides.
 * Beside the rates it reports this process's CPU time per event on each side: both sides are
 * bound by one Node thread, and CPU time is far less disturbed than a rate by whatever else runs
 * on a shared machine.
 *
 *   KAFKA_PORT=19492 bash scripts/kafka/up.sh
 *   npx tsx bench/relay.bench.ts [--sizes 50000,200000] [--batches 500,2000] [--rounds 3] [--quick]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CompressionTypes, Message, TopicMessages } from 'kafkajs';
import { PgClient, PostgresEventStore, RecordedEvent } from '@dateline/event-store';
import { toEventMessage } from '@dateline/kafka/cloud-event-message';
import { KafkaConfig } from '@dateline/kafka/kafka-config';
import { KeyPartitioning } from '@dateline/kafka/partitioning';
import { Relay } from '@dateline/kafka/relay';
import { ensureRelayCheckpoint, saveRelayCheckpoint } from '@dateline/kafka/relay-checkpoint';
import { toTimelineEntryMessage } from '@dateline/kafka/timeline-entry-message';
import { TimelineEntryTracker } from '@dateline/kafka/timeline-entry-tracker';
import { allTopics, Topics, topicNames } from '@dateline/kafka/topics';
import { createTempDatabase } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { BENCH_BROKERS, benchKafkaConfig, createTopics, deleteTopics, loadAverage, median, relayLikeKafka } from './support/kafka';
import { fillSyntheticLog } from './support/synthetic-log';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50000,200000' },
    batches: { type: 'string', default: '500,2000' },
    rounds: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
  },
});
const SIZES = values.quick ? [20_000] : values.sizes.split(',').map(Number);
const BATCHES = values.batches.split(',').map(Number);
const ROUNDS = Number(values.rounds);

/** A record with its topic by role, so the same records can go to each run's fresh topics. */
type Role = keyof Topics;
interface Prepared {
  role: Role;
  message: Message;
}

/** Every event's records, exactly as the relay builds them (tracker included), in log order. */
async function prepare(store: PostgresEventStore, events: RecordedEvent[], partitions: number): Promise<Prepared[][]> {
  const template = topicNames('template.');
  const roleOf = new Map(Object.entries(template).map(([role, topic]) => [topic, role as Role]));
  const partitioning = new KeyPartitioning(new Map(allTopics(template).map((t) => [t, partitions])));
  const tracker = new TimelineEntryTracker(store);
  const out: Prepared[][] = [];
  for (const event of events) {
    const records = [toEventMessage(event, template)];
    for (const change of await tracker.changes(event)) records.push(toTimelineEntryMessage(event, change.entryId, change.entry, template));
    out.push(
      records.map((m) => ({
        role: roleOf.get(m.topic)!,
        message: { key: m.key, value: m.value, headers: m.headers, partition: partitioning.partitionFor(m.topic, m.key) },
      })),
    );
  }
  return out;
}

/** The relay's grouping: per batch of events, one sendBatch with the records by topic. */
function batchesFor(prepared: Prepared[][], batchSize: number, topics: Topics): TopicMessages[][] {
  const batches: TopicMessages[][] = [];
  for (let i = 0; i < prepared.length; i += batchSize) {
    const byTopic = new Map<string, Message[]>();
    for (const records of prepared.slice(i, i + batchSize)) {
      for (const { role, message } of records) {
        const list = byTopic.get(topics[role]) ?? [];
        list.push(message);
        byTopic.set(topics[role], list);
      }
    }
    batches.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  return batches;
}

/** CPU seconds of this process (all threads) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

async function runRaw(config: KafkaConfig, prepared: Prepared[][]): Promise<{ seconds: number; cpuSeconds: number; messages: number }> {
  const batches = batchesFor(prepared, config.batchSize, topicNames(config.topicPrefix));
  const messages = batches.flat().reduce((n, t) => n + t.messages.length, 0);
  const producer = relayLikeKafka(config).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const topicMessages of batches) await producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  await producer.disconnect();
  return { seconds, cpuSeconds, messages };
}

async function runRelay(
  store: PostgresEventStore,
  sql: PgClient,
  config: KafkaConfig,
  head: number,
): Promise<{ seconds: number; cpuSeconds: number; messages: number; startupMs: number }> {
  let startupMs = NaN;
  const started = performance.now();
  const cpu = process.cpuUsage();
  // The relay logs this once it is connected and has checked the tails: its fixed start-up cost.
  const relay = new Relay(store, sql, config, {
    name: `bench-${config.topicPrefix}`,
    log: (_, m) => m.includes('publishing from') && (startupMs = performance.now() - started),
  });
  await relay.start();
  if (!(await relay.waitFor(head, 600_000))) throw new Error(`relay did not reach ${head}: ${JSON.stringify(relay.status)}`);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  const messages = relay.status.published;
  await relay.stop();
  return { seconds, cpuSeconds, messages, startupMs: Math.round(startupMs) };
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const results = [];
  let machine: Record<string, unknown> = {};
  for (const size of SIZES) {
    const db = await createTempDatabase('dateline_bench');
    const sql = new PgClient(db.url, 4);
    const store = await PostgresEventStore.create(sql);
    try {
      await fillSyntheticLog(sql, size);
      await sql.query('VACUUM ANALYZE dateline_events');
      machine = await describeMachine(db.url);
      const head = await store.headPosition();
      // The relay's own work, timed apart from Kafka (outside the clock), to say where its time goes.
      let t = performance.now();
      const events: RecordedEvent[] = [];
      for (let batch; (batch = await store.readAll(events.at(-1)?.position ?? 0, 500)).length > 0;) events.push(...batch);
      const readEventsPerSec = Math.round(size / ((performance.now() - t) / 1000));
      t = performance.now();
      const prepared = await prepare(store, events, 3);
      const buildEventsPerSec = Math.round(size / ((performance.now() - t) / 1000));
      await ensureRelayCheckpoint(sql, 'bench-probe');
      t = performance.now();
      for (let i = 1; i <= 100; i++) await saveRelayCheckpoint(sql, 'bench-probe', i);
      const checkpointMs = +((performance.now() - t) / 100).toFixed(2);
      console.error(
        `  ${size} events: read ${readEventsPerSec}/s in 500-event pages, records built ${buildEventsPerSec}/s, checkpoint ${checkpointMs} ms`,
      );
      const diplomatic = events.filter((e) => e.streamId.startsWith('diplomatic-event-')).length;

      for (const batchSize of BATCHES) {
        const rounds: Record<'raw' | 'relay', number[]> = { raw: [], relay: [] };
        // CPU time of this process per event: what each side costs, whatever else runs on the machine.
        const cpuUsPerEvent: Record<'raw' | 'relay', number[]> = { raw: [], relay: [] };
        const startupMs: number[] = [];
        const messages = { raw: 0, relay: 0 };
        for (let round = 0; round < ROUNDS; round++) {
          const order: ('raw' | 'relay')[] = round % 2 === 0 ? ['raw', 'relay'] : ['relay', 'raw'];
          for (const side of order) {
            const config = benchKafkaConfig(batchSize);
            await createTopics(config);
            if (side === 'raw') {
              const r = await runRaw(config, prepared);
              rounds.raw.push(Math.round(size / r.seconds));
              cpuUsPerEvent.raw.push(Math.round((r.cpuSeconds * 1e6) / size));
              messages.raw = r.messages;
            } else {
              const r = await runRelay(store, sql, config, head);
              rounds.relay.push(Math.round(size / r.seconds));
              cpuUsPerEvent.relay.push(Math.round((r.cpuSeconds * 1e6) / size));
              startupMs.push(r.startupMs);
              messages.relay = r.messages;
            }
            await deleteTopics(config);
          }
          console.error(
            `  ${size} events, batch ${batchSize}, round ${round + 1}: raw ${rounds.raw.at(-1)}/s (${cpuUsPerEvent.raw.at(-1)} µs CPU/event), relay ${rounds.relay.at(-1)}/s (${cpuUsPerEvent.relay.at(-1)} µs), load ${loadAverage()[0]}`,
          );
        }
        // Both sides must have sent the same records, or the comparison means nothing.
        if (messages.raw !== messages.relay) throw new Error(`raw sent ${messages.raw} records, the relay ${messages.relay}`);
        const raw = median(rounds.raw);
        const relay = median(rounds.relay);
        results.push({
          events: size,
          diplomaticEvents: diplomatic,
          readEventsPerSec,
          buildEventsPerSec,
          checkpointMs,
          records: messages.raw,
          batchSize,
          rawEventsPerSec: raw,
          relayEventsPerSec: relay,
          ratio: +(relay / raw).toFixed(2),
          rawCpuUsPerEvent: median(cpuUsPerEvent.raw),
          relayCpuUsPerEvent: median(cpuUsPerEvent.relay),
          cpuRatio: +(median(cpuUsPerEvent.raw) / median(cpuUsPerEvent.relay)).toFixed(2),
          relayStartupMs: startupMs,
          rounds,
          cpuUsPerEvent,
        });
      }
    } finally {
      await store.close();
      await sql.close();
      await db.drop();
    }
  }
  const report = {
    benchmark: 'relay',
    date: new Date().toISOString(),
    quick: values.quick,
    broker: { brokers: BENCH_BROKERS, version: 'Apache Kafka 4.4.0 (scripts/kafka), single node, KRaft', partitions: 3 },
    producer: { idempotent: true, maxInFlightRequests: 1, acks: -1, compression: 'none' },
    rounds: ROUNDS,
    loadAverage: { start: loadAtStart, end: loadAverage() },
    machine,
    results,
  };
  const file = `bench/results/${report.date.slice(0, 10)}-relay${values.quick ? '-quick' : ''}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');

  console.log(
    '| events | batch size | records | raw events/s | relay events/s | ratio | goal | raw CPU µs/event | relay CPU µs/event | CPU ratio |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.events.toLocaleString('en')} | ${r.batchSize} | ${r.records.toLocaleString('en')} | ${r.rawEventsPerSec.toLocaleString('en')} | ${r.relayEventsPerSec.toLocaleString('en')} | ${r.ratio} | 0.8 | ${r.rawCpuUsPerEvent} | ${r.relayCpuUsPerEvent} | ${r.cpuRatio} |`,
    );
  }
  console.log(`\nload average ${loadAtStart.join(' ')} at start, ${report.loadAverage.end.join(' ')} at end; written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
