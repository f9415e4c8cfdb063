/**
 * GET /search with N events in the store (100k), uncached (DATELINE_READ_CACHE_ENTRIES=0: every
 * request reads the tables, as the first search after each write does), against a bare Nest
 * route on the same platform (Fastify) answering the same body, in the same run, as
 * bench/read.bench.ts does for the timeline:
 *
 * - each search of a mix (a name, a partial name, a name spelled otherwise, a title's words, a
 *   story's word, a word in every fact) asked `requests` times one after another: p50/p99 each;
 * - the name search with autocannon (10 connections, `seconds` each after a warm-up), closed
 *   loop, then at a steady rate in an open loop (support/steady-rate.ts), and the bare route with
 *   its body: the throughput ratio.
 *
 * Goal (issue 20): search p99 < 20 ms at 100k events.
 *
 *   npm run build && npx nest build bench-bare && npx tsx bench/search.bench.ts [--events 100000] [--seconds 10] [--requests 200] [--quick]
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PgClient } from '@dateline/event-store';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { freePort } from '../test/support/service-process';
import { describeMachine } from './machine';
import { BARE_SCRIPT, load } from './read.bench';
import { cli, Log, RunOptions, writeReport } from './support/bench-cli';
import { percentiles } from './support/percentiles';
import { startProcess, startService, stop } from './support/service-process';
import { projectedSyntheticLog } from './support/projected-log';
import { steadyRate } from './support/steady-rate';

export const SEARCH_GOALS = { p99Ms: 20, atEvents: 100_000 };
/** Requests/s of the steady-rate latency run, as in bench/read.bench.ts. */
const LATENCY_RATE = 200;

/**
 * What readers search for, in the synthetic log's words (bench/support/synthetic-log.ts): its
 * participants are "Envoy <g % 97>" and "Minister <g % 89>", its titles "Delegations meet,
 * round <g>", every fact's summary names a ceasefire, and every story's text Istanbul.
 * `everyFact`: a search that every fact matches, so that all of them are ranked (ADR 0017,
 * "Consequences"): reported, not held to the goal, which is for searches a reader makes of a
 * name or a few words.
 */
const SEARCHES: { label: string; q: string; everyFact?: true }[] = [
  { label: 'a name (1 fact in 97)', q: 'Envoy 42' },
  { label: 'a name and the beginning of a number (about 1 fact in 40)', q: 'Minister 17' },
  { label: "a title's words (a few facts)", q: 'round 4213' },
  { label: "a story's word (1 story in 20 facts)", q: 'Istanbul' },
  { label: 'a name like one in every fact', q: 'Envoi', everyFact: true },
  { label: 'a word in every fact', q: 'ceasefire', everyFact: true },
];
/** The search of the autocannon runs and of the bare route: a name, the common case. */
const MAIN = SEARCHES[0];

export interface SearchOptions extends RunOptions {
  events?: number;
  seconds?: number;
  requests?: number;
}

/** `count` requests one after another, each timed from send to the last byte. */
async function sequential(url: string, count: number): Promise<{ ms: number[]; results: number }> {
  const ms: number[] = [];
  let results = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url);
    const body = (await res.json()) as { results: unknown[] };
    ms.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    results = body.results.length;
  }
  return { ms, results };
}

async function measure(events: number, seconds: number, requests: number, log: Log) {
  const db = await createTempDatabase('dateline_bench');
  const sql = new PgClient(db.url, 4);
  try {
    await projectedSyntheticLog(sql, events, log);

    const port = await freePort();
    const service = await startService(db.url, port, { DATELINE_READ_CACHE_ENTRIES: '0' });
    const pathOf = (q: string) => `/search?q=${encodeURIComponent(q)}`;
    const url = (q: string) => `http://127.0.0.1:${port}${pathOf(q)}`;
    const warm = Math.max(2, Math.round(seconds / 3));
    let body: string;
    const searches = [];
    let dateline;
    try {
      // Each search's plan prepared and its pages in memory before it is timed.
      for (const s of SEARCHES) await sequential(url(s.q), 10);
      for (const s of SEARCHES) {
        const { ms, results } = await sequential(url(s.q), requests);
        const p = percentiles(ms);
        searches.push({ ...s, resultsOnFirstPage: results, p50Ms: p.p50, p99Ms: p.p99, maxMs: p.max });
        log(`"${s.q}" (${s.label}): p50 ${p.p50} ms, p99 ${p.p99} ms (${results} results on the first page)`);
      }
      body = await (await fetch(url(MAIN.q))).text();
      await load(url(MAIN.q), warm, service.pid!);
      const closed = await load(url(MAIN.q), seconds, service.pid!);
      // Latency at a steady rate, in an open loop (support/steady-rate.ts).
      const atRate = await steadyRate(port, pathOf(MAIN.q), LATENCY_RATE, seconds);
      dateline = { ...closed, atRate };
    } finally {
      await stop(service);
    }

    const bodyFile = join(tmpdir(), `dateline-bare-search-${process.pid}.json`);
    writeFileSync(bodyFile, body);
    const barePort = await freePort();
    const bare = await startProcess(BARE_SCRIPT, { BARE_BODY_FILE: bodyFile, PORT: String(barePort) }, 'bare: listening');
    let peer;
    try {
      // The bare app answers its fixed body on GET /timeline/:date: the same bytes as the search's answer.
      await load(`http://127.0.0.1:${barePort}/timeline/search`, warm, bare.pid!);
      peer = await load(`http://127.0.0.1:${barePort}/timeline/search`, seconds, bare.pid!);
    } finally {
      await stop(bare);
    }
    const ratio = +(dateline.requestsPerSec / peer.requestsPerSec).toFixed(2);
    log(
      `"${MAIN.q}" uncached: ${dateline.requestsPerSec} req/s p99 ${dateline.p99Ms} ms; at ${LATENCY_RATE} req/s p50/p99 ${dateline.atRate.p50Ms}/${dateline.atRate.p99Ms} ms (${dateline.atRate.refused} refused, ${dateline.atRate.unanswered} unanswered); bare ${peer.requestsPerSec} req/s; ratio ${ratio}`,
    );
    return {
      events,
      route: `GET /search?q=${MAIN.q}`,
      answerBytes: body.length,
      seconds,
      requestsPerSearch: requests,
      searches,
      dateline,
      bareNest: peer,
      throughputRatio: ratio,
      goalMet: searches.every((s) => s.everyFact || s.p99Ms < SEARCH_GOALS.p99Ms),
    };
  } finally {
    await sql.close();
    await db.drop();
  }
}

export async function run(options: SearchOptions = {}) {
  const log = options.log ?? console.log;
  const events = options.events ?? (options.quick ? 20_000 : SEARCH_GOALS.atEvents);
  const seconds = options.seconds ?? (options.quick ? 2 : 10);
  const requests = options.requests ?? (options.quick ? 30 : 200);
  return {
    benchmark: 'search',
    date: new Date().toISOString(),
    connections: 10,
    goals: SEARCH_GOALS,
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    results: [await measure(events, seconds, requests, log)],
  };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: {
        events: { type: 'string' },
        seconds: { type: 'string' },
        requests: { type: 'string' },
        quick: { type: 'boolean', default: false },
      },
    });
    const report = await run({
      quick: values.quick,
      events: values.events ? Number(values.events) : undefined,
      seconds: values.seconds ? Number(values.seconds) : undefined,
      requests: values.requests ? Number(values.requests) : undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-search${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
