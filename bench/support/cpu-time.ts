import { readdirSync, readFileSync } from 'node:fs';

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
  /** Busy and total seconds of all cores together. */
  readonly machineBusy: number;
  readonly machineTotal: number;
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

function machineSeconds(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu.split(/\s+/).slice(1).map(Number);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const m = machineSeconds();
  return { server: processSeconds(serverPid), postgres: postgresSeconds(), loadGenerator: processSeconds(process.pid), machineBusy: m.busy, machineTotal: m.total };
}

/** CPU microseconds per request of each part between two snapshots, and how busy the machine was. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const perRequest = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, requests));
  const us = (k: 'server' | 'loadGenerator') => perRequest(after[k] - before[k]);
  return {
    serverUs: us('server'),
    postgresUs: perRequest(postgresDelta(before.postgres, after.postgres)),
    loadGeneratorUs: us('loadGenerator'),
    machineBusyPercent: Math.round((100 * (after.machineBusy - before.machineBusy)) / Math.max(1e-9, after.machineTotal - before.machineTotal)),
  };
}

/**
 * Whole-machine CPU use (Linux /proc/stat) from now until the returned function is called: how
 * much of the 2 cores the run had to share, which a load average at the start and end hides.
 */
export function machineCpu(): () => { busyPct: number; stealPct: number } {
  const read = () => readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const before = read();
  return () => {
    const d = read().map((v, i) => v - before[i]);
    const total = d.reduce((a, b) => a + b, 0);
    const idle = d[3] + d[4]; // idle + iowait
    return { busyPct: Math.round((100 * (total - idle)) / total), stealPct: Math.round((100 * d[7]) / total) };
  };
}
