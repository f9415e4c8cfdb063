#!/usr/bin/env node
// npm test: the whole suite (unit, contract, e2e, browser) in Jest's native ESM mode (NestJS 12 is
// ESM-only), then one plain closing line "tests: N passed, N failed" that any CI can read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.cache', { recursive: true });
const results = '.cache/jest-results.json';
rmSync(results, { force: true });

const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary = 'tests: 0 passed, 1 failed (jest wrote no results)';
try {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed${skipped ? `, ${skipped} skipped` : ''}`;
} catch {
  // keep the failure summary
}
console.log(`\n${summary}`);
process.exit(jest.status ?? 1);
