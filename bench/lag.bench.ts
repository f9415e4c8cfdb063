/**
 * Projection lag: from the acknowledged append (the 201) to the entry being visible on
 * GET /timeline/:date, at a steady append rate (default 500/s, and 150/s), against the service
 * built in dist/ running on PostgreSQL. Visibility is asked with minPosition, which answers as
 * soon as the projector has committed that position; a plain GET's latency is measured
 * alongside, so the lag can be read net of the HTTP round trip.
 *
 *   npm run build && npx tsx bench/lag.bench.ts [--rate 500,150] [--seconds 15] [--quick]
 */
import { parseArgs } from 'node:util';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '../test/support/temp-database';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { percentiles } from './support/percentiles';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';

/** Goal: lag p99 < 50 ms at 500 appends/s. */
export const LAG_GOALS = { p99Ms: 50, atRate: 500 };

export interface LagOptions extends RunOptions {
  rates?: number[];
  seconds?: number;
}

async function measure(RATE: number, SECONDS: number) {
  const db = await createTempDatabase('dateline_bench');
  const PORT = await freePort();
  const base = `http://127.0.0.1:${PORT}`;
  const service = await startService(db.url, PORT);
  try {
    const lags: number[] = [];
    const plainReads: number[] = [];
    const appendLatencies: number[] = [];
    let failures = 0;
    // Each probe gets a date of its own among 3,000, so a day's answer stays small.
    const dateOf = (i: number) => new Date(Date.UTC(2000, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    const one = async (i: number) => {
      const date = dateOf(i);
      const sent = performance.now();
      const res = await fetch(`${base}/diplomatic-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_EDITOR_TOKEN}` },
        body: JSON.stringify({ title: `Lag probe ${i}`, kind: 'meeting', occurredOn: date, participants: [{ name: 'Probe', country: 'UA' }] }),
      });
      const acked = performance.now();
      if (res.status !== 201) return void failures++;
      appendLatencies.push(acked - sent);
      const { id, position } = (await res.json()) as { id: string; position: number };
      const read = await fetch(`${base}/timeline/${date}?minPosition=${position}`);
      const day = (await read.json()) as { entries: { id: string }[] };
      if (!day.entries.some((e) => e.id === id)) failures++;
      lags.push(performance.now() - acked);
      if (i % 10 === 0) {
        const t = performance.now();
        await (await fetch(`${base}/timeline/${date}`)).arrayBuffer();
        plainReads.push(performance.now() - t);
      }
    };
    // Open loop: requests start on schedule whether or not earlier ones have finished.
    const pending: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(one(i).catch(() => void failures++));
    }
    await Promise.all(pending);
    const achieved = (RATE * SECONDS) / ((performance.now() - started) / 1000);
    return {
      targetAppendsPerSec: RATE,
      achievedAppendsPerSec: Math.round(achieved),
      seconds: SECONDS,
      failures,
      lagMs: percentiles(lags),
      plainTimelineReadMs: percentiles(plainReads),
      appendAckMs: percentiles(appendLatencies),
    };
  } finally {
    await stop(service);
    await db.drop();
  }
}

export async function run(options: LagOptions = {}) {
  const log = options.log ?? console.log;
  const rates = options.rates ?? (options.quick ? [500] : [500, 150]);
  const seconds = options.seconds ?? (options.quick ? 4 : 15);
  const results = [];
  for (const rate of rates) {
    const r = await measure(rate, seconds);
    log(`${rate}/s target, ${r.achievedAppendsPerSec}/s achieved: lag p50 ${r.lagMs.p50} ms, p99 ${r.lagMs.p99} ms, append ack p50 ${r.appendAckMs.p50} ms`);
    results.push(r);
  }
  return { benchmark: 'projection-lag', date: new Date().toISOString(), goals: LAG_GOALS, machine: await describeMachine(TEST_PG_ADMIN_URL), results };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, quick: { type: 'boolean', default: false } } });
    const report = await run({ quick: values.quick, rates: values.rate?.split(',').map(Number), seconds: values.seconds ? Number(values.seconds) : undefined });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-lag${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
