import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * Creates a PGlite data directory (initdb) in a short-lived child process, when it does not
 * exist yet.
 *
 * Why: PGlite runs PostgreSQL in a WebAssembly heap, and a WASM heap only grows. initdb takes
 * about 500 MiB of it, which the service then kept for its whole life (first start: 841 MiB RSS
 * idle, against 388 MiB for a restart on the same directory; docs/benchmarks.md). Done in a
 * child, that memory goes back to the system when the child exits.
 */
export async function initPgliteDataDir(dataDir: string): Promise<boolean> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  // The same PGlite this process loaded, found from its main script (the service, the CLI,
  // Jest or tsx all start inside the project): `require` itself is missing under Jest's ESM mode.
  const pglite = createRequire(resolve(process.argv[1] ?? 'index.js')).resolve('@electric-sql/pglite');
  const script = 'const [, module, dir] = process.argv; const { PGlite } = require(module); PGlite.create(dir).then((db) => db.close());';
  await promisify(execFile)(process.execPath, ['-e', script, pglite, dataDir], { timeout: 300_000 });
  return true;
}
