import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A fixed piece of work (SHA-256 of 64 MiB, then 300,000 small JSON strings) timed in a fresh
 * Node process, three times: the median in ms. The machine is a VM whose host is shared, and
 * the same work took 155 to 249 ms in six probes within a minute on an idle machine; a
 * scenario's absolute figures (a p99 in ms) move with it, so every report carries it to tell a
 * slow host from a slow service. Ratios within one scenario are measured side by side and move
 * far less.
 */
export async function speedProbe(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', WORK]);
    times.push(Number(stdout));
  }
  return times.sort((a, b) => a - b)[1];
}

const WORK = `
const { createHash } = require('node:crypto');
const block = Buffer.alloc(1 << 20, 7);
const started = process.hrtime.bigint();
for (let i = 0; i < 64; i++) createHash('sha256').update(block).digest();
const kept = {};
for (let i = 0; i < 300000; i++) kept['k' + (i % 5000)] = JSON.stringify({ a: i, b: [i, i + 1] });
process.stdout.write(String(Math.round(Number(process.hrtime.bigint() - started) / 1e6)));
`;
