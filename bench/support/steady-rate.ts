import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openLoop } from './open-loop';
import { percentiles } from './percentiles';

/** Latency at a steady rate, as a reader arriving on their own sees it. */
export interface SteadyRate {
  readonly rate: number;
  /** Sent per second over the run. */
  readonly requestsPerSec: number;
  /** Requests not answered 200: refused (503, load shedding) or not answered at all. Counted in the percentiles at their own times. */
  readonly notOk: number;
  readonly refused: number;
  readonly unanswered: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** How late the load generator sent its p99 request: a busy machine shows here, not as the service's latency alone. */
  readonly lateP99Ms: number;
}

const STEADY_RATE_PROCESS = join(__dirname, 'steady-rate-process.ts');

/**
 * GETs `path` once every 1/`rate` s for `seconds`, in an open loop (open-loop.ts), each request
 * timed from the instant it was due. Not autocannon's `overallRate`: that lets each connection
 * send its quota for the second back to back as the second starts and then wait, so it times
 * bursts at full speed; and it corrects for coordinated omission as if a request were due every
 * millisecond (`Math.ceil(1 / rate)` of a connection's rate), adding made-up samples for every
 * answer slower than that (docs/benchmarks.md, "Latency at a steady rate").
 */
export async function steadyRate(
  port: number,
  path: string,
  rate: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<SteadyRate> {
  // In a process of its own, whose heap holds the open loop and nothing else: the bench's own
  // process has just built the store (a million events at 1M) and projected it, and its
  // collector's pauses made it send late (p99 5.7 ms against 1.2 at 100k), which counts
  // against the service (docs/benchmarks.md, "A fresh load generator for the steady rate").
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, STEADY_RATE_PROCESS, JSON.stringify({ port, path, rate, seconds, headers })],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as SteadyRate;
}

/** The same, sent from this process (steady-rate-process.ts runs it). */
export async function steadyRateHere(
  port: number,
  path: string,
  rate: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<SteadyRate> {
  const { sent } = await openLoop(port, rate, seconds, () => ({ label: path, path, headers }));
  // Not thrown away: a rate beyond what the service answers shows as refusals and timeouts
  // (its latencies stay in the percentiles); the summary fails such a run's goal.
  const notOk = sent.filter((s) => s.status !== 200);
  const ms = percentiles(sent.map((s) => s.ms));
  return {
    rate,
    requestsPerSec: Math.round(sent.length / seconds),
    notOk: notOk.length,
    refused: notOk.filter((s) => s.status === 503).length,
    unanswered: notOk.filter((s) => s.status === 0).length,
    p50Ms: ms.p50,
    p90Ms: ms.p90,
    p99Ms: ms.p99,
    maxMs: ms.max,
    lateP99Ms: percentiles(sent.map((s) => s.lateMs)).p99,
  };
}
