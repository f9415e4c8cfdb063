/**
 * Charts for docs/benchmarks.md from a run's results (bench/run.ts): SVGs made with vega-lite,
 * rendered in Node (no browser), into docs/images/bench-*.svg. Also prints the ratio table.
 *
 *   npx tsx bench/charts.ts [bench/results/<date>.json]   # default: the newest full run, else the newest quick one
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as VegaLite from 'vega-lite';
import { ratioRows, ratioTable } from './summary';

/* eslint-disable @typescript-eslint/no-explicit-any -- reports are JSON read back from disk */
const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs/images');

function latestRun(): string {
  const runs = readdirSync(join(ROOT, 'bench/results'))
    .filter((f) => /^\d{4}-\d{2}-\d{2}(-quick)?\.json$/.test(f))
    .sort();
  const full = runs.filter((f) => !f.includes('quick'));
  const pick = full.at(-1) ?? runs.at(-1);
  if (!pick) throw new Error('no run in bench/results (run `npm run bench` first)');
  return join(ROOT, 'bench/results', pick);
}

// vega is ESM with a top-level await (vega-canvas): load it with import(), never require().
let vega: typeof import('vega');
let vegaLite: typeof VegaLite;

async function svg(name: string, spec: VegaLite.TopLevelSpec): Promise<void> {
  const compiled = vegaLite.compile({
    background: 'white',
    config: { font: 'Helvetica, Arial, sans-serif' },
    ...spec,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  writeFileSync(join(OUT, `bench-${name}.svg`), (await view.toSVG()) + '\n');
  view.finalize();
  console.log(`docs/images/bench-${name}.svg`);
}

async function main(): Promise<void> {
  vega = await import('vega');
  vegaLite = await import('vega-lite');
  const file = process.argv[2] ? resolve(process.argv[2]) : latestRun();
  const report = JSON.parse(readFileSync(file, 'utf8')) as { date: string; quick: boolean; results: Record<string, any> };
  const r = report.results;
  const subtitle = `${report.quick ? 'quick run' : 'run'} of ${report.date.slice(0, 10)}, 2 cores shared by load generator, service, PostgreSQL and Kafka`;

  if (r.append) {
    const values = r.append.results.flatMap((a: any) => [
      { scenario: a.scenario, baseline: 'vs raw INSERT (goal ≥ 0.8)', ratio: a.ratio },
      { scenario: a.scenario, baseline: 'vs Emmett (goal ≥ 2)', ratio: a.ratioToEmmett },
    ]);
    await svg('append', {
      title: { text: 'Append throughput: Dateline ÷ baseline', subtitle },
      width: 520,
      height: 260,
      layer: [
        {
          data: { values },
          mark: { type: 'bar', tooltip: true },
          encoding: {
            x: { field: 'scenario', type: 'nominal', sort: null, axis: { labelAngle: -20, labelLimit: 220, title: null } },
            xOffset: { field: 'baseline' },
            y: { field: 'ratio', type: 'quantitative', title: 'ratio (events/s ÷ events/s)' },
            color: { field: 'baseline', type: 'nominal', legend: { orient: 'top', title: null } },
          },
        },
        {
          data: {
            values: [
              { goal: 0.8, baseline: 'vs raw INSERT (goal ≥ 0.8)' },
              { goal: 2, baseline: 'vs Emmett (goal ≥ 2)' },
            ],
          },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2 },
          encoding: { y: { field: 'goal', type: 'quantitative' }, color: { field: 'baseline', type: 'nominal' } },
        },
      ],
    });
  }

  // Every ratio with a ratio goal, as the share of its goal reached (1 = goal met).
  const goalShare = ratioRows(report)
    .filter((row) => row.ratio && /^≥ [\d.]+/.test(row.goal))
    .map((row) => {
      const goal = Number(/^≥ ([\d.]+)/.exec(row.goal)![1]);
      return { scenario: row.scenario, share: +(Number(row.ratio) / goal).toFixed(2), label: `${row.ratio} (goal ${row.goal})` };
    });
  if (goalShare.length) {
    await svg('goals', {
      title: { text: 'Every ratio as a share of its goal (1 = goal met)', subtitle },
      width: 460,
      layer: [
        {
          data: { values: goalShare },
          mark: { type: 'bar', tooltip: true },
          encoding: {
            y: { field: 'scenario', type: 'nominal', sort: null, title: null, axis: { labelLimit: 420 } },
            x: { field: 'share', type: 'quantitative', title: 'ratio ÷ goal' },
            color: { condition: { test: 'datum.share >= 1', value: '#4c9a2a' }, value: '#c8553d' },
          },
        },
        {
          data: { values: [{ x: 1 }] },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2 },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
      ],
    });
  }

  const latency: any[] = [];
  for (const x of r.read?.results ?? []) {
    for (const [side, m] of [
      ['Dateline', x.dateline],
      ['bare Nest', x.bareNest],
    ] as const) {
      latency.push({
        scenario: `GET /timeline, ${x.events.toLocaleString('en')} events`,
        side,
        percentile: 'p50',
        ms: Math.max(m.p50Ms, 0.5),
      });
      latency.push({
        scenario: `GET /timeline, ${x.events.toLocaleString('en')} events`,
        side,
        percentile: 'p99',
        ms: Math.max(m.p99Ms, 0.5),
      });
    }
  }
  const h = r['http-append'];
  if (h) {
    for (const [side, m] of [
      ['Dateline', h.dateline],
      ['bare Nest', h.bareNest],
    ] as const) {
      latency.push({ scenario: 'POST /diplomatic-events', side, percentile: 'p50', ms: Math.max(m.p50Ms, 0.5) });
      latency.push({ scenario: 'POST /diplomatic-events', side, percentile: 'p99', ms: Math.max(m.p99Ms, 0.5) });
    }
  }
  if (latency.length) {
    await svg('latency', {
      title: { text: 'HTTP latency under autocannon load (log scale; dashed: read goal p99 < 10 ms)', subtitle },
      data: { values: latency },
      facet: { column: { field: 'scenario', type: 'nominal', title: null, sort: null } },
      spec: {
        width: 150,
        height: 220,
        layer: [
          {
            mark: { type: 'bar', tooltip: true },
            encoding: {
              x: { field: 'percentile', type: 'nominal', title: null },
              xOffset: { field: 'side' },
              y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms' },
              color: { field: 'side', type: 'nominal', legend: { orient: 'top', title: null } },
            },
          },
          { mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y: { datum: 10 } } },
        ],
      },
    });
  }

  const lags: any[] = [];
  for (const x of r.lag?.results ?? []) {
    lags.push({
      what: `projection lag${x.via ? ` via ${x.via}` : ''}, ${x.targetAppendsPerSec}/s`,
      percentile: 'p50',
      ms: Math.max(x.lagMs.p50, 0.5),
      goal: 50,
    });
    lags.push({
      what: `projection lag${x.via ? ` via ${x.via}` : ''}, ${x.targetAppendsPerSec}/s`,
      percentile: 'p99',
      ms: Math.max(x.lagMs.p99, 0.5),
      goal: 50,
    });
  }
  for (const x of r['kafka-lag']?.results ?? []) {
    lags.push({
      what: `Kafka lag via ${x.via}, ${x.targetPerSec}/s`,
      percentile: 'p50',
      ms: Math.max(x.latencyFromSendMs.p50, 0.5),
      goal: 100,
    });
    lags.push({
      what: `Kafka lag via ${x.via}, ${x.targetPerSec}/s`,
      percentile: 'p99',
      ms: Math.max(x.latencyFromSendMs.p99, 0.5),
      goal: 100,
    });
  }
  if (lags.length) {
    await svg('lag', {
      title: { text: 'Lag percentiles (log scale; ticks: p99 goal at 500/s)', subtitle },
      data: { values: lags },
      width: 420,
      height: 240,
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            x: { field: 'what', type: 'nominal', sort: null, title: null, axis: { labelAngle: -20, labelLimit: 220 } },
            xOffset: { field: 'percentile' },
            y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms' },
            color: { field: 'percentile', type: 'nominal', legend: { orient: 'top', title: null } },
          },
        },
        {
          mark: { type: 'tick', color: 'black', thickness: 2 },
          encoding: { x: { field: 'what', type: 'nominal', sort: null }, y: { field: 'goal', type: 'quantitative' } },
        },
      ],
    });
  }

  const throughput: any[] = [];
  for (const x of r.rebuild?.results ?? []) {
    throughput.push({
      scenario: `rebuild, ${x.events.toLocaleString('en')} events`,
      side: 'Dateline',
      perSec: x.allProjectionsOnePass.eventsPerSec,
    });
    throughput.push({
      scenario: `rebuild, ${x.events.toLocaleString('en')} events`,
      side: 'baseline (plain SELECT)',
      perSec: x.plainSelectEventsPerSec,
    });
  }
  for (const x of r.read?.results ?? []) {
    throughput.push({
      scenario: `reads, ${x.events.toLocaleString('en')} events (req/s)`,
      side: x.datelineUncached ? 'Dateline (cached)' : 'Dateline',
      perSec: x.dateline.requestsPerSec,
    });
    if (x.datelineUncached)
      throughput.push({
        scenario: `reads, ${x.events.toLocaleString('en')} events (req/s)`,
        side: 'Dateline (cache off)',
        perSec: x.datelineUncached.requestsPerSec,
      });
    throughput.push({
      scenario: `reads, ${x.events.toLocaleString('en')} events (req/s)`,
      side: 'baseline (bare Nest)',
      perSec: x.bareNest.requestsPerSec,
    });
  }
  for (const x of r.relay?.results ?? []) {
    throughput.push({ scenario: `relay, batch ${x.batchSize} (events/s)`, side: 'Dateline', perSec: x.relayEventsPerSec });
    throughput.push({ scenario: `relay, batch ${x.batchSize} (events/s)`, side: 'baseline (raw kafkajs)', perSec: x.rawEventsPerSec });
  }
  if (throughput.length) {
    await svg('baselines', {
      title: { text: 'Rebuild, reads and relay against their baselines', subtitle },
      data: { values: throughput },
      width: 480,
      height: 240,
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'scenario', type: 'nominal', sort: null, title: null, axis: { labelAngle: -20, labelLimit: 220 } },
        xOffset: { field: 'side' },
        y: { field: 'perSec', type: 'quantitative', title: 'per second (events, or requests for reads)' },
        color: { field: 'side', type: 'nominal', legend: { orient: 'top', title: null } },
      },
    });
  }

  if (r.memory) {
    const values = r.memory.results.flatMap((x: any) => [
      { storage: x.storage, state: 'idle (mean)', MiB: x.idle.meanMiB },
      { storage: x.storage, state: `under ${x.load.targetPerSec} writes/s target (max)`, MiB: x.underLoad.maxMiB },
    ]);
    await svg('memory', {
      title: { text: "The service's resident memory (VmRSS)", subtitle },
      data: { values },
      width: 420,
      height: 220,
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'storage', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0, labelLimit: 160 } },
        xOffset: { field: 'state' },
        y: { field: 'MiB', type: 'quantitative', title: 'MiB' },
        color: { field: 'state', type: 'nominal', legend: { orient: 'top', title: null } },
      },
    });
  }

  console.log(`\nfrom ${file}\n\n${ratioTable(report).join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
