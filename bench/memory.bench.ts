/**
 * Memory: the service's resident set (VmRSS from /proc/<pid>/status, sampled every 200 ms) idle
 * and under a fixed write load (open loop, POST /diplomatic-events at `rate`/s), on the embedded
 * default (PGlite in a temp DATELINE_DATA_DIR: its first start, which runs initdb, and a restart
 * on the same directory) and on PostgreSQL. Then, unless `probes` is off, PGlite alone under a
 * few memory settings (bench/support/pglite-memory-probe.ts), each in a process of its own.
 *
 *   npm run build && npx tsx bench/memory.bench.ts [--rate 100] [--seconds 10] [--quick] [--probes]
 *
 * (--quick skips the PGlite probes unless --probes)
 */
import { ChildProcess, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { APPEND_BODY } from './http-append.bench';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { PGLITE_VARIANTS } from './support/pglite-memory-probe';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';

export interface MemoryOptions extends RunOptions {
  rate?: number;
  seconds?: number;
  probes?: boolean;
}

const MiB = 1024; // /proc reports kB
const statusMiB = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / MiB) : NaN;
};

/** Samples VmRSS every 200 ms until stopped. */
function sampler(pid: number) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(statusMiB(pid, 'VmRSS')), 200);
  return {
    stop() {
      clearInterval(timer);
      const s = samples.length ? samples : [statusMiB(pid, 'VmRSS')];
      return {
        meanMiB: Math.round(s.reduce((a, b) => a + b, 0) / s.length),
        maxMiB: Math.max(...s),
        lastMiB: s[s.length - 1],
        samples: s.length,
      };
    },
  };
}

/** Open loop at `rate`/s for `seconds`, over a bounded keep-alive pool. */
async function writeLoad(port: number, rate: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let ok = 0;
  let failed = 0;
  const post = () =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/diplomatic-events',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(APPEND_BODY),
            authorization: `Bearer ${BENCH_EDITOR_TOKEN}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 201 ? ok++ : failed++, resolve()));
        },
      );
      req.on('error', () => (failed++, resolve()));
      req.end(APPEND_BODY);
    });
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(post());
  }
  await Promise.all(pending);
  agent.destroy();
  return { ok, failed, achievedPerSec: Math.round(ok / ((performance.now() - started) / 1000)) };
}

async function profile(
  name: string,
  start: () => Promise<{ child: ChildProcess; port: number }>,
  rate: number,
  seconds: number,
  idleSeconds: number,
) {
  const { child, port } = await start();
  try {
    const pid = child.pid!;
    const afterStart = statusMiB(pid, 'VmRSS');
    let s = sampler(pid);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idle = s.stop();
    s = sampler(pid);
    const load = await writeLoad(port, rate, seconds);
    const underLoad = s.stop();
    return {
      storage: name,
      afterStartMiB: afterStart,
      idle,
      underLoad,
      peakMiB: statusMiB(pid, 'VmHWM'),
      load: { targetPerSec: rate, seconds, ...load },
    };
  } finally {
    await stop(child);
  }
}

export async function run(options: MemoryOptions = {}) {
  const log = options.log ?? console.log;
  const rate = options.rate ?? (options.quick ? 50 : 100);
  const seconds = options.seconds ?? (options.quick ? 3 : 10);
  const idleSeconds = options.quick ? 2 : 5;
  const probes = options.probes ?? !options.quick;
  const results = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-bench-memory-'));
  const db = await createTempDatabase('dateline_bench');
  try {
    // DATABASE_URL '' means unset for the service: embedded PGlite in DATELINE_DATA_DIR. No
    // sample: an idle empty store, as the figures in docs/benchmarks.md were measured.
    const pglite = async () => {
      const port = await freePort();
      return {
        port,
        child: await startService('', port, { DATELINE_DATA_DIR: dataDir, DATELINE_IN_MEMORY: '0', DATELINE_SAMPLE: 'none' }),
      };
    };
    for (const [name, start] of [
      ['PGlite, first start (initdb)', pglite],
      ['PGlite, restart on the same data dir', pglite],
      [
        'PostgreSQL',
        async () => {
          const port = await freePort();
          return { port, child: await startService(db.url, port) };
        },
      ],
    ] as const) {
      const r = await profile(name, start, rate, seconds, idleSeconds);
      log(
        `${name}: idle ${r.idle.meanMiB} MiB, under ${r.load.achievedPerSec}/s writes max ${r.underLoad.maxMiB} MiB, peak ${r.peakMiB} MiB`,
      );
      results.push(r);
    }
    const pgliteProbes = [];
    if (probes) {
      for (const variant of Object.keys(PGLITE_VARIANTS)) {
        for (const reopen of [false, true]) {
          const { stdout } = await promisify(execFile)(
            process.execPath,
            [...process.execArgv, join(__dirname, 'support/pglite-memory-probe.ts'), variant, '2000', reopen ? 'reopen' : ''],
            { cwd: process.cwd() },
          );
          const p = JSON.parse(stdout.trim().split('\n').at(-1)!) as { opened: { rssMiB: number }; read: { rssMiB: number } };
          log(
            `PGlite alone, ${variant}, ${reopen ? 'reopen' : 'first open'}: ${p.opened.rssMiB} MiB after open, ${p.read.rssMiB} MiB after 2,000 appends`,
          );
          pgliteProbes.push(p);
        }
      }
    }
    return {
      benchmark: 'memory',
      date: new Date().toISOString(),
      measure: 'VmRSS of the service process, /proc/<pid>/status, every 200 ms',
      machine: await describeMachine(TEST_PG_ADMIN_URL),
      results,
      pgliteProbes,
    };
  } finally {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: {
        rate: { type: 'string' },
        seconds: { type: 'string' },
        quick: { type: 'boolean', default: false },
        probes: { type: 'boolean' },
      },
    });
    const report = await run({
      quick: values.quick,
      rate: values.rate ? Number(values.rate) : undefined,
      seconds: values.seconds ? Number(values.seconds) : undefined,
      probes: values.probes,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-memory${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
