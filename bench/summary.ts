/**
 * The ratio table of a run (bench/run.ts's report): every scenario against its baseline, with
 * its goal and a verdict. Printed at the end of a run and by bench/charts.ts, for docs/benchmarks.md.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- reports are JSON read back from disk */
type Report = { results: Record<string, any> };

export interface Row {
  scenario: string;
  dateline: string;
  baseline: string;
  ratio: string;
  goal: string;
  verdict: string;
}

const n = (x: number) => Math.round(x).toLocaleString('en');
const atLeast = (ratio: number, goal: number) =>
  ratio >= goal ? 'met' : `missed by ${(goal - ratio).toFixed(2)} (${Math.round((ratio / goal) * 100)}% of goal)`;
const below = (ms: number, limit: number) => (ms < limit ? 'met' : `missed: ${(ms / limit).toFixed(1)}× the limit`);

export function ratioRows(report: Report): Row[] {
  const rows: Row[] = [];
  const r = report.results;
  for (const a of r.append?.results ?? []) {
    rows.push({
      scenario: `append, ${a.scenario}: vs raw INSERT`,
      dateline: `${n(a.datelineEventsPerSec)} ev/s`,
      baseline: `${n(a.rawEventsPerSec)} ev/s`,
      ratio: a.ratio.toFixed(2),
      goal: '≥ 0.8',
      verdict: atLeast(a.ratio, 0.8),
    });
    rows.push({
      scenario: `append, ${a.scenario}: vs Emmett`,
      dateline: `${n(a.datelineEventsPerSec)} ev/s`,
      baseline: `${n(a.emmettEventsPerSec)} ev/s`,
      ratio: a.ratioToEmmett.toFixed(2),
      goal: '≥ 2',
      verdict: atLeast(a.ratioToEmmett, 2),
    });
  }
  for (const e of r.append?.embedded ?? []) {
    rows.push({
      scenario: `append, ${e.scenario}: sync on vs sync off`,
      dateline: `${n(e.syncOnEventsPerSec)} ev/s`,
      baseline: `${n(e.syncOffEventsPerSec)} ev/s`,
      ratio: e.ratio.toFixed(2),
      goal: '(cost of durability)',
      verdict: '',
    });
  }
  const h = r['http-append'];
  if (h) {
    // Reports before issue 19 had the goal 0.7 and no raw-INSERT route.
    const goal = h.goals?.ratio ?? 0.7;
    rows.push({
      scenario: `HTTP POST /diplomatic-events, ${h.connections} connections: vs bare Nest`,
      dateline: `${n(h.dateline.requestsPerSec)} req/s, p99 ${h.dateline.p99Ms} ms`,
      baseline: `${n(h.bareNest.requestsPerSec)} req/s, p99 ${h.bareNest.p99Ms} ms`,
      ratio: h.ratio.toFixed(2),
      goal: `≥ ${goal}`,
      verdict: atLeast(h.ratio, goal),
    });
    if (h.rawInsert)
      rows.push({
        scenario: `HTTP POST /diplomatic-events, ${h.connections} connections: vs a bare route doing the raw INSERT`,
        dateline: `${n(h.dateline.requestsPerSec)} req/s, p99 ${h.dateline.p99Ms} ms`,
        baseline: `${n(h.rawInsert.requestsPerSec)} req/s, p99 ${h.rawInsert.p99Ms} ms`,
        ratio: h.ratioToRawInsert.toFixed(2),
        goal: '(reported: the share of what the database alone allows)',
        verdict: '',
      });
  }
  for (const x of r.read?.results ?? []) {
    // Reports before the read cache have no uncached run: their one run read the tables.
    const variants: [string, any, number][] = x.datelineUncached
      ? [
          ['cached', x.dateline, x.throughputRatio],
          ['cache off', x.datelineUncached, x.uncachedThroughputRatio],
        ]
      : [['from the tables', x.dateline, x.throughputRatio]];
    for (const [label, d, ratio] of variants) {
      // Issue 19 asks 0.6 of an uncached read at 1M events; the cached read keeps issue 8's 0.7.
      const goal = label === 'cache off' ? 0.6 : 0.7;
      rows.push({
        scenario: `GET /timeline/:date at ${n(x.events)} events, ${label}: vs bare Nest`,
        dateline: `${n(d.requestsPerSec)} req/s`,
        baseline: `${n(x.bareNest.requestsPerSec)} req/s`,
        ratio: ratio.toFixed(2),
        goal: label === 'cache off' && x.events < 1_000_000 ? `(≥ ${goal} is at 1M)` : `≥ ${goal}`,
        verdict: label === 'cache off' && x.events < 1_000_000 ? '' : atLeast(ratio, goal),
      });
      // p99 flat out (10 connections) and, where measured, at a steady 200 req/s; the verdict is on the
      // latter, and a steady run with any answer not 200 (refused, or none) misses whatever its p99.
      const p99 = d.atRate ? d.atRate.p99Ms : d.p99Ms;
      const notOk = d.atRate?.notOk ?? 0;
      rows.push({
        scenario: `GET /timeline/:date at ${n(x.events)} events, ${label}: p99${d.atRate ? ` flat out / at ${d.atRate.rate} req/s` : ''}`,
        dateline: `${d.atRate ? `${d.p99Ms} ms / ${d.atRate.p99Ms} ms` : `${d.p99Ms} ms`}${notOk > 0 ? ` (${n(notOk)} not 200)` : ''}`,
        baseline: `${x.bareNest.p99Ms} ms`,
        ratio: '',
        goal: x.events >= 1_000_000 ? 'p99 < 10 ms' : '(goal is at 1M)',
        verdict: x.events < 1_000_000 ? '' : notOk > 0 ? `missed: ${n(notOk)} not 200` : below(p99, 10),
      });
    }
    if (x.rawSelect)
      rows.push({
        scenario: `GET /timeline/:date at ${n(x.events)} events, cache off: vs a bare route doing one SELECT of the page`,
        dateline: `${n(x.datelineUncached.requestsPerSec)} req/s`,
        baseline: `${n(x.rawSelect.requestsPerSec)} req/s (${x.rawSelectThroughputRatio} of bare Nest)`,
        ratio: x.uncachedToRawSelectRatio.toFixed(2),
        goal: '(reported: the share of what the database alone allows)',
        verdict: '',
      });
    if (x.notModified)
      rows.push({
        scenario: `GET /timeline/:date at ${n(x.events)} events, If-None-Match → 304: vs bare Nest's full answer`,
        dateline: `${n(x.notModified.requestsPerSec)} req/s`,
        baseline: `${n(x.bareNest.requestsPerSec)} req/s`,
        ratio: x.notModified.throughputRatio.toFixed(2),
        goal: '≥ 0.9',
        verdict: atLeast(x.notModified.throughputRatio, 0.9),
      });
  }
  const crowded = r.read?.crowdedDay;
  if (crowded)
    rows.push({
      scenario: `a crowded day (${n(crowded.entriesOnDay ?? 0)} entries), its first page of ${crowded.entriesInAnswer}, cache off: vs bare Nest`,
      dateline: `${n(crowded.datelineUncached.requestsPerSec)} req/s, p99 ${crowded.datelineUncached.p99Ms} ms`,
      baseline: `${n(crowded.bareNest.requestsPerSec)} req/s${crowded.rawSelect ? `; one SELECT ${n(crowded.rawSelect.requestsPerSec)} req/s` : ''}`,
      ratio: crowded.uncachedThroughputRatio.toFixed(2),
      goal: '≥ 0.5',
      verdict: atLeast(crowded.uncachedThroughputRatio, 0.5),
    });
  const d = r.desk;
  for (const x of d?.pages ?? []) {
    // The verdict is on the service's own time (its access log); the client's p99 is shown beside it.
    rows.push({
      scenario: `desk, ${x.page} (${x.route}) at ${x.ratePerSec} req/s: server p99${x.peer ? ` vs ${x.peer.route}` : ''}`,
      dateline: `p50 ${x.serverMs.p50} ms, p99 ${x.serverMs.p99} ms (client p99 ${x.clientMs.p99} ms)`,
      baseline: x.peer ? `p50 ${x.peer.serverMs.p50} ms, p99 ${x.peer.serverMs.p99} ms` : '',
      ratio: x.p99Ratio !== undefined ? x.p99Ratio.toFixed(2) : '',
      goal: `p99 < ${d.goals.p99Ms} ms at ${d.goals.ratePerSec} req/s`,
      verdict: x.ratePerSec >= d.goals.ratePerSec ? below(x.serverMs.p99, d.goals.p99Ms) : `not at ${d.goals.ratePerSec} req/s`,
    });
  }
  if (d?.post)
    rows.push({
      scenario: `desk, ${d.post.page} (${d.post.route}) at ${d.post.ratePerSec} req/s: server p99`,
      dateline: `p50 ${d.post.serverMs.p50} ms, p99 ${d.post.serverMs.p99} ms (client p99 ${d.post.clientMs.p99} ms)`,
      baseline: '',
      ratio: '',
      goal: '(a form post: no goal)',
      verdict: '',
    });
  for (const x of r.rebuild?.results ?? []) {
    const all = x.allProjectionsOnePass;
    // The report's own goal: issue 19 raised it from 0.5 to 0.6 of the SELECT.
    const ratioGoal: number = r.rebuild?.goals?.ratioToSelect ?? 0.5;
    rows.push({
      scenario: `rebuild of all projections, ${n(x.events)} events: vs plain SELECT`,
      dateline: `${n(all.eventsPerSec)} ev/s`,
      baseline: `${n(x.plainSelectEventsPerSec)} ev/s`,
      ratio: all.ratioToSelect.toFixed(2),
      goal: `≥ ${ratioGoal} and ≥ 50,000 ev/s`,
      verdict:
        all.ratioToSelect >= ratioGoal && all.eventsPerSec >= 50_000
          ? 'met'
          : `ratio ${atLeast(all.ratioToSelect, ratioGoal)}; ${all.eventsPerSec >= 50_000 ? 'rate met' : `rate ${(50_000 / all.eventsPerSec).toFixed(1)}× short`}`,
    });
    // Reports before 2026-12-07 have no raw-load baseline.
    if (x.rawLoad)
      rows.push({
        scenario: `the same vs PostgreSQL alone loading and indexing the rows it made (${n(x.rawLoad.rows)} rows, ${x.rawLoad.loadSeconds} s load, ${x.rawLoad.indexSeconds} s indexes)`,
        dateline: `${n(all.eventsPerSec)} ev/s`,
        baseline: `${n(x.rawLoad.eventsPerSec)} ev/s`,
        ratio: all.ratioToRawLoad.toFixed(2),
        goal: 'reported',
        verdict: '',
      });
  }
  for (const x of r.lag?.results ?? []) {
    rows.push({
      scenario: `projection lag${x.via ? ` via ${x.via}` : ''} at ${x.targetAppendsPerSec} appends/s (achieved ${x.achievedAppendsPerSec})`,
      dateline: `p50 ${x.lagMs.p50} ms, p99 ${x.lagMs.p99} ms`,
      baseline: `append ack p50 ${x.appendAckMs.p50} ms`,
      ratio: '',
      goal: x.targetAppendsPerSec === 500 ? 'p99 < 50 ms at 500/s' : '',
      verdict: x.targetAppendsPerSec === 500 ? below(x.lagMs.p99, 50) : '',
    });
  }
  for (const x of r['kafka-lag']?.results ?? []) {
    const l = x.latencyFromSendMs;
    rows.push({
      scenario: `Kafka delivery lag via ${x.via} at ${x.targetPerSec}/s (achieved ${x.achievedPerSec})`,
      dateline: `p50 ${l.p50} ms, p99 ${l.p99} ms`,
      baseline: `after ack p50 ${x.latencyFromAckMs.p50} ms, p99 ${x.latencyFromAckMs.p99} ms`,
      ratio: '',
      goal: x.targetPerSec === 500 ? 'p99 < 100 ms at 500/s' : '',
      verdict: x.targetPerSec === 500 ? below(l.p99, 100) : '',
    });
  }
  for (const x of r.relay?.results ?? []) {
    rows.push({
      scenario: `relay, ${n(x.events)} events, batch ${x.batchSize}: vs raw kafkajs`,
      dateline: `${n(x.relayEventsPerSec)} ev/s`,
      baseline: `${n(x.rawEventsPerSec)} ev/s`,
      ratio: x.ratio.toFixed(2),
      goal: '≥ 0.8',
      verdict: atLeast(x.ratio, 0.8),
    });
  }
  const b = r['breaking-news'];
  if (b) {
    const g = b.goals;
    rows.push({
      scenario: `breaking news, ${b.readers.targetPerSec} readers/s, ${b.liveStreams.streams} streams, ${b.writes.targetPerSec} writes/s, ${b.seconds} s: readers achieved`,
      dateline: `${n(b.readers.achievedPerSec)} req/s (${b.readers.notOk} not 200)`,
      baseline: `${n(b.readers.targetPerSec)} req/s asked`,
      ratio: (b.readers.achievedPerSec / b.readers.targetPerSec).toFixed(2),
      goal: '',
      verdict: b.loadGenerator.keptUp ? '' : `load generator fell behind (late p99 ${b.loadGenerator.lateMs.p99} ms)`,
    });
    for (const x of b.readers.routes)
      rows.push({
        scenario: `breaking news, ${x.route}: p99`,
        dateline: `p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms`,
        baseline: '',
        ratio: '',
        goal: `p99 < ${g.routeP99Ms} ms`,
        verdict: below(x.p99Ms, g.routeP99Ms),
      });
    const lag = b.liveStreams.lagMs;
    rows.push({
      scenario: `breaking news, live-stream delivery lag over ${b.liveStreams.streams} streams`,
      dateline: lag ? `p50 ${lag.p50} ms, p99 ${lag.p99} ms` : 'nothing delivered',
      baseline: `write ack p50 ${b.writes.ackMs?.p50 ?? '?'} ms`,
      ratio: '',
      goal: `p99 < ${g.lagP99Ms} ms, every write on every stream`,
      verdict: !lag
        ? 'missed'
        : b.liveStreams.undelivered > 0
          ? `missed: ${b.liveStreams.undelivered} deliveries never came`
          : below(lag.p99, g.lagP99Ms),
    });
    const m = b.memory;
    rows.push({
      scenario: 'breaking news, service RSS sampled each second',
      dateline: `${m.startMiB} → ${m.endMiB} MiB (max ${m.maxMiB}), slope ${m.slopeMiBPerMin} MiB/min`,
      baseline: '',
      ratio: '',
      goal: `flat: growth < ${g.memoryGrowthPct}% of the start over the run`,
      verdict: m.flat ? 'met' : `missed: ${m.growthPct}%`,
    });
  }
  for (const x of r.memory?.results ?? []) {
    rows.push({
      scenario: `memory (RSS), ${x.storage}`,
      dateline: `idle ${x.idle.meanMiB} MiB, under ${x.load.achievedPerSec} writes/s max ${x.underLoad.maxMiB} MiB`,
      baseline: '',
      ratio: '',
      goal: '',
      verdict: '',
    });
  }
  return rows;
}

export function ratioTable(report: Report): string[] {
  return [
    '| scenario | Dateline | baseline | ratio | goal | verdict |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...ratioRows(report).map((r) => `| ${r.scenario} | ${r.dateline} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.verdict} |`),
  ];
}
