import autocannon from 'autocannon';
import { cpuPerRequest, cpuSnapshot } from './cpu-time';

/** A server and the request a benchmark sends it: its runs alternate with the others' (pairedRounds). */
export interface LoadTarget {
  readonly url: string;
  readonly serverPid: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Connections kept busy (closed loop): 10 unless said. */
  readonly connections?: number;
}

/** Latency, failures and CPU per request of a closed-loop run. */
interface LoadFigures {
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly cpu: ReturnType<typeof cpuPerRequest>;
}

/** What a closed-loop run reports, for the rounds together, and each round's throughput. */
export interface RoundsResult extends LoadFigures {
  readonly requestsPerSec: number;
  /** Requests/s of each round, in order: a ratio between targets can be read round by round. */
  readonly rounds: number[];
}

/** One round's run of one target. */
interface Round extends LoadFigures {
  readonly requests: number;
  readonly seconds: number;
}

async function oneRound(target: LoadTarget, seconds: number): Promise<Round> {
  const before = cpuSnapshot(target.serverPid);
  const r = await autocannon({
    url: target.url,
    connections: target.connections ?? 10,
    duration: seconds,
    method: target.method ?? 'GET',
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  await settled(target.serverPid);
  return {
    requests: r.requests.total,
    seconds: r.duration,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpu: cpuPerRequest(before, cpuSnapshot(target.serverPid), r.requests.total),
  };
}

/**
 * Waits until the server has stopped working after a run (under a tenth of a core for 300 ms,
 * at most 15 s): the service projects what it appended after its run ends, which would
 * otherwise take CPU from the next target's run. The run's CPU figures include that work.
 */
async function settled(serverPid: number): Promise<void> {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const before = cpuSnapshot(serverPid).server;
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (cpuSnapshot(serverPid).server - before < 0.03 || performance.now() > deadline) return;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Closed-loop load (each target's connections, as fast as they go) on each target in turn, `rounds` times,
 * `secondsEach` a run, the order turned by one each round. A ratio between two servers measured
 * a minute apart moved with the host: on this shared VM the same fixed work took 155 to 249 ms
 * within one idle minute (docs/benchmarks.md). Alternating short runs puts every target through
 * the same slow and fast spells, so that their ratio is the servers' and not the minute's.
 *
 * Throughput is every round's requests over every round's seconds; p50 the median round's; p90
 * and p99 the worst round's, so that a bad spell is not averaged away; CPU per request over all.
 */
export async function pairedRounds<K extends string>(
  targets: Record<K, LoadTarget>,
  rounds: number,
  secondsEach: number,
): Promise<Record<K, RoundsResult>> {
  const names = Object.keys(targets) as K[];
  const runs = new Map<K, Round[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      runs.get(name)!.push(await oneRound(targets[name], secondsEach));
    }
  }
  const out = {} as Record<K, RoundsResult>;
  for (const name of names) {
    const rs = runs.get(name)!;
    const requests = rs.reduce((a, r) => a + r.requests, 0);
    const weighted = (f: (r: Round) => number) => Math.round(rs.reduce((a, r) => a + f(r) * r.requests, 0) / Math.max(1, requests));
    out[name] = {
      requestsPerSec: Math.round(requests / rs.reduce((a, r) => a + r.seconds, 0)),
      p50Ms: median(rs.map((r) => r.p50Ms)),
      p90Ms: Math.max(...rs.map((r) => r.p90Ms)),
      p99Ms: Math.max(...rs.map((r) => r.p99Ms)),
      errors: rs.reduce((a, r) => a + r.errors, 0),
      non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
      cpu: {
        serverUs: weighted((r) => r.cpu.serverUs),
        postgresUs: weighted((r) => r.cpu.postgresUs),
        loadGeneratorUs: weighted((r) => r.cpu.loadGeneratorUs),
        machineBusyPercent: Math.round(
          rs.reduce((a, r) => a + r.cpu.machineBusyPercent * r.seconds, 0) / rs.reduce((a, r) => a + r.seconds, 0),
        ),
      },
      rounds: rs.map((r) => Math.round(r.requests / r.seconds)),
    };
  }
  return out;
}
