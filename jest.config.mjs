// Jest runs in native ESM mode (NestJS 12 is ESM-only): see scripts/test.mjs, which starts Jest with --experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@dateline/(domain|event-store|projections|kafka|fact-finder)$': '<rootDir>/libs/$1/src',
    '^@dateline/(domain|event-store|projections|kafka|fact-finder)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
  // class-validator keeps its metadata on the global scope; Jest must not clean it away.
  testEnvironmentOptions: { globalsCleanup: 'off' },
};

export default {
  // Suites on real databases: PGlite's first open (initdb) alone takes ~2.5 s. (A global option: Jest ignores it per project.)
  testTimeout: 60_000,
  // Files run one after another (2 cores), but each in a worker that is replaced once it holds
  // more than this. In one long-lived process the module graphs that native ESM mode keeps per
  // test file piled up (2.5 GB RSS by the end) and garbage collection took over: on a busy
  // machine the unit project's files added up to 637 s in such a run and took 193 s with this
  // limit; the e2e project's, 1,012 s and 541 s. Setting a limit is also what makes Jest use a
  // worker at all with one worker (it runs in band otherwise).
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts', '<rootDir>/test/*.spec.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/libs/**/*.contract-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // Against a real Kafka broker: scripts/test.mjs starts one when KAFKA_BROKERS is unset.
    { ...common, displayName: 'kafka', testMatch: ['<rootDir>/test/kafka/**/*.e2e-spec.ts'] },
    // Fault injection with real processes and servers: restarts, kills, races, fuzzing.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.e2e-spec.ts'] },
    // The reader page in a real Chromium (playwright-core, /usr/bin/chromium): see test/support/browser.ts.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
