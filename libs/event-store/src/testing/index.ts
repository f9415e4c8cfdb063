/**
 * Helpers for specs and benchmarks (`@dateline/event-store/testing`): never imported by
 * production code (.dependency-cruiser.cjs, rule testing-helpers-only-in-tests).
 */
export * from './temp-database';
export * from './free-port';
