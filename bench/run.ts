/**
 * Every benchmark scenario in sequence, each against its baseline in the same run, into one
 * file: bench/results/<YYYY-MM-DD>.json (`--quick`: <YYYY-MM-DD>-quick.json), with the machine
 * and the load average before and after each scenario (other processes may share the machine).
 *
 *   npm run bench                     # everything (30 minutes on 2 cores, 2026-12-06)
 *   npm run bench -- --quick          # smaller sizes, shorter runs
 *   npm run bench -- --only append,read,desk
 *   npm run bench -- --only breaking-news --quick   # a 10 s smoke of the breaking-news profile
 *
 * Needs the built service and bare Nest app (`npm run build && nest build bench-bare`, which the
 * npm script does) and the local PostgreSQL. Kafka: with KAFKA_BROKERS set, the Kafka scenarios
 * use that broker; otherwise this starts its own (scripts/kafka/up.sh on BENCH_KAFKA_PORT,
 * default 19692) and stops it at the end.
 *
 * The Kafka scenarios (bench/kafka-lag.bench.ts, bench/relay.bench.ts) run as child processes in
 * a scratch directory, so their own result files do not land in bench/results; their reports are
 * read back from there.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { run as runAppend } from './append.bench';
import { run as runBreakingNews } from './breaking-news.bench';
import { run as runDesk } from './desk.bench';
import { run as runEmbed } from './embed.bench';
import { run as runHttpAppend } from './http-append.bench';
import { run as runLag } from './lag.bench';
import { describeMachine } from './machine';
import { run as runMemory } from './memory.bench';
import { run as runRead } from './read.bench';
import { run as runRebuild } from './rebuild.bench';
import { run as runSearch } from './search.bench';
import { Log, writeReport } from './support/bench-cli';
import { speedProbe } from './support/speed-probe';
import { TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { ratioTable } from './summary';

const ROOT = resolve(__dirname, '..');
const loadAverage = () => loadavg().map((x) => +x.toFixed(2));
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

/** A broker for the Kafka scenarios: KAFKA_BROKERS, or one of our own started here. */
async function kafkaBroker(fromEnv: string | undefined, log: Log): Promise<{ brokers: string; stop: () => Promise<void> }> {
  if (fromEnv) return { brokers: fromEnv, stop: async () => undefined };
  const port = process.env.BENCH_KAFKA_PORT ?? '19692';
  const env = { ...process.env, KAFKA_PORT: port };
  const { stdout } = await promisify(execFile)('bash', [join(ROOT, 'scripts/kafka/up.sh')], { env, cwd: ROOT });
  log(stdout.trim());
  // Stop only a broker this run started, never one that was already up on that port.
  const ours = !stdout.includes('already running');
  return {
    brokers: `127.0.0.1:${port}`,
    stop: async () => {
      if (!ours) return;
      const r = await promisify(execFile)('bash', [join(ROOT, 'scripts/kafka/down.sh')], { env, cwd: ROOT });
      log(r.stdout.trim());
    },
  };
}

/** Runs another helper's bench file in a scratch directory and returns the report it wrote. */
async function childBench(file: string, args: string[], brokers: string, log: Log): Promise<unknown> {
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-bench-run-'));
  try {
    mkdirSync(join(scratch, 'bench/results'), { recursive: true });
    symlinkSync(join(ROOT, 'dist'), join(scratch, 'dist'));
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    await new Promise<void>((done, fail) => {
      const child = spawn(tsx, ['--tsconfig', join(ROOT, 'tsconfig.json'), join(ROOT, file), ...args], {
        cwd: scratch,
        env: { ...process.env, BENCH_KAFKA_BROKERS: brokers },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let tail = '';
      const lines = (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-4000);
        // Their progress lines start with two spaces; the service's JSON logs are skipped.
        for (const line of chunk.toString().split('\n')) if (/^ {2}\S/.test(line) && line.length < 400) log(line.trim());
      };
      child.stdout.on('data', lines);
      child.stderr.on('data', lines);
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${file} exited ${code}: ${tail.slice(-1500)}`))));
    });
    const [report] = readdirSync(join(scratch, 'bench/results')).filter((f) => f.endsWith('.json'));
    if (!report) throw new Error(`${file} wrote no report`);
    return JSON.parse(readFileSync(join(scratch, 'bench/results', report), 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
  const quick = values.quick;
  const only = values.only?.split(',');
  for (const script of ['dist/apps/service/src/main.js', 'dist/bench/bare-nest/main.js']) {
    if (!existsSync(join(ROOT, script)))
      throw new Error(`${script} is missing: run \`npm run build && npx nest build bench-bare\` (npm run bench does)`);
  }
  // The services the scenarios spawn inherit this environment: keep the relay off in them
  // unless a scenario asks for it, whatever the caller's KAFKA_BROKERS says.
  const kafkaFromEnv = process.env.KAFKA_BROKERS;
  delete process.env.KAFKA_BROKERS;

  const started = performance.now();
  const date = new Date().toISOString();
  const log: Log = (line) => console.log(`    ${line}`);
  let broker: Promise<{ brokers: string; stop: () => Promise<void> }> | undefined;
  const startBroker = () => {
    if (!broker) {
      log(kafkaFromEnv ? `Kafka: ${kafkaFromEnv} (KAFKA_BROKERS)` : 'Kafka: starting our own broker (scripts/kafka/up.sh)');
      broker = kafkaBroker(kafkaFromEnv, log);
      broker.catch(() => undefined); // awaited, and reported, by the Kafka scenarios
    }
    return broker;
  };
  const brokers = () => startBroker().then((b) => b.brokers);
  const needsKafka = !only || only.includes('kafka-lag') || only.includes('relay');

  const scenarios: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'append', run: () => runAppend({ quick, log }) },
    { name: 'http-append', run: () => runHttpAppend({ quick, log }) },
    // Before read: the Kafka broker it starts would share the cores with the desk's steady-rate runs.
    { name: 'desk', run: () => runDesk({ quick, log }) },
    // Also before read, for the same reason: its latency goals need the cores to itself.
    { name: 'breaking-news', run: () => runBreakingNews({ quick, log }) },
    // The broker's JVM starts while the read scenario fills and projects its log (not measured).
    {
      name: 'read',
      run: () => runRead({ quick, log, beforeMeasure: needsKafka ? () => startBroker().catch(() => undefined) : undefined }),
    },
    { name: 'search', run: () => runSearch({ quick, log }) },
    { name: 'embed', run: () => runEmbed({ quick, log }) },
    { name: 'rebuild', run: () => runRebuild({ quick, log }) },
    { name: 'lag', run: () => runLag({ quick, log }) },
    { name: 'memory', run: () => runMemory({ quick, log }) },
    {
      name: 'kafka-lag',
      run: async () =>
        childBench(
          'bench/kafka-lag.bench.ts',
          quick ? ['--quick', '--rates', '500', '--via', 'store'] : ['--rates', '500,150', '--seconds', '15'],
          await brokers(),
          log,
        ),
    },
    {
      name: 'relay',
      run: async () =>
        childBench(
          'bench/relay.bench.ts',
          quick ? ['--quick', '--batches', '500', '--rounds', '1'] : ['--sizes', '50000', '--batches', '500,2000', '--rounds', '3'],
          await brokers(),
          log,
        ),
    },
  ].filter((s) => !only || only.includes(s.name));

  const results: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const load: Record<string, { start: number[]; end: number[]; seconds: number; speedProbeMs: { before: number; after: number } }> = {};
  const loadAtStart = loadAverage();
  console.log(
    `Dateline benchmarks${quick ? ' (quick)' : ''}: ${scenarios.length} scenarios; load average ${loadAtStart.join(' ')} on ${cpus().length} cores`,
  );
  try {
    for (const [i, s] of scenarios.entries()) {
      const t = performance.now();
      const before = loadAverage();
      const probeBefore = await speedProbe();
      console.log(`[${i + 1}/${scenarios.length}] ${s.name} (total ${elapsed(started)}, load ${before[0]}, speed probe ${probeBefore} ms)`);
      try {
        results[s.name] = await s.run();
      } catch (err) {
        errors[s.name] = err instanceof Error ? (err.stack ?? err.message) : String(err);
        console.log(`    FAILED: ${errors[s.name].split('\n')[0]}`);
      }
      const end = loadAverage();
      const seconds = Math.round((performance.now() - t) / 1000);
      load[s.name] = { start: before, end, seconds, speedProbeMs: { before: probeBefore, after: await speedProbe() } };
      console.log(`    done in ${elapsed(t)}`);
    }
  } finally {
    if (broker)
      await broker.then(
        (b) => b.stop(),
        () => undefined,
      );
  }

  const report = {
    benchmark: 'all',
    date,
    quick,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    loadAverage: { start: loadAtStart, end: loadAverage(), byScenario: load },
    note: 'Load generators, servers, PostgreSQL and Kafka share the same cores; other processes on the machine show in the load average. speedProbeMs: a fixed piece of work timed before and after each scenario (bench/support/speed-probe.ts); the host is shared, and a slower probe means a slower machine for that scenario.',
    results,
    errors,
  };
  const file = join(ROOT, `bench/results/${date.slice(0, 10)}${quick ? '-quick' : ''}.json`);
  writeReport(file, report);
  console.log(`\n${ratioTable(report).join('\n')}\n`);
  console.log(
    `written to ${file} in ${elapsed(started)}${Object.keys(errors).length ? `; FAILED: ${Object.keys(errors).join(', ')}` : ''}`,
  );
  if (Object.keys(errors).length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
