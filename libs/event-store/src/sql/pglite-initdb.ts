import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
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
export async function initPgliteDataDir(dataDir: string, options: { sync?: boolean } = {}): Promise<boolean> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  // The same PGlite this process loaded, found from its main script (the service, the CLI,
  // Jest or tsx all start inside the project): `require` itself is missing under Jest's ESM mode.
  const pglite = createRequire(resolve(process.argv[1] ?? 'index.js')).resolve('@electric-sql/pglite');
  const script = 'const [, module, dir] = process.argv; const { PGlite } = require(module); PGlite.create(dir).then((db) => db.close());';
  await promisify(execFile)(process.execPath, ['-e', script, pglite, dataDir], { timeout: 300_000 });
  // PGlite's initdb syncs nothing; PostgreSQL's initdb syncs the new cluster before it is used
  // (ADR 0009), or a power cut could leave WAL that is on disk for a cluster that is not.
  if (options.sync !== false) await syncTree(dataDir);
  return true;
}

/** fsyncs every file and directory under `dir`, the directories after their entries. */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await syncFile(path);
  }
  await syncFile(dir);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
