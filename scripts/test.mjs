#!/usr/bin/env node
// npm test: the whole suite (unit, contract, e2e, kafka, faults, browser) in Jest's native
// ESM mode (NestJS 12 is ESM-only), then one plain closing line "tests: N passed, N failed" that any CI can read.
// When KAFKA_BROKERS is unset, a real Kafka broker of the suite's own is started (on
// KAFKA_TEST_PORT, default 19092, so that a developer's broker on 9092 is left alone) and
// stopped afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env };
let ownBroker;
// Only when the run includes the Kafka suites (all projects, or `--selectProjects … kafka …`).
const args = process.argv.slice(2);
const selected = args.indexOf('--selectProjects');
const needsKafka = selected === -1 || args.slice(selected + 1).some((p) => p === 'kafka' || p === 'faults');
if (!env.KAFKA_BROKERS && needsKafka) {
  // KAFKA_PORT_SETTING: what up.sh advises setting when the port is busy (here, not KAFKA_PORT).
  ownBroker = {
    ...env,
    KAFKA_PORT: env.KAFKA_TEST_PORT ?? '19092',
    KAFKA_PORT_SETTING: "KAFKA_TEST_PORT (the port of npm test's broker; its controller takes the next one)",
  };
  const up = spawnSync('bash', ['scripts/kafka/up.sh'], { stdio: 'inherit', env: ownBroker });
  if (up.status !== 0) {
    console.error('\ntests: 0 passed, 1 failed (could not start the Kafka broker: see above)');
    process.exit(1);
  }
  env.KAFKA_BROKERS = `127.0.0.1:${ownBroker.KAFKA_PORT}`;
}

// The Kafka, fault and some e2e suites (first-run) run the real service as a child process:
// Nest's DI needs a real build. Built only when the sources changed since the last build.
const needsBuild = selected === -1 || args.slice(selected + 1).some((p) => ['kafka', 'faults', 'e2e'].includes(p));
if (needsBuild) {
  const build = spawnSync(process.execPath, ['scripts/build-if-changed.mjs', '--quiet'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('\ntests: 0 passed, 1 failed (npm run build failed: see above)');
    process.exit(1);
  }
}

mkdirSync('.cache', { recursive: true });
const results = '.cache/jest-results.json';
rmSync(results, { force: true });

const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${results}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);
if (ownBroker) spawnSync('bash', ['scripts/kafka/down.sh'], { stdio: 'inherit', env: ownBroker });

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
