/**
 * Projection lag: from the acknowledged append (the 201) to the entry being visible on
 * GET /timeline/:date, at a steady append rate (default 500/s), against the service built in
 * dist/ running on PostgreSQL. Visibility is asked with minPosition, which answers as soon as
 * the projector has committed that position; a plain GET's latency is measured alongside, so
 * the lag can be read net of the HTTP round trip.
 *
 *   npm run build && npx tsx bench/lag.bench.ts [--rate 500] [--seconds 20]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTempDatabase } from '../test/support/temp-database';
import { describeMachine } from './machine';
import { percentiles } from './support/percentiles';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '500' }, seconds: { type: 'string', default: '20' } } });
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const PORT = 3911;
const base = `http://127.0.0.1:${PORT}`;

async function main(): Promise<void> {
  const db = await createTempDatabase('dateline_bench');
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
    const report = {
      benchmark: 'projection-lag',
      date: new Date().toISOString(),
      targetAppendsPerSec: RATE,
      achievedAppendsPerSec: Math.round(achieved),
      seconds: SECONDS,
      failures,
      lagMs: percentiles(lags),
      plainTimelineReadMs: percentiles(plainReads),
      appendAckMs: percentiles(appendLatencies),
      machine: await describeMachine(db.url),
    };
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-lag-${RATE}.json`;
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`written to ${file}`);
  } finally {
    await stop(service);
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
