/**
 * Breaking news (issue 19): a push sends readers to one developing story while the desk keeps
 * writing. Against the service built in dist/ on PostgreSQL, with a log of synthetic background
 * events, stories and one story's dated facts seeded through the API, for `seconds` at once:
 *
 * - readers: `rate` requests/s, open loop (bench/support/open-loop.ts), over a mix of the day's
 *   timeline, the story's range, the story page (HTML), the reader page (HTML) and the TimelineJS
 *   export; a fifth of the timeline reads with `asOf` (a permalink to the timeline as it was);
 *   each asks with `Accept-Encoding: gzip, deflate, br`, as browsers do (`--plain`: without it);
 * - `streams` open live-update streams (GET /timeline/stream), as readers' pages hold them;
 * - `writes` writes/s by the desk: new facts of the story on its days and amendments of them, so
 *   that the streams get events and the caches are invalidated.
 *
 * Reported: throughput achieved, p50/p99 per route (from the instant each request was due), the
 * streams' delivery lag (write acknowledged → its event on each stream, p50/p99 over all of them),
 * the service's RSS each second (start, max, end and the slope of a least-squares line) and where
 * the CPU went, the load generator's own included: a generator that cannot keep up shows as
 * lateness and as a core of its own used up, and the run says so.
 * Goals: every route p99 < 50 ms, lag p99 < 100 ms, memory flat (growth over the run < 5% of the start).
 *
 *   npm run build && npx tsx bench/breaking-news.bench.ts [--seconds 60] [--rate 2000] [--streams 500] [--writes 5] [--plain] [--quick]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { freePort } from '../test/support/service-process';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { cpuSnapshot, machineBusyCores } from './support/cpu-time';
import { speedProbe } from './support/speed-probe';
import { seedFacts, waitForFacts } from './support/fact-seed';
import { LiveStreams } from './support/live-streams';
import { keepAlivePool, openLoop, OpenLoopRequest, Sent } from './support/open-loop';
import { percentiles } from './support/percentiles';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';
import { seedStories, waitForStories } from './support/story-seed';
import { fillSyntheticLog } from './support/synthetic-log';

export const BREAKING_NEWS_GOALS = { routeP99Ms: 50, lagP99Ms: 100, memoryGrowthPct: 5 };

export interface BreakingNewsOptions extends RunOptions {
  seconds?: number;
  rate?: number;
  streams?: number;
  writes?: number;
  /** Readers that do not ask for compressed answers (as before ADR 0019's readers did): what compression itself changes. */
  plain?: boolean;
}

/** The story's facts are on these days of May 2025 (bench/support/fact-seed.ts puts fact i on day 1 + i % 28). */
const FIRST_DAY = '2025-05-01';
const LAST_DAY = '2025-05-28';
const FACTS = 40;
const day = (i: number) => `2025-05-${String(1 + (i % 28)).padStart(2, '0')}`;

/** Share of each route in the readers' mix: most come for the story, many for its timeline. */
const MIX: { route: string; weight: number; asOf: boolean }[] = [
  { route: 'story page (HTML)', weight: 30, asOf: false },
  { route: 'day', weight: 25, asOf: true },
  { route: 'reader page (HTML)', weight: 20, asOf: true },
  { route: 'range', weight: 15, asOf: true },
  { route: 'TimelineJS export', weight: 10, asOf: true },
];
/** With `asOf`: a fifth of all reads, all of them on the routes that take it. */
const AS_OF_SHARE = 0.2 / (MIX.filter((m) => m.asOf).reduce((n, m) => n + m.weight, 0) / 100);

/** A small deterministic generator: the same run sends the same requests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const rssMiB = (pid: number): number => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** RSS every second, and the slope of the least-squares line through the samples, MiB per minute. */
function rssSampler(pid: number) {
  const samples: { s: number; mib: number }[] = [];
  const started = performance.now();
  const sample = () => samples.push({ s: (performance.now() - started) / 1000, mib: rssMiB(pid) });
  sample();
  const timer = setInterval(sample, 1000);
  return () => {
    clearInterval(timer);
    sample();
    const n = samples.length;
    const mx = samples.reduce((a, p) => a + p.s, 0) / n;
    const my = samples.reduce((a, p) => a + p.mib, 0) / n;
    const sxx = samples.reduce((a, p) => a + (p.s - mx) ** 2, 0);
    const slopePerS = sxx > 0 ? samples.reduce((a, p) => a + (p.s - mx) * (p.mib - my), 0) / sxx : 0;
    const seconds = samples[n - 1].s;
    const startMiB = samples[0].mib;
    const growthPct = (100 * slopePerS * seconds) / startMiB;
    return {
      startMiB: Math.round(startMiB),
      maxMiB: Math.round(Math.max(...samples.map((p) => p.mib))),
      endMiB: Math.round(samples[n - 1].mib),
      slopeMiBPerMin: +(slopePerS * 60).toFixed(2),
      /** The fitted line's rise over the run, as a share of the starting RSS. */
      growthPct: +growthPct.toFixed(1),
      flat: growthPct < BREAKING_NEWS_GOALS.memoryGrowthPct,
      samples: samples.map((p) => Math.round(p.mib)),
    };
  };
}

async function post(base: string, path: string, body: unknown): Promise<{ id: string; version: number; position: number }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_EDITOR_TOKEN}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; version: number; position: number };
}

/**
 * The desk at `perSecond` writes/s for `seconds`: a new fact of the story on one of its days,
 * then an amendment of a fact it wrote, in turn. Each acknowledgement goes to the streams.
 */
async function deskWrites(base: string, storyId: string, perSecond: number, seconds: number, streams: Pick<LiveStreams, 'acknowledged'>) {
  const facts: { id: string; version: number }[] = [];
  const ackMs: number[] = [];
  let failed = 0;
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    try {
      const amend = i % 2 === 1 && facts.length > 0 ? facts[(i >> 1) % facts.length] : undefined;
      const written = amend
        ? await post(base, `/diplomatic-events/${amend.id}/amendments`, {
            expectedVersion: amend.version,
            reason: 'A later report adds detail',
            changes: { summary: `Update ${i}: the delegations met again late in the evening.` },
          })
        : await post(base, '/diplomatic-events', {
            title: `Breaking: envoys meet again, update ${i}`,
            kind: 'meeting',
            when: { precision: 'day', on: day(i), certainty: 'explicit' },
            summary: 'The delegations met again and agreed to keep talking.',
            storyIds: [storyId],
            participants: [{ name: 'Alpha delegation', country: 'FR' }],
            sources: [{ attribution: 'named-source', name: 'Wire service' }],
          });
      streams.acknowledged(written.position);
      ackMs.push(performance.now() - sent);
      if (amend) amend.version = written.version;
      else facts.push({ id: written.id, version: written.version });
    } catch {
      failed++;
    }
  }
  return { ok: ackMs.length, failed, ackMs: ackMs.length ? percentiles(ackMs) : undefined };
}

export async function run(options: BreakingNewsOptions = {}) {
  const log = options.log ?? console.log;
  const quick = options.quick ?? false;
  const seconds = options.seconds ?? (quick ? 10 : 60);
  const rate = options.rate ?? 2000;
  const streamCount = options.streams ?? 500;
  const writeRate = options.writes ?? 5;
  const warm = quick ? 2 : 5;
  const background = quick ? 20_000 : 200_000;
  const stories = quick ? 20 : 200;

  const db = await createTempDatabase('dateline_bench');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let t = performance.now();
  {
    const sql = new PgClient(db.url, 4);
    const store = await PostgresEventStore.create(sql);
    await fillSyntheticLog(sql, background);
    await store.close();
    await sql.close();
  }
  const service = await startService(db.url, port, { DATELINE_LOG_LEVEL: process.env.DATELINE_LOG_LEVEL ?? 'info' });
  let streams: LiveStreams | undefined;
  try {
    const seeded = await seedStories(base, BENCH_EDITOR_TOKEN, stories, 3);
    await waitForStories(base, seeded, 300_000);
    const storyId = seeded.ids[Math.floor(stories / 2)];
    const facts = await seedFacts(base, BENCH_EDITOR_TOKEN, storyId, FACTS);
    await waitForFacts(base, facts.lastId, facts.position, 300_000);
    // Statistics for the read models the service's projector just filled, as autovacuum's
    // ANALYZE gives them within a minute on a default PostgreSQL. This machine runs with
    // autovacuum off, and without statistics the planner chose scans for the asOf reads (a day
    // as of an instant took 270 ms instead of 4; docs/operations.md says what to do in production).
    {
      const sql = new PgClient(db.url, 1);
      await sql.query('ANALYZE');
      await sql.close();
    }
    // The permalinks' instant: the timeline as it was before this run's writes.
    const asOf = new Date().toISOString();
    log(
      `${background} background events, ${stories} stories and ${FACTS} facts of one story seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );

    const rnd = random(19);
    const totalWeight = MIX.reduce((n, m) => n + m.weight, 0);
    // As browsers and HTTP libraries ask: readers on phones take compressed answers (docs/adr/0019-compressed-answers.md).
    const takes: Record<string, string> = options.plain ? {} : { 'accept-encoding': 'gzip, deflate, br' };
    const html = { accept: 'text/html', ...takes };
    const json = { accept: 'application/json', ...takes };
    const nextRequest = (): OpenLoopRequest => {
      let pick = rnd() * totalWeight;
      const m = MIX.find((x) => (pick -= x.weight) < 0) ?? MIX[0];
      const withAsOf = m.asOf && rnd() < AS_OF_SHARE;
      const q = withAsOf ? `asOf=${encodeURIComponent(asOf)}` : '';
      const and = (path: string) => (q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path);
      const label = `${m.route}${withAsOf ? ', asOf' : ''}`;
      switch (m.route) {
        case 'story page (HTML)':
          return { label, path: `/stories/${storyId}`, headers: html };
        case 'day':
          return { label, path: and(`/timeline/${day(Math.floor(rnd() * 28))}`), headers: json };
        case 'reader page (HTML)':
          return { label, path: and(`/?from=${FIRST_DAY}&to=${LAST_DAY}`), headers: html };
        case 'range':
          return { label, path: and(`/timeline?from=${FIRST_DAY}&to=${LAST_DAY}`), headers: json };
        default:
          return { label, path: and(`/timeline/export/timelinejs?from=${FIRST_DAY}&to=${LAST_DAY}`), headers: json };
      }
    };

    // One request of each route alone, with and without asOf, before any load: what an answer
    // costs on a quiet service. Each URL asked once only: the next run's requests find none cached.
    const alone: string[] = [];
    const asked = new Set<string>();
    for (const label of MIX.flatMap((m) => (m.asOf ? [m.route, `${m.route}, asOf`] : [m.route]))) {
      let r: OpenLoopRequest;
      do r = nextRequest();
      while (r.label !== label || asked.has(r.path));
      asked.add(r.path);
      const started = performance.now();
      const res = await fetch(base + r.path, { headers: r.headers });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`GET ${r.path} answered ${res.status}`);
      alone.push(`${label} ${(performance.now() - started).toFixed(1)} ms (${Math.round(bytes / 1024)} KiB)`);
    }
    log(`alone: ${alone.join(', ')}`);

    t = performance.now();
    streams = await LiveStreams.open(port, streamCount);
    log(`${streamCount} live streams open in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Warm-up at a tenth of the rate: the JIT, the caches and the pools settle; nothing is kept.
    // Not at the full rate: a service that cannot keep up would still be answering the warm-up's
    // backlog when the measured run starts. With the desk writing at its full rate: the renders
    // and the stream frames each write causes are part of what the JIT and the pools must have
    // seen (without writes, each page had been rendered once before the run). Over the pool the
    // run goes on using, as a CDN's pool to the origin stays open: a cold pool at the full rate
    // opened about 250 connections in the run's first tenth of a second, each costing the
    // service about half a millisecond, and the backlog that made set every route's p99
    // (docs/benchmarks.md, "Breaking news: a warm pool, ...").
    const pool = keepAlivePool();
    await Promise.all([
      openLoop(port, Math.max(1, rate / 10), warm, nextRequest, { pool }),
      deskWrites(base, storyId, writeRate, warm, { acknowledged: () => undefined }),
    ]);

    const pid = service.pid!;
    const probeBefore = await speedProbe();
    const cpuBefore = cpuSnapshot(pid);
    const rss = rssSampler(pid);
    const wallStarted = performance.now();
    // CPU and RSS over the sending window: answers still due after it only drain.
    let cpuAfter = cpuBefore;
    let memory: ReturnType<ReturnType<typeof rssSampler>> | undefined;
    let wallSeconds = seconds;
    const [{ sent, connections }, writes] = await Promise.all([
      openLoop(port, rate, seconds, nextRequest, {
        pool,
        onAllSent: () => {
          wallSeconds = (performance.now() - wallStarted) / 1000;
          cpuAfter = cpuSnapshot(pid);
          memory = rss();
        },
      }),
      deskWrites(base, storyId, writeRate, seconds, streams),
    ]);
    pool.destroy();
    if (!memory) throw new Error('the readers never finished sending');
    // Until the last answer: a service that falls behind answers fewer per second than were sent.
    const untilLastAnswer = (performance.now() - wallStarted) / 1000;
    const allDelivered = await streams.delivered(5_000);
    const speedProbeMs = { before: probeBefore, after: await speedProbe() };
    const lag = streams.lags();

    const routes = summariseRoutes(sent);
    const bySecond = secondsOfTheRun(sent);
    const late = percentiles(sent.map((s) => s.lateMs));
    const cpuSeconds = (k: 'server' | 'loadGenerator') => cpuAfter[k] - cpuBefore[k];
    let postgresSeconds = 0;
    for (const [p, s] of cpuAfter.postgres) postgresSeconds += s - (cpuBefore.postgres.get(p) ?? 0);
    const loadGeneratorCores = +(cpuSeconds('loadGenerator') / wallSeconds).toFixed(2);
    // Late by more than a few ms at p99, or a core of its own used up: the generator, not the service, set the pace.
    const generatorKeptUp = late.p99 < 5 && loadGeneratorCores < 0.9;
    const machineCores = machineBusyCores(cpuBefore, cpuAfter);
    const ok = sent.filter((s) => s.status === 200).length;
    const report = {
      benchmark: 'breaking-news',
      date: new Date().toISOString(),
      seconds,
      warmUpSeconds: warm,
      /** When the measured run began: to line it up with the service's own logs. */
      runStartedAt: new Date(Date.now() - (performance.now() - wallStarted)).toISOString(),
      seed: { backgroundEvents: background, stories, facts: FACTS },
      goals: BREAKING_NEWS_GOALS,
      readers: {
        targetPerSec: rate,
        achievedPerSec: Math.round(ok / untilLastAnswer),
        requests: sent.length,
        /** Answers other than 200, and requests without an answer within 10 s (open-loop.ts). */
        notOk: sent.length - ok,
        /** Of those, refused at once by load shedding (503 with Retry-After, DATELINE_MAX_READS_IN_FLIGHT). */
        shed: sent.filter((s) => s.status === 503).length,
        /** Of those, without an answer within 10 s (or a connection error). */
        unanswered: sent.filter((s) => s.status === 0).length,
        /** Keep-alive connections the readers' requests went over (at most 256). */
        connections,
        asOfShare: +(sent.filter((s) => s.label.endsWith(', asOf')).length / Math.max(1, sent.length)).toFixed(2),
        askCompressed: !options.plain,
        routes,
        bySecond,
      },
      writes: { targetPerSec: writeRate, ...writes },
      liveStreams: {
        streams: streamCount,
        allDelivered,
        undelivered: lag.undelivered,
        streamsEnded: lag.streamsEnded,
        lagMs: lag.ms.length ? percentiles(lag.ms) : undefined,
      },
      memory,
      cpu: {
        serviceCores: +(cpuSeconds('server') / wallSeconds).toFixed(2),
        postgresCores: +(postgresSeconds / wallSeconds).toFixed(2),
        loadGeneratorCores,
        // The whole machine, and what of it none of the three above used: 0.02 to 0.05 of a core
        // in every run of 2026-12-07, slow ones included, so a slow run was not another process's doing.
        machineCores,
        otherCores: +(machineCores - (cpuSeconds('server') + postgresSeconds + cpuSeconds('loadGenerator')) / wallSeconds).toFixed(2),
      },
      loadGenerator: { lateMs: late, keptUp: generatorKeptUp },
      // The same fixed work timed just before and after the run (support/speed-probe.ts): how fast the shared host was.
      speedProbeMs,
      machine: await describeMachine(TEST_PG_ADMIN_URL),
    };
    log(
      `readers ${report.readers.achievedPerSec}/${rate} req/s over ${connections} connections (${report.readers.notOk} not 200: ${report.readers.shed} shed, ${report.readers.unanswered} unanswered); ${routes.map((r) => `${r.route} p50 ${r.p50Ms} p99 ${r.p99Ms} ms, ${r.kibPerAnswer} KiB, ${r.cache.miss} misses`).join('; ')}`,
    );
    log(
      `seconds of the run: median second's p99 ${bySecond.medianSecondP99Ms} ms, worst ${bySecond.worstSecondsP99Ms.join(', ')} ms; ${bySecond.secondsWithinGoal} of ${bySecond.p99MsEachSecond.length} seconds within ${BREAKING_NEWS_GOALS.routeP99Ms} ms`,
    );
    log(
      `live streams: lag p50 ${report.liveStreams.lagMs?.p50} ms, p99 ${report.liveStreams.lagMs?.p99} ms (${lag.undelivered} undelivered); writes ${writes.ok} ok, ${writes.failed} failed`,
    );
    log(
      `RSS ${memory.startMiB} → ${memory.endMiB} MiB (max ${memory.maxMiB}, slope ${memory.slopeMiBPerMin} MiB/min); CPU cores: service ${report.cpu.serviceCores}, PostgreSQL ${report.cpu.postgresCores}, load generator ${loadGeneratorCores}, machine ${report.cpu.machineCores} (others ${report.cpu.otherCores}); speed probe ${speedProbeMs.before} → ${speedProbeMs.after} ms${generatorKeptUp ? '' : ` — the load generator did not keep up (late p99 ${late.p99} ms)`}`,
    );
    return report;
  } finally {
    streams?.close();
    await stop(service);
    await db.drop();
  }
}

/**
 * Latency second by second over all routes: whether the slow answers are spread over the run or
 * gathered in a few seconds (a collection, a burst of renders), which a p99 alone cannot tell.
 */
function secondsOfTheRun(sent: readonly Sent[]) {
  const seconds: Sent[][] = [];
  for (const s of sent) (seconds[Math.floor(s.dueMs / 1000)] ??= []).push(s);
  const p99s = seconds.map((xs) => percentiles(xs.map((x) => x.ms)).p99);
  const sorted = [...p99s].sort((a, b) => a - b);
  return {
    /** The p99 of the median second, and of the worst ones. */
    medianSecondP99Ms: sorted[Math.floor(sorted.length / 2)],
    worstSecondsP99Ms: sorted.slice(-5).reverse(),
    /** Seconds whose p99 met the route goal. */
    secondsWithinGoal: p99s.filter((p) => p < BREAKING_NEWS_GOALS.routeP99Ms).length,
    p99MsEachSecond: p99s,
    /** How late the load generator sent each second's p99 request: a second it fell behind in shows here too. */
    lateP99MsEachSecond: seconds.map((xs) => percentiles(xs.map((x) => x.lateMs)).p99),
  };
}

/** p50/p99 per route, the asOf reads of a route apart from the others. */
function summariseRoutes(sent: readonly Sent[]) {
  const byRoute = new Map<string, Sent[]>();
  for (const s of sent) {
    const xs = byRoute.get(s.label);
    if (xs) xs.push(s);
    else byRoute.set(s.label, [s]);
  }
  return [...byRoute.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, xs]) => {
      const p = percentiles(xs.map((x) => x.ms));
      const answered = xs.filter((x) => x.status === 200);
      return {
        route,
        requests: xs.length,
        notOk: xs.filter((x) => x.status !== 200).length,
        /** Refused at once by the service's load shedding (503), apart from the answers that never came (status 0). */
        shed: xs.filter((x) => x.status === 503).length,
        p50Ms: p.p50,
        p99Ms: p.p99,
        maxMs: p.max,
        /** Mean body of an answer as it went over the wire: compressed for the readers who take it (ADR 0019). */
        kibPerAnswer: answered.length ? +(answered.reduce((n, x) => n + x.bytes, 0) / answered.length / 1024).toFixed(1) : 0,
        /** How the read cache answered the 200s (ADR 0006): a kept answer, the replaced one while its successor rendered, or rendered. */
        cache: {
          hit: answered.filter((x) => x.cache === 'hit').length,
          stale: answered.filter((x) => x.cache === 'stale').length,
          miss: answered.filter((x) => x.cache === 'miss').length,
        },
      };
    });
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: {
        seconds: { type: 'string' },
        rate: { type: 'string' },
        streams: { type: 'string' },
        writes: { type: 'string' },
        quick: { type: 'boolean', default: false },
        plain: { type: 'boolean', default: false },
      },
    });
    const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
    const report = await run({
      quick: values.quick,
      plain: values.plain,
      seconds: num(values.seconds),
      rate: num(values.rate),
      streams: num(values.streams),
      writes: num(values.writes),
    });
    console.log(JSON.stringify({ ...report, machine: undefined, memory: { ...report.memory, samples: undefined } }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-breaking-news${values.quick ? '-quick' : ''}${values.plain ? '-plain' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
