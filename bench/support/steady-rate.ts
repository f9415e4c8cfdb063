import { openLoop } from './open-loop';
import { percentiles } from './percentiles';

/** Latency at a steady rate, as a reader arriving on their own sees it. */
export interface SteadyRate {
  readonly rate: number;
  /** Answered per second over the run: below `rate` when the service fell behind. */
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** How late the load generator sent its p99 request: a busy machine shows here, not as the service's latency alone. */
  readonly lateP99Ms: number;
}

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
  const { sent } = await openLoop(port, rate, seconds, () => ({ label: path, path, headers }));
  // An error answers fast: a run with errors would look good and mean nothing.
  const failed = sent.filter((s) => s.status !== 200);
  if (failed.length > 0)
    throw new Error(
      `GET ${path} at ${rate} req/s: ${failed.length} of ${sent.length} answers not 200 (${[...new Set(failed.map((s) => s.status))].join(', ')})`,
    );
  const ms = percentiles(sent.map((s) => s.ms));
  return {
    rate,
    requestsPerSec: Math.round(sent.length / seconds),
    p50Ms: ms.p50,
    p90Ms: ms.p90,
    p99Ms: ms.p99,
    maxMs: ms.max,
    lateP99Ms: percentiles(sent.map((s) => s.lateMs)).p99,
  };
}
