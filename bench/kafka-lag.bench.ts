/**
 * Kafka lag: from an append to its record reaching a Kafka consumer, at a fixed append rate
 * (500/s, and 150/s for comparison), against the service built in dist/ on PostgreSQL with its
 * relay (and projector) running. Goal: p99 < 100 ms at 500/s.
 *
 * A record's latency is its arrival at the consumer minus the moment the bench sent the append
 * (joined by the aggregate id, which is both the 201's `id` and the record's key). The same
 * minus the 201's arrival, and minus the record's `ce_time` (the service's clock at append),
 * are reported beside it. The consumer has joined its group and fetched once, at the end of the
 * fresh topic, before the load starts. Load is open loop: appends start on schedule whether or
 * not earlier ones have finished, so a saturated service shows up as latency, not as a lower rate
 * of sending.
 *
 * `--via store` appends through PostgresEventStore in the bench process instead of HTTP: on these
 * 2 cores, 500 HTTP appends/s saturate the machine (the 201 alone takes up to seconds), which
 * hides the relay's own share. The service (projector and relay) then sees the appends only
 * through PostgreSQL, and its relay is woken by NOTIFY from another process. Both run by default.
 *
 *   KAFKA_PORT=19492 bash scripts/kafka/up.sh
 *   npm run build && npx tsx bench/kafka-lag.bench.ts [--rates 500,150] [--seconds 30] [--quick] [--via http,store]
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { KafkaConfig } from '@dateline/kafka/kafka-config';
import { topicNames } from '@dateline/kafka/topics';
import { freePort } from '../test/support/service-process';
import { createTempDatabase } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { BENCH_BROKERS, benchKafkaConfig, createTopics, deleteTopics, latencySummary, loadAverage, machineCpu } from './support/kafka';
import { httpAppend, openLoop, storeAppend } from './support/append-load';
import { startService, stop } from './support/service-process';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '500,150' },
    seconds: { type: 'string', default: '30' },
    quick: { type: 'boolean', default: false },
    via: { type: 'string', default: 'http,store' },
  },
});
const RATES = values.rates.split(',').map(Number);
const SECONDS = values.quick ? 10 : Number(values.seconds);
const VIAS = values.via.split(',') as ('http' | 'store')[];

interface Arrival {
  at: number; // performance.now() in this process
  ceLagMs: number; // wall clock now − ce_time
}

/** A consumer of the diplomatic-events topic, in its group and past its first fetch. */
async function consumerAtEnd(config: KafkaConfig, arrivals: Map<string, Arrival>): Promise<Consumer> {
  const kafka = new Kafka({ clientId: 'dateline-bench-consumer', brokers: [...config.brokers], logLevel: logLevel.NOTHING });
  // maxWait only bounds an empty fetch; a fetch returns as soon as one record is there.
  const consumer = kafka.consumer({ groupId: `dateline-bench-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topicNames(config.topicPrefix).diplomaticEvents], fromBeginning: false });
  const joined = new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
  const fetched = new Promise((r) => consumer.on(consumer.events.FETCH, r));
  await consumer.run({
    eachMessage: async ({ message }: { message: KafkaMessage }) => {
      const at = performance.now();
      arrivals.set(message.key!.toString(), { at, ceLagMs: Date.now() - Date.parse(String(message.headers?.ce_time)) });
    },
  });
  await joined;
  await fetched;
  return consumer;
}

async function waitForArrivals(ids: string[], arrivals: Map<string, Arrival>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (ids.some((id) => !arrivals.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

async function measure(via: 'http' | 'store', rate: number) {
  const db = await createTempDatabase('dateline_bench');
  const config = benchKafkaConfig();
  await createTopics(config); // the relay finds them; the consumer can join before the service starts
  const arrivals = new Map<string, Arrival>();
  const consumer = await consumerAtEnd(config, arrivals);
  const port = await freePort();
  const service = await startService(db.url, port, {
    KAFKA_BROKERS: BENCH_BROKERS,
    KAFKA_TOPIC_PREFIX: config.topicPrefix,
    KAFKA_PARTITIONS: String(config.partitions),
  });
  // If the service dies under load, say so in the result, with the end of what it printed.
  let serviceTail = '';
  let serviceExit: string | undefined;
  service.stdout!.on('data', (c: Buffer) => (serviceTail = (serviceTail + c.toString()).slice(-3000)));
  service.on('exit', (code, signal) => (serviceExit = `exited during the run (${code ?? signal})`));
  const sql = via === 'store' ? new PgClient(db.url, 20) : undefined;
  const store = sql ? await PostgresEventStore.create(sql) : undefined;
  try {
    const append = store ? storeAppend(store) : httpAppend(port);
    // Warm-up (JIT, pools, the relay's first batches), then drained, so the measurement starts idle.
    const warm = await openLoop(append, Math.min(rate, 100), 2, 1_000_000);
    await waitForArrivals(
      warm.samples.map((s) => s.id),
      arrivals,
      30_000,
    );

    const cpu = machineCpu();
    const loadBefore = loadAverage();
    const run = await openLoop(append, rate, SECONDS);
    const machineDuringRun = { ...cpu(), loadAverage: { start: loadBefore, end: loadAverage() } };
    await waitForArrivals(
      run.samples.map((s) => s.id),
      arrivals,
      60_000,
    );
    const got = run.samples.filter((s) => arrivals.has(s.id));
    const lastAck = Math.max(...run.samples.map((s) => s.acked));
    return {
      via,
      targetPerSec: rate,
      achievedPerSec: Math.round(run.samples.length / ((lastAck - run.started) / 1000)),
      seconds: SECONDS,
      appended: run.samples.length,
      failures: run.failures,
      failureReasons: run.failureReasons,
      neverConsumed: run.samples.length - got.length,
      maxDispatchDelayMs: +run.maxDispatchDelayMs.toFixed(1),
      latencyFromSendMs: latencySummary(got.map((s) => arrivals.get(s.id)!.at - s.sent)),
      latencyFromAckMs: latencySummary(got.map((s) => arrivals.get(s.id)!.at - s.acked)),
      latencyFromCeTimeMs: latencySummary(got.map((s) => arrivals.get(s.id)!.ceLagMs)),
      appendAckMs: latencySummary(run.samples.map((s) => s.acked - s.sent)),
      machineDuringRun,
      ...(serviceExit ? { service: serviceExit, serviceOutputTail: serviceTail } : {}),
    };
  } finally {
    await store?.close();
    await sql?.close();
    await stop(service);
    await consumer.disconnect();
    await deleteTopics(config);
    await db.drop();
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const results = [];
  for (const via of VIAS) {
    for (const rate of RATES) {
      const r = await measure(via, rate);
      console.error(`  ${via} ${rate}/s: ${JSON.stringify(r)}`);
      results.push(r);
    }
  }
  const report = {
    benchmark: 'kafka-lag',
    date: new Date().toISOString(),
    quick: values.quick,
    service: 'dist/apps/service/src/main.js, roles api,projector,relay, PostgreSQL',
    broker: { brokers: BENCH_BROKERS, version: 'Apache Kafka 4.4.0 (scripts/kafka), single node, KRaft', partitions: 3 },
    loadAverage: { start: loadAtStart, end: loadAverage() },
    machine: await describeMachine('postgres://postgres@127.0.0.1:5432/postgres'),
    results,
  };
  const file = `bench/results/${report.date.slice(0, 10)}-kafka-lag${values.quick ? '-quick' : ''}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');

  console.log(`${SECONDS} s per rate; latency = consumer receive − append sent\n`);
  console.log(
    '| appends via | target appends/s | achieved | failed | p50 | p95 | p99 | max | append ack p50 / p99 | after ack p50 / p99 | machine CPU busy | goal |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const l = r.latencyFromSendMs;
    console.log(
      `| ${r.via} | ${r.targetPerSec} | ${r.achievedPerSec} | ${r.failures} | ${l.p50} ms | ${l.p95} ms | ${l.p99} ms | ${l.max} ms | ${r.appendAckMs.p50} / ${r.appendAckMs.p99} ms | ${r.latencyFromAckMs.p50} / ${r.latencyFromAckMs.p99} ms | ${r.machineDuringRun.busyPct}% | ${r.targetPerSec === 500 ? 'p99 < 100 ms' : ''} |`,
    );
  }
  console.log(`\nload average ${loadAtStart.join(' ')} at start, ${report.loadAverage.end.join(' ')} at end; written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
