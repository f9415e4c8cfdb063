/**
 * HTTP append end to end: POST /diplomatic-events (a valid body, an editor token) against the
 * real service built in dist/ on PostgreSQL, and against two baselines of bench/bare-nest, with
 * autocannon (20 connections; 10 s each after a warm-up, in 2 s runs taking turns:
 * support/paired-rounds.ts) in the same run:
 *
 * - the bare Nest route, validating the same body with the service's DTO class and
 *   ValidationPipe settings but storing nothing (goal of issue 19: Dateline ≥ 0.5 × its rate);
 * - the raw-INSERT route, validating the same way and then storing the event with one INSERT
 *   into a table of the event log's shape on the same database: how far Dateline is from what
 *   the database alone allows (its share is reported, no goal).
 *
 *   npm run build && npx nest build bench-bare && npx tsx bench/http-append.bench.ts [--seconds 10] [--connections 20] [--quick]
 */
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { BARE_SCRIPT } from './read.bench';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { LoadTarget, pairedRounds } from './support/paired-rounds';
import { BENCH_EDITOR_TOKEN, startProcess, startService, stop } from './support/service-process';

/** Issue 19: HTTP append at least half the bare route's rate; the raw-INSERT share is reported. */
export const HTTP_APPEND_GOALS = { ratio: 0.5 };

const ROUTE = '/diplomatic-events';
/** The raw-INSERT baseline's route in bench/bare-nest/main.ts. */
const RAW_INSERT_ROUTE = '/raw-insert/diplomatic-events';

/** A realistic diplomatic event (about 600 bytes), valid for the DTO and the domain. */
export const APPEND_BODY = JSON.stringify({
  title: 'Delegations open talks in Geneva',
  kind: 'talks',
  when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit' },
  summary: 'Talks opened at the Palais des Nations after a week of preparation.',
  location: { name: 'Geneva', country: 'CH' },
  participants: [
    { name: 'Alpha delegation', country: 'FR' },
    { name: 'Jane Doe', role: 'Envoy', country: 'DE' },
  ],
  sources: [{ attribution: 'named-source', name: 'Wire service' }],
  cameoCode: '046',
});

export interface HttpAppendOptions extends RunOptions {
  seconds?: number;
  connections?: number;
}

async function check(port: number, path: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_EDITOR_TOKEN}` },
    body: APPEND_BODY,
  });
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
}

export async function run(options: HttpAppendOptions = {}) {
  const log = options.log ?? console.log;
  const seconds = options.seconds ?? (options.quick ? 4 : 10);
  const connections = options.connections ?? 20;
  const warm = Math.max(2, Math.round(seconds / 3));
  const db = await createTempDatabase('dateline_bench');
  const started: ChildProcess[] = [];
  try {
    // Both servers at once, each idle but for its turn; the bare process serves both baselines,
    // the raw INSERT into its own table in Dateline's database: the same server, settings and disk.
    const [port, barePort] = [await freePort(), await freePort()];
    const service = await startService(db.url, port, { DATELINE_LOG_LEVEL: process.env.DATELINE_LOG_LEVEL ?? 'info' });
    started.push(service);
    const bare = await startProcess(BARE_SCRIPT, { PORT: String(barePort), BARE_DATABASE_URL: db.url }, 'bare: listening');
    started.push(bare);
    for (const [p, path] of [
      [port, ROUTE],
      [barePort, ROUTE],
      [barePort, RAW_INSERT_ROUTE],
    ] as const)
      await check(p, path);
    const post = (p: number, path: string, serverPid: number): LoadTarget => ({
      url: `http://127.0.0.1:${p}${path}`,
      serverPid,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_EDITOR_TOKEN}` },
      body: APPEND_BODY,
      connections,
    });
    const targets = {
      dateline: post(port, ROUTE, service.pid!),
      bareNest: post(barePort, ROUTE, bare.pid!),
      rawInsert: post(barePort, RAW_INSERT_ROUTE, bare.pid!),
    };
    await pairedRounds(targets, 1, warm);
    // Short runs in turn (support/paired-rounds.ts): the ratios compare servers, not minutes.
    const rounds = Math.max(2, Math.round(seconds / 2));
    const { dateline, bareNest: peer, rawInsert } = await pairedRounds(targets, rounds, seconds / rounds);
    const ratio = +(dateline.requestsPerSec / peer.requestsPerSec).toFixed(2);
    const ratioToRawInsert = +(dateline.requestsPerSec / rawInsert.requestsPerSec).toFixed(2);
    log(
      `dateline ${dateline.requestsPerSec} req/s (p50 ${dateline.p50Ms} ms, p99 ${dateline.p99Ms} ms), bare ${peer.requestsPerSec} req/s (p99 ${peer.p99Ms} ms), ratio ${ratio}; raw INSERT ${rawInsert.requestsPerSec} req/s (p99 ${rawInsert.p99Ms} ms), ratio ${ratioToRawInsert}`,
    );
    log(
      `CPU µs/request: dateline ${dateline.cpu.serverUs} + PostgreSQL ${dateline.cpu.postgresUs} + autocannon ${dateline.cpu.loadGeneratorUs} (machine ${dateline.cpu.machineBusyPercent}% busy); bare ${peer.cpu.serverUs} + autocannon ${peer.cpu.loadGeneratorUs} (${peer.cpu.machineBusyPercent}%); raw INSERT ${rawInsert.cpu.serverUs} + PostgreSQL ${rawInsert.cpu.postgresUs} + autocannon ${rawInsert.cpu.loadGeneratorUs} (${rawInsert.cpu.machineBusyPercent}%)`,
    );
    return {
      benchmark: 'http-append',
      date: new Date().toISOString(),
      route: 'POST /diplomatic-events',
      bodyBytes: APPEND_BODY.length,
      connections,
      seconds,
      goals: HTTP_APPEND_GOALS,
      dateline,
      bareNest: peer,
      ratio,
      rawInsert,
      ratioToRawInsert,
      machine: await describeMachine(TEST_PG_ADMIN_URL),
    };
  } finally {
    await Promise.all(started.map((p) => stop(p)));
    await db.drop();
  }
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: { seconds: { type: 'string' }, connections: { type: 'string' }, quick: { type: 'boolean', default: false } },
    });
    const report = await run({
      quick: values.quick,
      seconds: values.seconds ? Number(values.seconds) : undefined,
      connections: values.connections ? Number(values.connections) : undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-http-append${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
