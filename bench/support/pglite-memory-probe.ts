/**
 * One PGlite configuration in a process of its own (PGlite never returns its memory, so each
 * variant needs a fresh process): opens PGlite on a fresh data dir with the variant's options,
 * appends `events` rows one statement at a time (as the service's appends do), reads them all
 * back, and prints one JSON line with the process RSS and the WASM heap after each step.
 *
 * With `reopen`, the data dir is made (initdb) in a first process and reopened here, as a
 * restarted service reopens its .dateline/pglite.
 *
 *   npx tsx bench/support/pglite-memory-probe.ts <variant> [events] [reopen]
 */
import { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PGlite 0.5's own default start parameters (dist), to which a variant adds `-c` settings. */
const DEFAULT_START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
];
const MiB = 2 ** 20;

export const PGLITE_VARIANTS: Record<string, PGliteOptions> = {
  default: {},
  // Not a variant: PGlite's WASM module declares 2048 pages (128 MiB) as its minimum, and a
  // smaller initialMemory (tried: 32 and 64 MiB) fails with "LinkError: memory import 0 is
  // smaller than initial 2048" as an unhandled rejection. initialMemory can only raise the start.
  'shared_buffers 16MB': { startParams: [...DEFAULT_START_PARAMS, '-c', 'shared_buffers=16MB'] },
};

const rssMiB = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024);
const hwmMiB = () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024);

async function main(): Promise<void> {
  const variant = process.argv[2] ?? 'default';
  const events = Number(process.argv[3] ?? 2000);
  const reopen = process.argv[4] === 'reopen';
  const options = PGLITE_VARIANTS[variant];
  if (!options) throw new Error(`unknown variant ${variant}`);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pglite-probe-'));
  try {
    if (reopen)
      execFileSync(process.execPath, [...process.execArgv, __filename, '--initdb-only', join(dir, 'pglite')], { stdio: 'inherit' });
    const before = rssMiB();
    let db: PGlite;
    try {
      db = await PGlite.create(join(dir, 'pglite'), options);
    } catch (err) {
      console.log(JSON.stringify({ variant, reopen, error: String(err) }));
      return;
    }
    // The WASM heap: not public API, read only to say where the memory sits.
    const wasmHeap = () =>
      Math.round(((db as unknown as { mod?: { wasmMemory?: { buffer: ArrayBuffer } } }).mod?.wasmMemory?.buffer.byteLength ?? NaN) / MiB);
    const opened = { rssMiB: rssMiB(), wasmHeapMiB: wasmHeap() };
    const sharedBuffers = (await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0].shared_buffers;
    await db.query('CREATE TABLE e (position bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)');
    const data = JSON.stringify({
      title: 'Delegations open talks in Geneva',
      kind: 'talks',
      occurredOn: '2024-03-05',
      summary: 'x'.repeat(400),
    });
    for (let i = 0; i < events; i++) await db.query('INSERT INTO e (stream_id, data) VALUES ($1, $2)', [`s-${i}`, data]);
    const written = { rssMiB: rssMiB(), wasmHeapMiB: wasmHeap() };
    await db.query('SELECT * FROM e');
    const read = { rssMiB: rssMiB(), wasmHeapMiB: wasmHeap() };
    await db.close();
    console.log(JSON.stringify({ variant, reopen, events, sharedBuffers, beforeMiB: before, opened, written, read, peakMiB: hwmMiB() }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function initdbOnly(dir: string): Promise<void> {
  const db = await PGlite.create(dir);
  await db.close();
}

if (require.main === module) {
  (process.argv[2] === '--initdb-only' ? initdbOnly(process.argv[3]) : main()).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
