import type { Logger } from 'pino';
import { ProjectorService } from '@dateline/projections';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
// The CLI's own seed and client: the first start writes the sample exactly as
// `npm run cli -- seed` does, through the HTTP API and so through the command handlers, with
// the same idempotency keys (a later `seed` writes nothing twice).
import { ApiClient } from '../../../cli/src/api-client';
import { DEFAULT_SEED_FILE, seed } from '../../../cli/src/commands/seed.command';
import type { Settings } from '../config/settings';
import type { Storage } from '../storage/open-storage';

/** What became of the sample at this start; the first screen says it in words. */
export type SampleOutcome =
  | { readonly kind: 'loaded'; readonly file: string; readonly storyId: string }
  | { readonly kind: 'declined' }
  | { readonly kind: 'store-not-empty' }
  | { readonly kind: 'not-embedded' }
  | { readonly kind: 'failed'; readonly file: string; readonly error: string };

/**
 * Whether this start loads the sample: only into the embedded store (PGlite on disk, the
 * newcomer's `npm start`), only while it holds no event at all, and not with
 * DATELINE_SAMPLE=none. A PostgreSQL or EventStoreDB store is somebody's real data: never.
 */
export function sampleDecision(settings: Pick<Settings, 'databaseUrl' | 'eventStoreUrl' | 'inMemory' | 'sample' | 'roles'>, eventsInStore: number): SampleOutcome | 'load' {
  // In-memory PGlite is the tests' store, and without the api role nothing takes the writes.
  if (settings.databaseUrl || settings.eventStoreUrl || settings.inMemory || !settings.roles.includes('api')) return { kind: 'not-embedded' };
  if (settings.sample === 'none') return { kind: 'declined' };
  if (eventsInStore > 0) return { kind: 'store-not-empty' };
  return 'load';
}

/** The token a start-up write uses: the first editor (or admin) token the service accepts. */
export function startupWriteToken(editorTokens: readonly string[], adminTokens: readonly string[]): string | undefined {
  const spec = editorTokens[0] ?? adminTokens[0];
  if (spec === undefined) return undefined;
  const eq = spec.indexOf('=');
  return eq > 0 ? spec.slice(eq + 1) : spec;
}

/**
 * Loads the Istanbul sample into an empty embedded store, once the service listens (the seed
 * goes through HTTP), and waits until the projections show it, so that the reader page the
 * first screen points at is not empty. A failure is logged and the service keeps running.
 */
export async function loadSampleOnFirstStart(options: {
  app: NestFastifyApplication;
  settings: Settings;
  storage: Storage;
  baseUrl: string;
  token: string | undefined;
  log: Logger;
}): Promise<SampleOutcome> {
  const { app, settings, storage, baseUrl, token, log } = options;
  // Settings first: a PostgreSQL or EventStoreDB store is not even counted.
  const bySettings = sampleDecision(settings, 0);
  if (bySettings !== 'load') return bySettings;
  const decision = sampleDecision(settings, await storage.store.countEvents());
  if (decision !== 'load') return decision;
  const file = DEFAULT_SEED_FILE;
  if (!token) return { kind: 'failed', file, error: 'no editor token to write with' };
  log.info(`empty store: loading the Istanbul sample (${file}); DATELINE_SAMPLE=none skips it`);
  try {
    const api = new ApiClient(baseUrl, { editor: token, admin: undefined });
    const { storyId, position } = await seed(api, file, (line) => log.debug(`sample: ${line.trim()}`));
    // A generous wait: on a busy machine the projector may lag, and the page should show it.
    await app.get(ProjectorService).waitFor(position, 30_000);
    log.info(`loaded the Istanbul sample: story ${storyId}`);
    return { kind: 'loaded', file, storyId };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log.warn(`could not load the Istanbul sample: ${error}`);
    return { kind: 'failed', file, error };
  }
}
