import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Progress lines of a scenario; `bench/run.ts` routes them to its progress display. */
export type Log = (line: string) => void;

/** Options every scenario's `run()` takes: `quick` trims sizes and durations, never the method. */
export interface RunOptions {
  quick?: boolean;
  log?: Log;
}

/** Writes a bench's report as pretty JSON (the single-scenario CLIs; run.ts writes one file for all). */
export function writeReport(file: string, report: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}

/** Runs a bench file's CLI and exits non-zero on failure, as each bench did before run.ts existed. */
export function cli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
