#!/usr/bin/env node
// `npm start` and `npm run cli` build only when something the build reads has changed since the
// last successful build: a full `nest build` takes 15 s to over a minute on a shared 2-core
// machine, and most starts follow no change at all.
//
// The check (scripts/source-hash.mjs): a SHA-256 over the path and content of every file the
// build compiles (apps/ and libs/, less the test files tsconfig.build.json excludes), the
// TypeScript and Nest configs, package.json and package-lock.json (a changed dependency can
// change what compiles), and the Node version. It is compared with the stamp the last successful build left in dist/; content,
// not mtimes, so a `git checkout` that changes nothing rebuilds nothing. The stamp is removed
// before building and written only after success, so a failed or interrupted build is redone.
//
//   node scripts/build-if-changed.mjs [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceHash } from './source-hash.mjs';

const ROOT = join(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');
// What the build must have produced; a stamp without them (dist cleaned by hand) means rebuild.
const OUTPUTS = ['dist/apps/service/src/main.js', 'dist/apps/cli/src/main.js'];
/** Builds when the sources changed since the last successful build; answers an exit status. */
export function buildIfChanged({ quiet = false } = {}) {
  const current = sourceHash(ROOT);
  const upToDate = existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === current && OUTPUTS.every((f) => existsSync(join(ROOT, f)));
  if (upToDate) {
    if (!quiet) console.error('build: dist/ is up to date with the sources (scripts/build-if-changed.mjs)');
    return 0;
  }
  console.error('build: sources changed since the last build (or none yet): npm run build ...');
  rmSync(STAMP, { force: true });
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(STAMP, `${current}\n`);
  return 0;
}

// Run as a script (npm start, scripts/test.mjs); scripts/cli.mjs imports it instead.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exit(buildIfChanged({ quiet: process.argv.includes('--quiet') }));
}
