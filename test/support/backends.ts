import { createTempDatabase } from '@dateline/event-store/testing';
import { startTestApp, TestApp } from './test-app';

/** A started app and what removes its store afterwards. */
export interface StartedBackend {
  readonly app: TestApp;
  readonly cleanup: () => Promise<void>;
}

/**
 * The two stores every write suite runs on, for `describe.each`: in-memory PGlite, and a
 * PostgreSQL database of the suite's own (dropped by `cleanup`).
 */
export const BACKENDS: [string, () => Promise<StartedBackend>][] = [
  ['PGlite', async () => ({ app: await startTestApp(), cleanup: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const db = await createTempDatabase();
      return { app: await startTestApp({ databaseUrl: db.url, inMemory: false }), cleanup: () => db.drop() };
    },
  ],
];

/**
 * Events in the log, counted in the table itself: the log head of /admin/status is read below
 * the oldest open transaction (ADR 0001) and may move between two reads with nothing written.
 */
export async function eventCount(t: TestApp): Promise<number> {
  return (await t.storage.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM dateline_events')).rows[0].n;
}
