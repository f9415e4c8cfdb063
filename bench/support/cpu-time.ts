import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the CPU went during a load run, read from /proc (Linux): the server under test, every
 * PostgreSQL process, this process (the load generator), and the whole machine. On 2 cores
 * these share the CPU, so a ratio between two servers is partly a ratio of what their helpers
 * (PostgreSQL, here) take from them; CPU per request says which part costs what.
 */
export interface CpuSnapshot {
  readonly server: number;
  /** Per PostgreSQL process: backends come and go, so only their own deltas add up. */
  readonly postgres: ReadonlyMap<number, number>;
  readonly loadGenerator: number;
  /** The whole machine's CPU ticks (machineTicks). */
  readonly machine: readonly number[];
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux build we run on (getconf CLK_TCK)

/** utime + stime of one process, in seconds; 0 once it has gone. */
function processSeconds(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields from after its closing bracket.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function postgresSeconds(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') byPid.set(Number(entry), processSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** CPU the PostgreSQL processes used between two snapshots (a backend that ended meanwhile is missed). */
function postgresDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** All cores' CPU ticks since boot, from /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal. */
function machineTicks(): number[] {
  return readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
}

/** How busy the machine was between two readings of machineTicks, and how much the hypervisor took (steal). */
function machineShares(before: readonly number[], after: readonly number[]): { busyPct: number; stealPct: number } {
  const d = after.map((v, i) => v - before[i]);
  const total = Math.max(
    1,
    d.reduce((a, b) => a + b, 0),
  );
  const idle = d[3] + d[4]; // idle + iowait
  return { busyPct: Math.round((100 * (total - idle)) / total), stealPct: Math.round((100 * d[7]) / total) };
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  return {
    server: processSeconds(serverPid),
    postgres: postgresSeconds(),
    loadGenerator: processSeconds(process.pid),
    machine: machineTicks(),
  };
}

/** CPU microseconds per request of each part between two snapshots, and how busy the machine was. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const perRequest = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, requests));
  const us = (k: 'server' | 'loadGenerator') => perRequest(after[k] - before[k]);
  return {
    serverUs: us('server'),
    postgresUs: perRequest(postgresDelta(before.postgres, after.postgres)),
    loadGeneratorUs: us('loadGenerator'),
    machineBusyPercent: machineShares(before.machine, after.machine).busyPct,
  };
}

/**
 * Cores the whole machine kept busy between two snapshots: what the parts a scenario measures
 * do not add up to was taken by something else on the machine (another process, the kernel).
 */
export function machineBusyCores(before: CpuSnapshot, after: CpuSnapshot): number {
  return +((machineShares(before.machine, after.machine).busyPct / 100) * cpus().length).toFixed(2);
}

/**
 * Whole-machine CPU use (Linux /proc/stat) from now until the returned function is called: how
 * much of the 2 cores the run had to share, which a load average at the start and end hides.
 */
export function machineCpu(): () => { busyPct: number; stealPct: number } {
  const before = machineTicks();
  return () => machineShares(before, machineTicks());
}

/**
 * Waits, up to `maxSeconds`, for a second in which the whole machine used less than
 * `busyPctBelow` of its cores, and says how long it waited and how busy the last second was.
 * run.ts starts the Kafka broker during the read scenario's setup; once ready its JVM was
 * measured at 1-10% of the machine (docs/benchmarks.md, "A leaner 304"), so this mostly returns
 * after a second. Should a start ever run on, the log says so instead of the figures hiding it.
 */
export async function quietMachine(maxSeconds = 60, busyPctBelow = 15): Promise<{ waitedSeconds: number; busyPct: number }> {
  const started = performance.now();
  for (;;) {
    const busy = machineCpu();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { busyPct } = busy();
    const waitedSeconds = Math.round((performance.now() - started) / 1000);
    if (busyPct < busyPctBelow || waitedSeconds >= maxSeconds) return { waitedSeconds, busyPct };
  }
}
