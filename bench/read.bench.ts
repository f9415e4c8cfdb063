/**
 * GET /timeline/:date throughput and latency with N events in the store (100k and 1M), against
 * a bare Nest route on the same platform (Fastify) answering the same body, and against a bare
 * route reading the same page with one SELECT (the raw limit of an uncached read), in the same run,
 * with autocannon (10 connections, 10 s each after a warm-up, in 2 s runs taking turns:
 * support/paired-rounds.ts), and the service's p99 at a steady
 * 200 requests/s in an open loop (support/steady-rate.ts). Then a crowded day: 10,000 events
 * over 7 days, about 1,100 entries on the day read, of which the answer is the first page (100),
 * as a new operator's first try on PostgreSQL found it (issue 19).
 *
 *   npm run build && npx nest build bench-bare && npx tsx bench/read.bench.ts [--events 100000,1000000] [--seconds 10] [--quick]
 */
import { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PgClient } from '@dateline/event-store';
import { TIMELINE_ENTRIES } from '@dateline/projections';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { quietMachine } from './support/cpu-time';
import { pairedRounds, RoundsResult } from './support/paired-rounds';
import { projectedSyntheticLog } from './support/projected-log';
import { startProcess, startService, stop } from './support/service-process';
import { steadyRate } from './support/steady-rate';

export const BARE_SCRIPT = 'dist/bench/bare-nest/main.js';
/** Goals: p99 < 10 ms at 1M events; throughput ≥ 0.7 × the bare route; a crowded day's first page ≥ 0.5 of it. */
export const READ_GOALS = { p99Ms: 10, atEvents: 1_000_000, ratio: 0.7, crowdedDayFirstPageRatio: 0.5 };
/** The crowded day: events and the days they spread over (synthetic-log.ts puts about 0.77 × events / days entries on a day). */
const CROWDED = { events: 10_000, days: 7 };
/** Requests/s of the steady-rate latency run. */
const LATENCY_RATE = 200;

export interface ReadOptions extends RunOptions {
  sizes?: number[];
  seconds?: number;
  /** Awaited after the (unmeasured) setup, before the first request: run.ts starts its broker meanwhile. */
  beforeMeasure?: () => Promise<unknown>;
}

/** Closed loop: as fast as 10 connections go, `seconds` long; `headers` sent with every request (the search and embed benchmarks). */
export async function load(url: string, seconds: number, serverPid: number, headers?: Record<string, string>): Promise<RoundsResult> {
  return (await pairedRounds({ run: { url, serverPid, ...(headers ? { headers } : {}) } }, 1, seconds)).run;
}

async function measure(events: number, seconds: number, log: (l: string) => void, beforeMeasure?: () => Promise<unknown>, days?: number) {
  const db = await createTempDatabase('dateline_bench');
  const sql = new PgClient(db.url, 4);
  const started: ChildProcess[] = [];
  try {
    const { sampleDate } = await projectedSyntheticLog(sql, events, log, days);
    const path = `/timeline/${sampleDate}`;
    // Every server at once, each idle but for its turn: the service as shipped (answers cached
    // until the read models move), the service with the cache off (every request reads the
    // tables, as the first read after each write does), and the bare routes.
    const [cachedPort, uncachedPort, barePort] = [await freePort(), await freePort(), await freePort()];
    const cached = await startService(db.url, cachedPort);
    started.push(cached);
    const uncached = await startService(db.url, uncachedPort, { DATELINE_READ_CACHE_ENTRIES: '0' });
    started.push(uncached);
    const first = await fetch(`http://127.0.0.1:${cachedPort}${path}`);
    const body = await first.text();
    const etag = first.headers.get('etag');
    if (!etag) throw new Error(`GET ${path} sent no ETag: the 304 run needs one`);
    const bodyFile = join(tmpdir(), `dateline-bare-body-${process.pid}.json`);
    writeFileSync(bodyFile, body);
    const bare = await startProcess(
      BARE_SCRIPT,
      { BARE_BODY_FILE: bodyFile, PORT: String(barePort), BARE_DATABASE_URL: db.url },
      'bare: listening',
    );
    started.push(bare);
    // The second baseline: the same first page read by one prepared SELECT of the stored
    // entries, nothing else (bench/bare-nest/main.ts): the raw limit of an uncached read.
    const rawPath = `/raw-select${path}`;
    const rawEntries = ((await (await fetch(`http://127.0.0.1:${barePort}${rawPath}`)).json()) as { entries: unknown[] }).entries.length;
    const at = (port: number, p = path) => `http://127.0.0.1:${port}${p}`;
    const targets = {
      dateline: { url: at(cachedPort), serverPid: cached.pid! },
      datelineUncached: { url: at(uncachedPort), serverPid: uncached.pid! },
      bareNest: { url: at(barePort), serverPid: bare.pid! },
      rawSelect: { url: at(barePort, rawPath), serverPid: bare.pid! },
      rawSelectPlanned: { url: at(barePort, `/raw-select-planned${path}`), serverPid: bare.pid! },
      // A cache in front revalidating: If-None-Match with the answer's ETag, 304 while nothing moves (issue 19).
      notModified: { url: at(cachedPort), serverPid: cached.pid!, headers: { 'if-none-match': etag } },
    };

    if (beforeMeasure) await beforeMeasure();
    // Also after the size before it: its database's drop and PostgreSQL's checkpoint follow it.
    const quiet = await quietMachine();
    log(`waited ${quiet.waitedSeconds} s for a quiet machine (last second ${quiet.busyPct}% busy)`);
    await pairedRounds(targets, 1, Math.max(2, Math.round(seconds / 3)));
    // Short runs in turn (support/paired-rounds.ts): the ratios compare servers, not minutes.
    const rounds = Math.max(2, Math.round(seconds / 2));
    const measured = await pairedRounds(targets, rounds, seconds / rounds);
    // Latency at a steady, moderate rate, in an open loop (support/steady-rate.ts): at full
    // speed p99 is mostly queueing behind the other 9 connections, which says more about
    // throughput than about a reader's wait.
    const dateline = { ...measured.dateline, atRate: await steadyRate(cachedPort, path, LATENCY_RATE, seconds) };
    const datelineUncached = { ...measured.datelineUncached, atRate: await steadyRate(uncachedPort, path, LATENCY_RATE, seconds) };
    const peer = measured.bareNest;
    // The raw limit: the faster of the prepared SELECT and the one planned each time (bench/bare-nest/main.ts).
    const [prepared, planned] = [measured.rawSelect, measured.rawSelectPlanned];
    const preparedFaster = prepared.requestsPerSec >= planned.requestsPerSec;
    const rawSelect = {
      entriesInAnswer: rawEntries,
      plan: preparedFaster ? 'prepared' : 'planned each time',
      ...(preparedFaster ? prepared : planned),
      plans: { preparedRequestsPerSec: prepared.requestsPerSec, plannedEachTimeRequestsPerSec: planned.requestsPerSec },
    };
    const entries = (JSON.parse(body) as { entries: unknown[] }).entries.length;

    const ratio = (r: { requestsPerSec: number }) => +(r.requestsPerSec / peer.requestsPerSec).toFixed(2);
    // Round by round, the ratios' spread: how much of a difference between runs is the host.
    const roundRatios = (r: { rounds: number[] }) => r.rounds.map((x, i) => +(x / peer.rounds[i]).toFixed(2));
    // A 304 has no body: the bare route's full answer is the stricter baseline, as the goal asks.
    const notModified = {
      ...measured.notModified,
      throughputRatio: ratio(measured.notModified),
      roundRatios: roundRatios(measured.notModified),
    };
    const r = {
      events,
      ...(days ? { days } : {}),
      route: `GET ${path}`,
      entriesInAnswer: entries,
      answerBytes: body.length,
      seconds,
      dateline,
      datelineUncached,
      bareNest: peer,
      rawSelect,
      throughputRatio: ratio(dateline),
      uncachedThroughputRatio: ratio(datelineUncached),
      uncachedRoundRatios: roundRatios(datelineUncached),
      uncachedToRawSelectRatio: +(datelineUncached.requestsPerSec / rawSelect.requestsPerSec).toFixed(2),
      rawSelectThroughputRatio: ratio(rawSelect),
      notModified,
    };
    if (days) {
      const onDay = await sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${TIMELINE_ENTRIES.name} WHERE day = $1 AND recorded_to IS NULL`,
        [sampleDate],
      );
      Object.assign(r, { entriesOnDay: Number(onDay.rows[0].n) });
    }
    log(
      `${events} events${days ? ` over ${days} days` : ''}: dateline ${dateline.requestsPerSec} req/s p99 ${dateline.p99Ms} ms (cache off: ${datelineUncached.requestsPerSec} req/s p99 ${datelineUncached.p99Ms} ms), bare ${peer.requestsPerSec} req/s p99 ${peer.p99Ms} ms, ratios ${r.throughputRatio} and ${r.uncachedThroughputRatio} (cache off round by round ${r.uncachedRoundRatios.join(', ')})`,
    );
    log(
      `If-None-Match: ${notModified.requestsPerSec} req/s (autocannon counts each 304 as non-2xx: ${notModified.non2xx} of them), p99 ${notModified.p99Ms} ms, ratio ${notModified.throughputRatio} (round by round ${notModified.roundRatios.join(', ')})`,
    );
    log(
      `raw SELECT route (${rawSelect.plan}; prepared ${prepared.requestsPerSec}, planned each time ${planned.requestsPerSec} req/s): ${rawSelect.requestsPerSec} req/s p99 ${rawSelect.p99Ms} ms (${r.rawSelectThroughputRatio} of the bare route); Dateline cache off ÷ raw SELECT ${r.uncachedToRawSelectRatio}`,
    );
    log(
      `at ${LATENCY_RATE} req/s: p50/p99 cached ${dateline.atRate.p50Ms}/${dateline.atRate.p99Ms} ms, cache off ${datelineUncached.atRate.p50Ms}/${datelineUncached.atRate.p99Ms} ms (${dateline.atRate.notOk + datelineUncached.atRate.notOk} not 200)`,
    );
    const cpu = (x: typeof peer) =>
      `${x.cpu.serverUs} + PostgreSQL ${x.cpu.postgresUs} + autocannon ${x.cpu.loadGeneratorUs} (machine ${x.cpu.machineBusyPercent}% busy)`;
    log(`CPU µs/request: dateline ${cpu(dateline)}; cache off ${cpu(datelineUncached)}; bare ${cpu(peer)}`);
    return r;
  } finally {
    await Promise.all(started.map((p) => stop(p)));
    await sql.close();
    await db.drop();
  }
}

export async function run(options: ReadOptions = {}) {
  const log = options.log ?? console.log;
  const sizes = options.sizes ?? (options.quick ? [100_000] : [100_000, 1_000_000]);
  const seconds = options.seconds ?? (options.quick ? 4 : 10);
  const results = [];
  for (const events of sizes) results.push(await measure(events, seconds, log, options.beforeMeasure));
  const crowdedDay = await measure(CROWDED.events, seconds, log, undefined, CROWDED.days);
  return {
    benchmark: 'timeline-read',
    date: new Date().toISOString(),
    connections: 10,
    goals: READ_GOALS,
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    results,
    crowdedDay,
  };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: { events: { type: 'string' }, seconds: { type: 'string' }, quick: { type: 'boolean', default: false } },
    });
    const report = await run({
      quick: values.quick,
      sizes: values.events?.split(',').map(Number),
      seconds: values.seconds ? Number(values.seconds) : undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-read${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
