/**
 * Projection lag: from the acknowledged append to the read models having committed it, at a
 * steady append rate (default 500/s, and 150/s), against the service built in dist/ running on
 * PostgreSQL. Appends go through the store from this process (`store`: the projector's own lag)
 * and through POST /diplomatic-events (`http`: end to end, with the service also answering).
 *
 * The commit is seen by watching the projections' checkpoint (the position every read model has
 * reached, the same number GET ?minPosition waits for) from one connection of the bench's own,
 * every 2 ms. An earlier version asked GET /timeline/:date?minPosition=… after each append,
 * which doubled the load on the service it measured: at 500/s on 2 cores the reads, not the
 * projector, made the lag.
 *
 *   npm run build && npx tsx bench/lag.bench.ts [--rate 500,150] [--seconds 15] [--via store,http] [--quick]
 */
import { parseArgs } from 'node:util';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { readModelPosition } from '@dateline/projections';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { percentiles } from './support/percentiles';
import { httpAppend, openLoop, storeAppend } from './support/append-load';
import { machineCpu } from './support/cpu-time';
import { startService, stop } from './support/service-process';

/** Goal: lag p99 < 50 ms at 500 appends/s. */
export const LAG_GOALS = { p99Ms: 50, atRate: 500 };
const POLL_MS = 2;

type Via = 'store' | 'http';

export interface LagOptions extends RunOptions {
  rates?: number[];
  seconds?: number;
  /** store: appended through PostgresEventStore in this process (the projector's own lag); http: through the API. */
  vias?: Via[];
}

/** Acknowledged appends waiting for the checkpoint to pass them, oldest position first. */
class Waiting {
  private readonly acked: { position: number; at: number }[] = [];
  readonly lags: number[] = [];

  add(position: number, at: number): void {
    this.acked.push({ position, at });
  }

  /** The checkpoint was seen at `position` at time `seen`: everything at or below it is projected. */
  passed(position: number, seen: number): void {
    let kept = 0;
    for (const a of this.acked) {
      if (a.position <= position) this.lags.push(Math.max(0, seen - a.at));
      else this.acked[kept++] = a;
    }
    this.acked.length = kept;
  }

  get size(): number {
    return this.acked.length;
  }
}

async function measure(via: Via, RATE: number, SECONDS: number) {
  const db = await createTempDatabase('dateline_bench');
  const port = await freePort();
  const service = await startService(db.url, port);
  const watcher = new PgClient(db.url, 1);
  const sql = via === 'store' ? new PgClient(db.url, 20) : undefined;
  const store = sql ? await PostgresEventStore.create(sql) : undefined;
  try {
    const append = store ? storeAppend(store) : httpAppend(port);
    let waiting = new Waiting();
    let polls = 0;
    let watching = true;
    let giveUpAt = Infinity; // after the last append, wait at most 30 s for the projector
    const watch = (async () => {
      while ((watching || waiting.size > 0) && performance.now() < giveUpAt) {
        const position = await readModelPosition(watcher);
        waiting.passed(position, performance.now());
        polls++;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    // Warm-up (JIT, pools), not counted.
    await openLoop(append, Math.min(RATE, 100), 2, 1_000_000, (s) => waiting.add(s.position, s.acked));
    waiting = new Waiting();
    polls = 0;
    const cpu = machineCpu();
    const run = await openLoop(append, RATE, SECONDS, 0, (s) => waiting.add(s.position, s.acked));
    const machineBusyPercent = cpu().busyPct;
    watching = false;
    giveUpAt = performance.now() + 30_000;
    await watch;
    const lastAck = Math.max(...run.samples.map((s) => s.acked));
    return {
      via,
      targetAppendsPerSec: RATE,
      achievedAppendsPerSec: Math.round(run.samples.length / ((lastAck - run.started) / 1000)),
      seconds: SECONDS,
      failures: run.failures,
      failureReasons: run.failureReasons,
      neverProjected: waiting.size,
      checkpointPollMs: POLL_MS,
      checkpointPolls: polls,
      lagMs: percentiles(waiting.lags),
      appendAckMs: percentiles(run.samples.map((s) => s.acked - s.sent)),
      machineBusyPercent,
    };
  } finally {
    await store?.close();
    await sql?.close();
    await watcher.close();
    await stop(service);
    await db.drop();
  }
}

export async function run(options: LagOptions = {}) {
  const log = options.log ?? console.log;
  const rates = options.rates ?? (options.quick ? [500] : [500, 150]);
  // Quick: the projector's own lag only; through HTTP the run is about the machine's saturation.
  const vias = options.vias ?? (options.quick ? ['store'] : ['store', 'http']);
  const seconds = options.seconds ?? (options.quick ? 4 : 15);
  const results = [];
  for (const via of vias) {
    for (const rate of rates) {
      const r = await measure(via, rate, seconds);
      log(
        `via ${via}, ${rate}/s target, ${r.achievedAppendsPerSec}/s achieved: lag p50 ${r.lagMs.p50} ms, p99 ${r.lagMs.p99} ms; append ack p50 ${r.appendAckMs.p50} ms, p99 ${r.appendAckMs.p99} ms; machine ${r.machineBusyPercent}% busy`,
      );
      results.push(r);
    }
  }
  return {
    benchmark: 'projection-lag',
    date: new Date().toISOString(),
    goals: LAG_GOALS,
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    results,
  };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: {
        rate: { type: 'string' },
        seconds: { type: 'string' },
        via: { type: 'string' },
        quick: { type: 'boolean', default: false },
      },
    });
    const report = await run({
      quick: values.quick,
      rates: values.rate?.split(',').map(Number),
      seconds: values.seconds ? Number(values.seconds) : undefined,
      vias: values.via?.split(',') as Via[] | undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-lag${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
