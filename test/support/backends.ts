import { createTempDatabase } from '@dateline/event-store/testing';
import type { Settings } from '../../apps/service/src/config/settings';
import { startTestApp, TestApp } from './test-app';

/** A started app and what removes its store afterwards. */
export interface StartedBackend {
  readonly app: TestApp;
  readonly cleanup: () => Promise<void>;
}

/**
 * The two stores every write suite runs on, for `describe.each`: in-memory PGlite, and a
 * PostgreSQL database of the suite's own (dropped by `cleanup`). `settings`: what the suite
 * configures besides the store (DATELINE_EMBED_ORIGINS, say).
 */
export const BACKENDS: [string, (settings?: Partial<Settings>) => Promise<StartedBackend>][] = [
  ['PGlite', async (settings = {}) => ({ app: await startTestApp(settings), cleanup: async () => undefined })],
  [
    'PostgreSQL',
    async (settings = {}) => {
      const db = await createTempDatabase();
      return { app: await startTestApp({ ...settings, databaseUrl: db.url, inMemory: false }), cleanup: () => db.drop() };
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
