import type { Logger } from 'pino';
import { ReadModelPositions } from '@dateline/projections';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
// The CLI's own seed: the first start writes the sample exactly as `npm run cli -- seed`
// does, request by request through the HTTP API (auth, validation, the command handlers),
// with the same idempotency keys, so a later `seed` writes nothing twice.
import type { ApiClient } from '../../../cli/src/api-client';
import { DEFAULT_SEED_FILE, seed } from '../../../cli/src/commands/seed.command';
import type { Settings } from '../config/settings';
import type { AccessLog } from '../logging/access-log';
import type { Storage } from '../storage/open-storage';

/**
 * How long the first start waits for the sample to be projected, ms. Generous: on a busy
 * machine the projector may lag, and the reader page should show the story at once.
 */
const SAMPLE_PROJECTED_WAIT_MS = 30_000;

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
export function sampleDecision(
  settings: Pick<Settings, 'databaseUrl' | 'eventStoreUrl' | 'inMemory' | 'sample' | 'roles'>,
  eventsInStore: number,
): SampleOutcome | 'load' {
  // In-memory PGlite is the tests' store, and without the api role nothing takes the writes.
  if (settings.databaseUrl || settings.eventStoreUrl || settings.inMemory || !settings.roles.includes('api'))
    return { kind: 'not-embedded' };
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
 * The seed's way in: Fastify's inject, the whole request pipeline without a socket. Before
 * listening, so that the first page anyone gets already has the story; and no connection of
 * the process to itself stays open to hold up a shutdown (Fastify keeps idle keep-alive
 * connections for 72 s).
 */
class InjectedApi implements Pick<ApiClient, 'post'> {
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly token: string,
  ) {}

  async post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.token}`,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        payload: JSON.stringify(body),
      });
    if (res.statusCode >= 300) throw new Error(`POST ${path} answered ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  }
}

/**
 * Loads the Istanbul sample into an empty embedded store, and waits until the projections
 * show it, so that the reader page the first screen points at is not empty. Call it after
 * `app.init()` and before `listen()`. A failure is logged and the service starts anyway.
 */
export async function loadSampleOnFirstStart(options: {
  app: NestFastifyApplication;
  settings: Settings;
  storage: Storage;
  token: string | undefined;
  log: Logger;
  /** The access log, whose lines for the sample's writes go to debug. */
  accessLog: AccessLog;
}): Promise<SampleOutcome> {
  const { app, settings, storage, token, log, accessLog } = options;
  // Settings first: a PostgreSQL or EventStoreDB store is not even counted.
  const bySettings = sampleDecision(settings, 0);
  if (bySettings !== 'load') return bySettings;
  const decision = sampleDecision(settings, await storage.store.countEvents());
  if (decision !== 'load') return decision;
  const file = DEFAULT_SEED_FILE;
  if (!token) return { kind: 'failed', file, error: 'no editor token to write with' };
  log.info(`empty store: loading the Istanbul sample (${file}); DATELINE_SAMPLE=none skips it`);
  // The sample's three dozen writes would be as many "request completed" lines between the start and the
  // first screen. The port is not open yet, so they are the only requests: logged at debug.
  accessLog.quiet = true;
  try {
    await app.getHttpAdapter().getInstance().ready();
    const { storyId, position } = await seed(new InjectedApi(app, token), file, (line) => log.debug(`sample: ${line.trim()}`));
    const positions = app.get(ReadModelPositions);
    await positions.waitFor(positions.names, position, SAMPLE_PROJECTED_WAIT_MS);
    log.info(`loaded the Istanbul sample: story ${storyId}`);
    return { kind: 'loaded', file, storyId };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log.warn(`could not load the Istanbul sample: ${error}`);
    return { kind: 'failed', file, error };
  } finally {
    accessLog.quiet = false;
  }
}
